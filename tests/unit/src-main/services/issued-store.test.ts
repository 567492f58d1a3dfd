import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/ipc/contract'
import { createIssuedStore, type IssuedStore } from '../../../../src-main/services/issued-store'

const documentId = '7d3c1f0e-2b4a-4c8e-9f61-0a5b2c3d4e5f'
const ref = { documentId, name: 'so-06-bc-ubnd-bao-cao-2020-12-31.docx' }
const bytes = Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3])

let folder: string
let store: IssuedStore
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ocop-issued-store-'))
  store = createIssuedStore(folder)
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('the kept copies of issued documents', () => {
  it('keeps a file read-only in the document’s folder and reads it back while unchanged', async () => {
    const kept = await store.keep(ref, bytes)
    expect(kept).toEqual({
      name: ref.name,
      size: 7,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const path = join(folder, documentId, ref.name)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o444)
    await expect(store.read(ref, kept.sha256)).resolves.toEqual({ name: ref.name, bytes })
  })

  it('never writes over a kept copy, unless recreating it', async () => {
    const kept = await store.keep(ref, bytes)
    await expect(store.keep(ref, Uint8Array.from([9]))).rejects.toMatchObject({
      code: 'issued.exists',
      message: expect.stringContaining('không được ghi đè'),
    })
    await expect(store.read(ref, kept.sha256)).resolves.toMatchObject({ bytes })

    const again = await store.keep(ref, Uint8Array.from([9]), true)
    await expect(store.read(ref, again.sha256)).resolves.toMatchObject({
      bytes: Uint8Array.from([9]),
    })
  })

  it('refuses a copy changed after issuing, and names a missing one', async () => {
    const kept = await store.keep(ref, bytes)
    const path = join(folder, documentId, ref.name)
    chmodSync(path, 0o644)
    writeFileSync(path, 'sửa tay')
    await expect(store.read(ref, kept.sha256)).rejects.toMatchObject({
      code: 'issued.changed',
      message: expect.stringContaining(`“${ref.name}”`),
    })
    rmSync(path)
    await expect(store.pathOf(ref, kept.sha256)).rejects.toMatchObject({
      code: 'issued.missing',
      message: expect.stringContaining('Tạo lại tệp'),
    })
  })

  it('accepts only a document id and a bare file name from the page', () => {
    const request = contract['issued.read'].request
    const valid = { ...ref, sha256: 'a'.repeat(64) }
    expect(request.safeParse(valid).success).toBe(true)
    for (const name of ['../x.docx', 'a/b.docx', '..docx', 'Báo cáo.docx', 'x.exe', '.x.docx']) {
      expect(request.safeParse({ ...valid, name }).success, name).toBe(false)
    }
    expect(request.safeParse({ ...valid, documentId: '../../etc' }).success).toBe(false)
  })
})
