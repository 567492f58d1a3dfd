import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createOfficeIdentity } from '@shared/exchange/identity'
import {
  PACKAGE_FORMAT_VERSION,
  writePackage,
  type PackageContent,
  type PackageMeta,
} from '@shared/exchange/package-format'
import { readPackage } from '../../../../../src-main/services/exchange/read-package'

const now = '2026-12-04T08:00:00.000Z'
const product = {
  id: 'p1',
  name: 'Mật ong Hoa nhãn',
  producerId: null,
  unitId: null,
  criteriaSetId: null,
  groupCode: '',
  productSetCode: '',
  description: '',
  createdAt: now,
  updatedAt: now,
}

async function aPackage() {
  const identity = await createOfficeIdentity(
    { name: 'UBND xã Cẩm Xá', unitName: 'Xã Cẩm Xá', unitCode: '12103' },
    'install-1',
    now,
  )
  const content: PackageContent = {
    tables: {
      products: [{ ...product, origin: { office: identity.officeId, id: 'p1', rev: now } }],
    },
    tombstones: [],
    state: { products: { [identity.officeId]: { p1: now } } },
    offices: [],
  }
  const meta: PackageMeta = {
    id: 'pkg-1',
    kind: 'full',
    base: null,
    createdAt: now,
    appVersion: '0.1.0',
    recipient: null,
    includesHeld: false,
  }
  return { identity, bytes: await writePackage(content, meta, identity) }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'read',
    (error: { code?: string }) => error.code,
  )

describe('readPackage: a package is checked whole before anything of it is used', () => {
  it('reads back what was written, signed by its sender', async () => {
    const { identity, bytes } = await aPackage()
    const read = await readPackage(bytes, 'cam-xa.ocop')
    expect(read.manifest.formatVersion).toBe(PACKAGE_FORMAT_VERSION)
    expect(read.manifest.sender.officeId).toBe(identity.officeId)
    expect(read.content.tables.products?.[0]?.name).toBe('Mật ong Hoa nhãn')
    expect(read.content.state.products?.[identity.officeId]).toEqual({ p1: now })
  })

  it('refuses a part changed after signing (its checksum no longer matches)', async () => {
    const files = unzipSync((await aPackage()).bytes)
    const text = new TextDecoder().decode(files['data/products.json'])
    files['data/products.json'] = strToU8(text.replace('Hoa nhãn', 'Hoa vải'))
    const error = await readPackage(zipSync(files), 'x.ocop').catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'package.checksum',
      params: { part: 'data/products.json' },
    })
  })

  it('refuses a manifest changed after signing, and one signed with another key', async () => {
    const files = unzipSync((await aPackage()).bytes)
    const manifest = new TextDecoder().decode(files['manifest.json'])
    const changed = { ...files, 'manifest.json': strToU8(manifest.replace('Cẩm Xá', 'Bình Minh')) }
    expect(await codeOf(readPackage(zipSync(changed), 'x.ocop'))).toBe('package.signature')
    const other = unzipSync((await aPackage()).bytes)
    const forged = { ...files, 'manifest.sig': other['manifest.sig']! }
    expect(await codeOf(readPackage(zipSync(forged), 'x.ocop'))).toBe('package.signature')
  })

  it('refuses a package of a later format by its version, and a file that is no package', async () => {
    const files = unzipSync((await aPackage()).bytes)
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as object
    const later = {
      ...files,
      'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 99 })),
    }
    const error = await readPackage(zipSync(later), 'x.ocop').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'package.newer-format', params: { version: 99 } })
    expect(await codeOf(readPackage(strToU8('not a zip'), 'x.ocop'))).toBe('package.unreadable')
  })
})
