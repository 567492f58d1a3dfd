// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { matchImport } from '@shared/import/match'
import type { ImportRow } from '@shared/import/rows'
import type { ProducerInput, ProductInput } from '@shared/domain/register'
import type { Product } from '@shared/db/records'
import { todayIso } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { OcopDatabase } from '@/db/database'
import { snapshotTables } from '@/db/backup-tables'
import { syncBuiltInCriteriaSets } from '@/db/criteria-repo'
import { commitImport } from '@/db/import-repo'
import { undoChangeBatch } from '@/db/change-batches'
import { createProducer, mergeProducers } from '@/db/producers-repo'
import { createEvaluation, createProduct, deleteProduct, updateProduct } from '@/db/products-repo'
import { getOffice, saveOffice } from '@/db/settings-repo'
import {
  HISTORY_PAGE_SIZE,
  readHistoryPage,
  revertChange,
  revertStatuses,
  type HistoryFilter,
} from '@/db/history-repo'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('history')
const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z')
const NO_FILTER: HistoryFilter = { table: null, recordId: null, from: null, to: null, text: '' }

const producerInput = (name: string): ProducerInput => ({
  name,
  type: 'htx',
  taxCode: '',
  address: '',
  unitId: null,
  representative: '',
  phone: '',
  note: '',
})

const productInput = (name: string, producerId: string): ProductInput => ({
  name,
  producerId,
  unitId: null,
  criteriaSetId: 'qd-1048',
  groupCode: '',
  productSetCode: '',
  description: '',
})

const inputOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...input }: Product): ProductInput => input

async function withProduct(db: OcopDatabase) {
  await syncBuiltInCriteriaSets(db, criteriaSets)
  const producer = await createProducer(db, producerInput('HTX Tương Bần'))
  const product = await createProduct(db, productInput('Tương Bần', producer.id))
  return { producer, product }
}

async function evaluate(db: OcopDatabase, product: Product) {
  return createEvaluation(
    db,
    {
      productId: product.id,
      year: 2020,
      round: 1,
      evaluatedOn: null,
      criteriaSetId: 'qd-1048',
      partScores: { A: 25, B: 20, C: 30 },
      itemScores: null,
      total: 75,
      computedStars: 4,
      recognisedStars: 4,
      councilLevel: 'tinh',
      kind: 'lan-dau',
      decisionNo: '1/QĐ-UBND',
      decisionDate: '2020-06-01',
      certificateNo: '',
      expiryDate: '2023-05-31',
      note: '',
    },
    product.name,
  )
}

/** The newest line of the log. */
async function latestLine(db: OcopDatabase) {
  const line = await db.auditLog.orderBy('id').last()
  if (!line) throw new Error('empty log')
  return line
}

/** The register without its log: what a revert must give back exactly. */
async function registerOf(db: OcopDatabase) {
  const { auditLog: _log, ...tables } = await snapshotTables(db)
  return tables
}

