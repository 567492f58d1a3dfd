import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBackup, sha256OfBytes } from '@shared/db/backup-format'
import type { Evaluation, Product, Revocation } from '@shared/db/records'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { fingerprintOf, signWith, type OfficeIdentityKey } from '@shared/exchange/identity'
import type { PackageManifest } from '@shared/exchange/package-format'
import { reportDataFromTables } from '@shared/reports/data'
import { viCollator } from '@shared/text/vietnamese'
import {
  backupFilePieces,
  exportPackage,
  mergePackage,
  mergeSummary,
  type PackageMergeJson,
} from '../../../../src-main/cli/package-command'
import {
  CAM_XA_PRODUCTS,
  MY_HAO_PRODUCTS,
  RICE,
  ROLLS,
  backupOf,
  camXaWithRevocation,
  edited,
  named,
  officeIdentity,
  registerOf,
  type ProductSpec,
  type Register,
} from '../../support/exchange-register'
import { runBuilt } from '../services/built-files'

const THUONG_HONG: ProductSpec[] = [
  {
    producer: 'Cơ sở Chả gà Hồng Hạnh',
    product: 'Chả gà Thượng Hồng',
    unit: 'thuong-hong',
    evaluations: [[2025, 1, 3]],
  },
  { producer: 'HTX Nhãn lồng Minh Đức', product: 'Nhãn lồng Minh Đức', unit: 'old-12127' },
]
let dir: string
let camXa: OfficeIdentityKey
let thuongHong: OfficeIdentityKey
let district: OfficeIdentityKey
let communeRegister: Register

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-package-'))
  camXa = await officeIdentity('camXa')
  thuongHong = await officeIdentity('thuongHong')
  district = await officeIdentity('myHao')
  communeRegister = registerOf('cx', CAM_XA_PRODUCTS, { plan: true })
  await writeFile(join(dir, 'cam-xa.json'), await backupOf(communeRegister, camXa))
  await writeFile(
    join(dir, 'thuong-hong.json'),
    await backupOf(registerOf('th', THUONG_HONG), thuongHong),
  )
  await writeFile(
    join(dir, 'huyen.json'),
    await backupOf(registerOf('mh', MY_HAO_PRODUCTS), district),
  )
  await exported('cam-xa.json', 'cam-xa.ocop')
  await exported('thuong-hong.json', 'thuong-hong.ocop')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const now = '2025-09-01T08:00:00.000Z'

/** `package export` of the backup `data` to `out`, as cli.ts runs it. */
async function exported(data: string, out: string, since?: string) {
  const result = await exportPackage({
    dataFile: join(dir, data),
    ...(since === undefined ? {} : { sinceFile: join(dir, since) }),
    includeHeld: false,
    now: new Date().toISOString(),
    packageId: randomUUID(),
  })
  await writeFile(join(dir, out), result.bytes)
  return result
}

/** `package merge` of `pkg` into the backup `data`, written to `out`, as cli.ts runs it. */
async function merged(data: string, pkg: string, out: string): Promise<PackageMergeJson> {
  const result = await mergePackage({
    dataFile: join(dir, data),
    packageFile: join(dir, pkg),
    links: true,
    now,
  })
  await writeFile(join(dir, out), backupFilePieces(result.backup))
  return result.report
}

async function tablesOf(file: string) {
  return (await parseBackup(await readFile(join(dir, file), 'utf8'), file)).backup.tables
}

/** The products' names in the order of a Vietnamese list. */
const productNames = (products: readonly { name: string }[]) =>
  products.map((p) => p.name).sort(viCollator.compare)

/** The error `package merge` of `pkg` into the district's first backup stops with. */
const refusalOf = (pkg: string) =>
  mergePackage({
    dataFile: join(dir, 'huyen.json'),
    packageFile: join(dir, pkg),
    links: true,
    now,
  }).then(
    () => {
      throw new Error('the package was merged')
    },
    (error: { code?: string; params?: unknown; message?: string }) => error,
  )

