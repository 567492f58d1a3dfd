// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { matchImport } from '@shared/import/match'
import type { ImportRow, ImportRowFields } from '@shared/import/rows'
import type { OcopDatabase } from '@/db/database'
import { useFreshDatabases } from './fresh-db'
import { commitImport } from '@/db/import-repo'
import { listChangeBatches, undoChangeBatch } from '@/db/change-batches'
import { createEvaluation, updateProduct } from '@/db/products-repo'
import { snapshotTables } from '@/db/backup-tables'
import { savePlan } from '@/db/plans-repo'
import { blankTarget } from '@shared/domain/plan-input'

const freshDb = useFreshDatabases('import')

const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z')
const source = {
  fileName: 'xa-cam-xa.xlsx',
  fileHash: 'abc',
  sheet: 'Danh sách',
  mapping: [],
  who: 'can-bo',
}

function row(n: number, overrides: Partial<ImportRowFields> = {}): ImportRow {
  return {
    row: n,
    status: 'ok',
    messages: [],
    fields: {
      product: `Sản phẩm ${n}`,
      producer: 'HTX Cẩm Xá',
      producerType: 'htx',
      taxCode: '',
      unit: null,
      unitName: '',
      address: '',
      group: 'Thực phẩm',
      score: 65,
      partScores: {},
      stars: 3,
      year: 2024,
      decisionNo: `${n}/QĐ-UBND`,
      decisionDate: '2024-06-01',
      certificateNo: '',
      note: '',
      ...overrides,
    },
  }
}

async function match(db: OcopDatabase, rows: ImportRow[], now = new Date().toISOString()) {
  const [producers, products, evaluations] = await Promise.all([
    db.producers.toArray(),
    db.products.toArray(),
    db.evaluations.toArray(),
  ])
  return matchImport(
    rows,
    { producers, products, evaluations, criteriaSets },
    {
      excluded: new Set(),
      now,
      newId: () => crypto.randomUUID(),
    },
  )
}

const registerOf = async (db: OcopDatabase) => {
  const { producers, products, evaluations } = await snapshotTables(db)
  return { producers, products, evaluations }
}

describe('import batches', () => {
  it('commits a batch in one go, re-importing changes nothing, and undo restores the register exactly', async () => {
    const db = await freshDb()
    const first = await match(db, [row(2)])
    await commitImport(db, first, source)
    const before = await registerOf(db)

    const rows = [row(2, { stars: 4, score: 75 }), row(3), row(4)]
    const batch = await commitImport(db, await match(db, rows), source)
    expect(await db.products.count()).toBe(3)
    expect(batch.detail.counts).toMatchObject({ new: 2, update: 1 })
    expect(batch.beforeImages).toHaveLength(1)
    expect(
      (await db.auditLog.where('batchId').equals(batch.id).toArray()).map((a) => a.action),
    ).toEqual(['import'])

    const again = await match(db, rows)
    expect(again.counts).toMatchObject({ new: 0, update: 0, unchanged: 3 })

    await undoChangeBatch(db, batch.id, new Date().toISOString())
    expect(await registerOf(db)).toEqual(before)
    const [latest] = await listChangeBatches(db, 'import')
    expect(latest?.undoneAt).not.toBeNull()
    await expect(undoChangeBatch(db, batch.id, new Date().toISOString())).rejects.toThrow(
      /đã được hoàn tác/,
    )
  })

  it('refuses an undo when a record it wrote was edited later, and changes nothing', async () => {
    const db = await freshDb()
    const batch = await commitImport(db, await match(db, [row(2)]), source)
    const product = (await db.products.toArray())[0]!
    const { id: _p, createdAt: _pc, updatedAt: _pu, ...edit } = product
    await updateProduct(db, product.id, { ...edit, description: 'Sửa tay sau khi nhập' })
    const before = await snapshotTables(db)
    await expect(undoChangeBatch(db, batch.id, new Date().toISOString())).rejects.toThrow(
      /Không hoàn tác được việc nhập tệp [^"]+ \(trang "[^"]+"\): sản phẩm "Sản phẩm 2" đã được sửa sau đó \(Sửa sản phẩm Sản phẩm 2, lúc/,
    )
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('refuses an undo when a later evaluation depends on a product it added', async () => {
    const db = await freshDb()
    const batch = await commitImport(db, await match(db, [row(2)]), source)
    const product = (await db.products.toArray())[0]!
    const [evaluation] = await db.evaluations.toArray()
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = evaluation!
    await createEvaluation(db, { ...input, productId: product.id, year: 2025 }, product.name)
    await expect(undoChangeBatch(db, batch.id, new Date().toISOString())).rejects.toThrow(
      /sản phẩm "Sản phẩm 2" do việc này thêm vào đã có kết quả đánh giá được thêm sau đó/,
    )
  })

  it('is a change batch that says what it did, when and by whom', async () => {
    const db = await freshDb()
    const batch = await commitImport(db, await match(db, [row(2), row(3)]), source)
    const [listed] = await listChangeBatches(db, 'import')
    expect(listed).toMatchObject({
      id: batch.id,
      kind: 'import',
      label: 'Nhập tệp xa-cam-xa.xlsx (trang "Danh sách")',
      who: 'can-bo',
      detail: { fileName: 'xa-cam-xa.xlsx', sheet: 'Danh sách', counts: { new: 2 } },
    })
    // Every record it wrote carries its time: that is how a later edit shows.
    const products = await db.products.toArray()
    expect(products.every((p) => p.updatedAt === listed!.at)).toBe(true)
  })

  it('refuses an undo when any later record refers to one it added, naming both', async () => {
    const db = await freshDb()
    const batch = await commitImport(db, await match(db, [row(2)]), source)
    const product = (await db.products.toArray())[0]!
    await savePlan(
      db,
      {
        name: 'Kế hoạch 2025',
        docNo: '',
        docDate: null,
        fromYear: 2025,
        toYear: 2025,
        baselineYear: 2024,
        note: '',
        targets: [{ ...blankTarget('product-stars'), productId: product.id, stars: 4, value: 1 }],
      },
      null,
    )
    const before = await snapshotTables(db)
    await expect(undoChangeBatch(db, batch.id, new Date().toISOString())).rejects.toThrow(
      /sản phẩm "Sản phẩm 2" do việc này thêm vào đã được chỉ tiêu kế hoạch "Kế hoạch 2025" dùng đến sau đó/,
    )
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('refuses a commit matched on a register that changed since, and writes nothing', async () => {
    const db = await freshDb()
    await commitImport(db, await match(db, [row(2)]), source)
    const staleMatch = await match(db, [row(2, { stars: 4, score: 75 }), row(3)])
    const evaluation = (await db.evaluations.toArray())[0]!
    await db.evaluations.put({ ...evaluation, note: 'Sửa tay trong lúc xem trước' })
    const before = await snapshotTables(db)
    await expect(commitImport(db, staleMatch, source)).rejects.toThrow(
      /Dữ liệu đã thay đổi kể từ lúc xem trước/,
    )
    expect(await snapshotTables(db)).toEqual(before)
  })
})