async function refusalOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('reverting a change from the history', () => {
  it('puts an edited product back exactly, in one change that can itself be reverted', async () => {
    const db = await freshDb()
    const { product } = await withProduct(db)
    const before = await registerOf(db)
    await updateProduct(db, product.id, { ...inputOf(product), name: 'Tương Bần Mỹ Hào' })
    const edit = await latestLine(db)
    const edited = await registerOf(db)

    expect(await revertChange(db, edit.id)).toBe(1)
    expect(await registerOf(db)).toEqual(before)
    const revert = await latestLine(db)
    expect(revert).toMatchObject({
      action: 'update',
      table: 'products',
      summary: 'Hoàn tác: Sửa sản phẩm Tương Bần Mỹ Hào',
    })

    await revertChange(db, revert.id)
    expect(await registerOf(db)).toEqual(edited)
    expect((await latestLine(db)).summary).toBe('Làm lại: Sửa sản phẩm Tương Bần Mỹ Hào')
  })

  it('refuses while the record was changed later, naming that change, and writes nothing', async () => {
    const db = await freshDb()
    const { product } = await withProduct(db)
    await updateProduct(db, product.id, { ...inputOf(product), name: 'Tương Bần 1' })
    const first = await latestLine(db)
    await updateProduct(db, product.id, { ...inputOf(product), name: 'Tương Bần 2' })
    const before = await snapshotTables(db)

    const refused = await refusalOf(revertChange(db, first.id))
    expect(refused.message).toMatch(
      /^Không hoàn tác được thay đổi này: sản phẩm "Tương Bần 2" đã được thay đổi sau đó \(Sửa sản phẩm Tương Bần 2, lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\)\./,
    )
    expect(refused.params).toMatchObject({ historyRecord: { table: 'products', id: product.id } })
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('reverts a deleted product to a re-add together with its evaluations', async () => {
    const db = await freshDb()
    const { product } = await withProduct(db)
    await evaluate(db, product)
    const before = await registerOf(db)
    await deleteProduct(db, product.id)
    const lines = await db.auditLog.orderBy('id').reverse().limit(2).toArray()
    expect(lines.map((l) => l.table)).toEqual(['products', 'evaluations'])
    expect(lines[0]?.changeId).toBe(lines[1]?.changeId)

    // Either line reverts the whole change.
    expect(await revertChange(db, lines[1]!.id)).toBe(2)
    expect(await registerOf(db)).toEqual(before)
  })

  it('reverts an added product to a delete, refused while an evaluation refers to it', async () => {
    const db = await freshDb()
    const { product } = await withProduct(db)
    const add = (await db.auditLog.where('recordId').equals(product.id).toArray())[0]!
    await evaluate(db, product)

    const refused = await refusalOf(revertChange(db, add.id))
    expect(refused.message).toContain(
      'hoàn tác sẽ xóa sản phẩm "Tương Bần", nhưng kết quả đánh giá "Tương Bần (2020)" đang tham chiếu tới nó',
    )
    await revertChange(db, (await latestLine(db)).id)
    await revertChange(db, add.id)
    expect(await db.products.get(product.id)).toBeUndefined()
  })

  it('reverts a merge of producers as one change', async () => {
    const db = await freshDb()
    const { producer } = await withProduct(db)
    const duplicate = await createProducer(db, producerInput('HTX Tương Bần (trùng)'))
    await createProduct(db, productInput('Tương Bần loại 2', duplicate.id))
    await createProduct(db, productInput('Tương Bần loại 3', duplicate.id))
    const before = await registerOf(db)
    await mergeProducers(db, producer.id, duplicate.id)

    expect(await revertChange(db, (await latestLine(db)).id)).toBe(3)
    expect(await registerOf(db)).toEqual(before)
  })

  it('reverts a change of the office details, kept by value', async () => {
    const db = await freshDb()
    const office = { ...(await getOffice(db)), officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO' }
    await saveOffice(db, office)
    await saveOffice(db, { ...office, officeName: 'UBND THỊ XÃ MỸ HÀO' })
    await revertChange(db, (await latestLine(db)).id)
    expect(await getOffice(db)).toEqual(office)
  })

  it('refuses the line of an import: the batch is undone from Nhập dữ liệu', async () => {
    const db = await freshDb()
    const batch = await importOne(db)
    const line = await latestLine(db)
    const statuses = await revertStatuses(db, [line])
    expect(statuses.get(line.id)).toEqual({
      revertible: false,
      refusal: { reason: 'in-batch', label: batch.label, kind: 'import', roundId: null },
    })
    expect((await refusalOf(revertChange(db, line.id))).message).toBe(
      `Thay đổi này thuộc việc nhập tệp xa-cam-xa.xlsx (trang "${batch.detail.sheet}"): việc đó chỉ hoàn tác được cả lần, ở mục Nhập dữ liệu (Lịch sử nhập).`,
    )
    expect(batch.undoneAt).toBeNull()
  })
})

const importRow: ImportRow = {
  row: 2,
  status: 'ok',
  messages: [],
  fields: {
    product: 'Gà Đông Tảo',
    producer: 'HTX Gà Đông Tảo',
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
    decisionNo: '2/QĐ-UBND',
    decisionDate: '2024-06-01',
    certificateNo: '',
    note: '',
  },
}

async function importOne(db: OcopDatabase) {
  await syncBuiltInCriteriaSets(db, criteriaSets)
  const match = matchImport(
    [importRow],
    { producers: [], products: [], evaluations: [], criteriaSets },
    { excluded: new Set(), now: new Date().toISOString(), newId: () => crypto.randomUUID() },
  )
  return commitImport(db, match, {
    fileName: 'xa-cam-xa.xlsx',
    fileHash: 'abc',
    sheet: 'Danh sách',
    mapping: [],
    who: '',
  })
}

describe('an import undo refused by a later edit', () => {
  it('names the edit and its record; reverting the edit in the history lets the undo through', async () => {
    const db = await freshDb()
    const batch = await importOne(db)
    const [product] = await db.products.toArray()
    await updateProduct(db, product!.id, { ...inputOf(product!), description: 'Sửa tay' })

    const refused = await refusalOf(undoChangeBatch(db, batch.id, new Date().toISOString()))
    expect(refused.message).toMatch(
      /^Không hoàn tác được việc nhập tệp [^"]+ \(trang "[^"]+"\): sản phẩm "Gà Đông Tảo" đã được sửa sau đó \(Sửa sản phẩm Gà Đông Tảo, lúc .+\)\. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi/,
    )
    const { historyRecord } = refused.params as { historyRecord: { table: string; id: string } }
    expect(historyRecord).toEqual({ table: 'products', id: product!.id })

    // The history of that record lists the edit and the import that added it.
    const page = await readHistoryPage(db, { ...NO_FILTER, ...historyFilter(historyRecord) })
    expect(page.lines.map((l) => l.summary)).toEqual([
      'Sửa sản phẩm Gà Đông Tảo',
      'Nhập tệp xa-cam-xa.xlsx (trang "Danh sách"): 1 dòng mới, 0 dòng cập nhật',
    ])
    await revertChange(db, page.lines[0]!.id)
    await undoChangeBatch(db, batch.id, new Date().toISOString())
    expect(await db.products.count()).toBe(0)
  })

  it('names a later evaluation of a product the import added', async () => {
    const db = await freshDb()
    const batch = await importOne(db)
    const [product] = await db.products.toArray()
    const evaluation = await evaluate(db, product!)
    const refused = await refusalOf(undoChangeBatch(db, batch.id, new Date().toISOString()))
    expect(refused.message).toContain(
      'sản phẩm "Gà Đông Tảo" do việc này thêm vào đã có kết quả đánh giá được thêm sau đó (Thêm kết quả đánh giá năm 2020 cho Gà Đông Tảo, lúc',
    )
    expect(refused.params).toMatchObject({
      historyRecord: { table: 'evaluations', id: evaluation.id },
    })
  })
})

const historyFilter = (record: { table: string; id: string }) => ({
  table: record.table,
  recordId: record.id,
})

describe('reading the history', () => {
  it('pages newest first, and filters by table, text and date', async () => {
    const db = await freshDb()
    const { product } = await withProduct(db)
    for (let i = 1; i <= HISTORY_PAGE_SIZE + 20; i++) {
      await updateProduct(db, product.id, { ...inputOf(product), name: `Tương Bần lần ${i}` })
    }
    const first = await readHistoryPage(db, NO_FILTER)
    expect(first.lines).toHaveLength(HISTORY_PAGE_SIZE)
    expect(first.lines[0]?.summary).toBe(`Sửa sản phẩm Tương Bần lần ${HISTORY_PAGE_SIZE + 20}`)
    const second = await readHistoryPage(db, NO_FILTER, first.next)
    expect(second.next).toBeNull()
    const all = [...first.lines, ...second.lines]
    expect(all).toHaveLength(await db.auditLog.count())
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length)

    const producers = await readHistoryPage(db, { ...NO_FILTER, table: 'producers' })
    expect(producers.lines.map((l) => l.summary)).toEqual(['Thêm chủ thể HTX Tương Bần'])
    // Diacritics and case do not matter, as in every search box of the app.
    const searched = await readHistoryPage(db, { ...NO_FILTER, text: 'tuong ban lan 7' })
    expect(searched.lines.map((l) => l.summary)).toEqual([
      'Sửa sản phẩm Tương Bần lần 117',
      'Sửa sản phẩm Tương Bần lần 107',
      'Sửa sản phẩm Tương Bần lần 97',
      'Sửa sản phẩm Tương Bần lần 87',
      'Sửa sản phẩm Tương Bần lần 79',
      'Sửa sản phẩm Tương Bần lần 78',
      'Sửa sản phẩm Tương Bần lần 77',
      'Sửa sản phẩm Tương Bần lần 76',
      'Sửa sản phẩm Tương Bần lần 75',
      'Sửa sản phẩm Tương Bần lần 74',
      'Sửa sản phẩm Tương Bần lần 73',
      'Sửa sản phẩm Tương Bần lần 72',
      'Sửa sản phẩm Tương Bần lần 71',
      'Sửa sản phẩm Tương Bần lần 70',
      'Sửa sản phẩm Tương Bần lần 67',
      'Sửa sản phẩm Tương Bần lần 57',
      'Sửa sản phẩm Tương Bần lần 47',
      'Sửa sản phẩm Tương Bần lần 37',
      'Sửa sản phẩm Tương Bần lần 27',
      'Sửa sản phẩm Tương Bần lần 17',
      'Sửa sản phẩm Tương Bần lần 7',
    ])
    const tomorrow = todayIso(new Date(Date.now() + 86_400_000))
    expect((await readHistoryPage(db, { ...NO_FILTER, from: tomorrow })).lines).toEqual([])
  })
})