describe('ocop package: two communes and their district, through backups', () => {
  it('links what the district imported from Cẩm Xá’s spreadsheet instead of duplicating it', async () => {
    const report = await merged('huyen.json', 'cam-xa.ocop', 'huyen-1.json')

    expect(report.firstContact).toBe(true)
    expect(report.fingerprint).toBe(await fingerprintOf(camXa.publicKey))
    expect(report.package.sender.name).toBe('UBND xã Cẩm Xá')
    expect(report.links.map((link) => [link.table, link.localName, link.by])).toEqual([
      ['producers', 'HTX NN Cẩm Xá', 'tax-code'],
      ['products', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ', 'name'],
      ['products', 'Bánh Cuốn Cẩm Xá', 'name'],
      ['evaluations', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ (2023)', 'year-round'],
      ['evaluations', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ (2024)', 'year-round'],
      ['evaluations', 'Bánh Cuốn Cẩm Xá (2024)', 'year-round'],
    ])
    expect(report.tables.products).toEqual({
      new: 0,
      updated: 2,
      unchanged: 0,
      removed: 0,
      refused: 0,
    })
    expect(report.tables.evaluations).toMatchObject({ new: 0, updated: 3 })
    expect(report.refused).toEqual([])
    const text = mergeSummary(report)
    expect(text).toContain(`Dấu khóa của đơn vị gửi: ${report.fingerprint}`)
    expect(text).toContain('Sản phẩm "GẠO NẾP CÁI HOA VÀNG CẨM XÁ" = "Gạo nếp cái hoa vàng Cẩm Xá"')

    const tables = await tablesOf('huyen-1.json')
    const offices = tables.offices as { id: string; trustedAt: string | null }[]
    expect(offices.find((office) => office.id === camXa.officeId)?.trustedAt).toBe(now)
    expect(tables.changeBatches).toHaveLength(1)
  })

  it('counts the products of both communes exactly once in the district’s reports', async () => {
    await merged('huyen.json', 'cam-xa.ocop', 'huyen-1.json')
    const report = await merged('huyen-1.json', 'thuong-hong.ocop', 'huyen-2.json')
    expect(report.tables.products).toMatchObject({ new: 2, updated: 0 })

    const data = reportDataFromTables(await tablesOf('huyen-2.json'))
    expect(productNames(data.products)).toEqual([
      ROLLS,
      'Chả gà Thượng Hồng',
      RICE,
      'Nhãn lồng Minh Đức',
      'Tương Bần',
    ])
    expect(data.producers).toHaveLength(4)
    expect(data.evaluations).toHaveLength(4)
    // Each commune's products are its own; the sauce is the district's.
    const owners = data.products.map((p) => [p.name, p.origin?.office ?? 'district'])
    expect(Object.fromEntries(owners)).toMatchObject({
      [RICE]: camXa.officeId,
      'Chả gà Thượng Hồng': thuongHong.officeId,
      'Tương Bần': 'district',
    })
  })

  it('takes an edit at Cẩm Xá as a change package, which updates the district', async () => {
    await merged('huyen.json', 'cam-xa.ocop', 'huyen-1.json')
    const renamed = edited(
      communeRegister,
      'products',
      named(communeRegister.products, RICE).id,
      { name: `${RICE} (túi 2 kg)` },
      '2025-08-15T09:30:00.000Z',
    )
    await writeFile(join(dir, 'cam-xa-2.json'), await backupOf(renamed, camXa))
    const changes = await exported('cam-xa-2.json', 'cam-xa-2.ocop', 'cam-xa.ocop')
    expect(changes.kind).toBe('changes')
    expect(changes.counts.products).toBe(1)

    const report = await merged('huyen-1.json', 'cam-xa-2.ocop', 'huyen-3.json')

    expect(report.tables.products).toMatchObject({ updated: 1, unchanged: 0, new: 0 })
    const data = reportDataFromTables(await tablesOf('huyen-3.json'))
    expect(productNames(data.products)).toEqual([ROLLS, `${RICE} (túi 2 kg)`, 'Tương Bần'])
  })

  it('makes a change package only on a package of the same office and the same choice', async () => {
    const since = (data: string, includeHeld: boolean) =>
      exportPackage({
        dataFile: join(dir, data),
        sinceFile: join(dir, 'cam-xa.ocop'),
        includeHeld,
        now,
        packageId: randomUUID(),
      }).catch((error: Error) => error.message)

    expect(await since('thuong-hong.json', false)).toContain(
      'là gói của "UBND xã Cẩm Xá", không phải của "UBND phường Thượng Hồng"',
    )
    expect(await since('cam-xa.json', true)).toContain('không dùng --include-held')
  })

  it('refuses a change package whose base the district has not merged, naming that package', async () => {
    // Built on cam-xa.ocop, which this copy of the district's register never merged.
    await exported('cam-xa.json', 'cam-xa-next.ocop', 'cam-xa.ocop')

    const error = await refusalOf('cam-xa-next.ocop')

    expect(error).toMatchObject({
      code: 'package.missing-base',
      params: { file: 'cam-xa-next.ocop', office: 'UBND xã Cẩm Xá' },
    })
    expect(error.message).toContain('Hãy nhận gói đó trước')
  })

  it('refuses a package whose records were changed and signed again with another key', async () => {
    const files = unzipSync(await readFile(join(dir, 'thuong-hong.ocop')))
    const part = 'data/products.json'
    files[part] = strToU8(new TextDecoder().decode(files[part]).replace('Chả gà', 'Chả lụa'))
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackageManifest
    for (const listed of manifest.parts) {
      if (listed.name === part) {
        listed.sha256 = await sha256OfBytes(files[part])
        listed.bytes = files[part].length
      }
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
    const forger = await officeIdentity('thuongHong')
    files['manifest.sig'] = strToU8(await signWith(forger, files['manifest.json']))
    await writeFile(join(dir, 'gia-mao.ocop'), zipSync(files))

    const error = await refusalOf('gia-mao.ocop')

    expect(error).toMatchObject({ code: 'package.signature', params: { file: 'gia-mao.ocop' } })
  })

  it('keeps a revocation decision through package export and package merge', async () => {
    await writeFile(join(dir, 'cam-xa-thu-hoi.json'), await backupOf(camXaWithRevocation(), camXa))
    const sent = await exported('cam-xa-thu-hoi.json', 'cam-xa-thu-hoi.ocop')
    expect(sent.counts.revocations).toBe(1)

    const report = await merged('huyen.json', 'cam-xa-thu-hoi.ocop', 'huyen-thu-hoi.json')

    expect(report.tables.revocations.new).toBe(1)
    expect(mergeSummary(report)).toMatch(/Quyết định thu hồi\s+1/)
    const tables = await tablesOf('huyen-thu-hoi.json')
    const [revocation] = tables.revocations as Revocation[]
    expect(revocation).toMatchObject({ number: '1234/QĐ-UBND', date: '2021-09-15' })
    // The district had imported the rolls from Cẩm Xá's spreadsheet: the line names its record.
    const rolls = named(tables.products as Product[], ROLLS)
    expect(rolls.id).not.toBe(rolls.origin?.id)
    expect(revocation?.lines[0]?.productId).toBe(rolls.id)
    const index = new EvaluationIndex(
      tables.evaluations as Evaluation[],
      undefined,
      tables.revocations as Revocation[],
    )
    expect(index.statusOn(rolls.id, '2021-09-15').kind).toBe('bi-thu-hoi')
  })

  it('changes nothing when the same package is merged twice', async () => {
    await merged('huyen.json', 'cam-xa.ocop', 'huyen-1.json')

    const report = await merged('huyen-1.json', 'cam-xa.ocop', 'huyen-again.json')

    expect(report.changed).toBe(false)
    expect(report.tables.products).toMatchObject({ unchanged: 2, new: 0, updated: 0 })
    expect(report.firstContact).toBe(false)
    expect(await tablesOf('huyen-again.json')).toEqual(await tablesOf('huyen-1.json'))
    expect(mergeSummary(report)).toContain('đã được nhận trước đây và không mang gì mới')
  })
})

describe('ocop package (built)', () => {
  /** Runs the built CLI as `npm run ocop -- …` would: cwd elsewhere, INIT_CWD the clerk's folder. */
  const ocop = (args: string[]) =>
    runBuilt('cli.js', args, { cwd: tmpdir(), env: { ...process.env, INIT_CWD: dir } })

  it('exports a ward’s package and merges it into the district with a JSON report', async () => {
    const exportRun = await ocop([
      'package',
      'export',
      '--data',
      'thuong-hong.json',
      '--out',
      'built.ocop',
    ])
    expect(exportRun.stderr).toBe('')
    expect(exportRun.code).toBe(0)
    expect(exportRun.stdout).toContain(`Đã ghi gói dữ liệu vào ${join(dir, 'built.ocop')}`)
    expect(exportRun.stdout).toMatch(/Sản phẩm\s+2/)

    const mergeRun = await ocop([
      'package',
      'merge',
      '--data',
      'huyen.json',
      '--package',
      'built.ocop',
      '--out',
      'huyen-built.json',
      '--json',
    ])
    expect(mergeRun.stderr).toBe('')
    expect(mergeRun.code).toBe(0)
    const report = JSON.parse(mergeRun.stdout) as PackageMergeJson
    expect(report.package).toMatchObject({
      kind: 'full',
      sender: { name: 'UBND phường Thượng Hồng' },
    })
    expect(report.firstContact).toBe(true)
    expect(report.tables.products).toEqual({
      new: 2,
      updated: 0,
      unchanged: 0,
      removed: 0,
      refused: 0,
    })
    const data = reportDataFromTables(await tablesOf('huyen-built.json'))
    expect(data.products).toHaveLength(5)
  })

  it('refuses a backup without an office identity (exit 1) and a mistyped command (exit 2)', async () => {
    await writeFile(join(dir, 'no-identity.json'), await backupOf(registerOf('x', [])))
    const refused = await ocop([
      'package',
      'export',
      '--data',
      'no-identity.json',
      '--out',
      'x.ocop',
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Đơn vị chưa có danh tính trao đổi dữ liệu')

    const mistyped = await ocop(['package', 'merge', '--data', 'huyen.json', '--out', 'x.json'])
    expect(mistyped.code).toBe(2)
    expect(mistyped.stderr).toContain('package merge cần --package')
  })
})
