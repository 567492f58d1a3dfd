// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import type { Product } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { roundResults } from '@shared/rounds/round-data'
import type { MemberWorkbookRead } from '@shared/rounds/round-files'
import { previewMemberScores, type ScoreImportPlan } from '@shared/rounds/score-import'
import type { OcopDatabase } from '@/db/database'
import { snapshotTables } from '@/db/backup-tables'
import { listRoundBatches, loadBundle } from '@/db/round-closing'
import { commitMemberScores, undoMemberScores } from '@/db/round-score-import'
import { saveScore } from '@/db/rounds-repo'
import { groupISheet } from '../../support/full-sheet'
import { roundRecords } from '../../support/round-records'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('round-score-import')

const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2019-01-01T00:00:00.000Z')

const PRODUCT_NAMES: Record<string, string> = {
  p1: 'Miến dong Bình Liêu',
  p2: 'Tương Bần',
  p3: 'Gà Đông Tảo',
  p4: 'Chè Shan tuyết',
}

function product(id: string): Product {
  return {
    id,
    name: PRODUCT_NAMES[id]!,
    producerId: null,
    unitId: null,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
    createdAt: '2019-01-01T00:00:00.000Z',
    updatedAt: '2019-01-01T00:00:00.000Z',
  }
}

const PHO = 'round-1-m2'
const parts = (A: number | null, B: number | null, C: number | null) => ({ A, B, C })

/**
 * An open round of four products: Trần Thị Phó (the second member) typed the first two in the
 * grid; the fourth is of group I, scored on the full sheet.
 */
async function registerWithRound() {
  const db = await freshDb()
  const pho = (points: [number, number, number] | null) => [
    [30, 20, 30] as [number, number, number],
    points,
    null,
  ]
  const records = roundRecords({
    criteriaSetId: 'qd-148',
    products: ['p1', 'p2', 'p3', 'p4'],
    scores: [pho([30, 20, 30]), pho([20, 15, 20]), pho(null), pho(null)],
  })
  records.entries[3]!.groupCode = 'I'
  await db.criteriaSets.bulkAdd(criteriaSets)
  await db.products.bulkAdd(Object.keys(PRODUCT_NAMES).map(product))
  await db.scoringSheets.add(groupISheet)
  await db.rounds.add(records.round)
  await db.roundMembers.bulkAdd(records.members)
  await db.roundEntries.bulkAdd(records.entries)
  await db.roundScores.bulkAdd(records.scores)
  return { db, round: records.round }
}

/** Pho's filled workbook: the first as typed, the second changed, the third and fourth new. */
const filled: MemberWorkbookRead = {
  fileName: '02-tran-thi-pho.xlsx',
  archive: null,
  sha256: 'a1b2c3',
  roundId: 'round-1',
  memberId: PHO,
  products: {
    'round-1-e1': parts(30, 20, 30),
    'round-1-e2': parts(25, 15, 20),
    'round-1-e3': parts(30, 20, 25),
    'round-1-e4': { 'A1.1': 20, 'A1.2': 12.5, B: 20, C: 30 },
  },
  problems: [],
}

async function previewOf(db: OcopDatabase, read: MemberWorkbookRead): Promise<ScoreImportPlan> {
  const preview = previewMemberScores(await loadBundle(db, 'round-1'), read)
  if (!preview.ok) throw new Error('refused')
  return preview
}

const options = (expected: ScoreImportPlan) => ({
  who: 'van-thu',
  now: '2020-10-01T10:00:00.000Z',
  expected,
})

/** The register a clerk reads: every table but the history of what was done to it. */
async function registerOf(db: OcopDatabase) {
  const { auditLog: _log, changeBatches: _batches, ...register } = await snapshotTables(db)
  return register
}

const refusal = (action: Promise<unknown>) =>
  action.then(
    () => '',
    (error: Error) => error.message,
  )

/** Pho's part scores in each product's result, by product. */
async function phoResults(db: OcopDatabase) {
  const bundle = await loadBundle(db, 'round-1')
  const results = roundResults(bundle)
  return Object.fromEntries(
    bundle.entries.map((entry) => [
      entry.productId,
      results.get(entry.id)!.members.find((m) => m.memberId === PHO)?.parts ?? null,
    ]),
  )
}

describe('importing a member’s score workbook', () => {
  it('writes only the new and changed scores, and the results then hold the workbook’s points', async () => {
    const { db } = await registerWithRound()
    const before = await db.roundScores.toArray()
    const batch = await commitMemberScores(
      db,
      'round-1',
      filled,
      options(await previewOf(db, filled)),
    )

    expect(batch.label).toBe('Nhập phiếu chấm của Trần Thị Phó (tệp 02-tran-thi-pho.xlsx)')
    expect(batch.detail).toEqual({
      roundId: 'round-1',
      memberId: PHO,
      fileName: '02-tran-thi-pho.xlsx',
      fileHash: 'a1b2c3',
      counts: { new: 2, changed: 1, same: 1, blank: 0, blocked: 0, absent: 0 },
    })
    const after = await db.roundScores.toArray()
    const changed = after
      .filter((score) => !before.some((s) => JSON.stringify(s) === JSON.stringify(score)))
      .sort((a, b) => a.entryId.localeCompare(b.entryId))
    expect(
      changed.map(({ entryId, memberId, pass, parts, items, source }) => ({
        entryId,
        memberId,
        pass,
        parts,
        items,
        source,
      })),
    ).toEqual([
      {
        entryId: 'round-1-e2',
        memberId: PHO,
        pass: 1,
        parts: parts(25, 15, 20),
        items: null,
        source: 'workbook',
      },
      {
        entryId: 'round-1-e3',
        memberId: PHO,
        pass: 1,
        parts: parts(30, 20, 25),
        items: null,
        source: 'workbook',
      },
      {
        entryId: 'round-1-e4',
        memberId: PHO,
        pass: 1,
        parts: parts(32.5, 20, 30),
        items: { 'A1.1': 20, 'A1.2': 12.5, B: 20, C: 30 },
        source: 'workbook',
      },
    ])
    expect(after).toHaveLength(before.length + 2)
    expect(changed.every((score) => score.updatedAt === batch.at)).toBe(true)
    expect(batch.beforeImages).toEqual([
      {
        table: 'roundScores',
        record: before.find((s) => s.entryId === 'round-1-e2' && s.memberId === PHO),
      },
    ])

    expect(await phoResults(db)).toEqual({
      p1: parts(30, 20, 30),
      p2: parts(25, 15, 20),
      p3: parts(30, 20, 25),
      p4: parts(32.5, 20, 30),
    })
    expect((await listRoundBatches(db, 'round-1')).map((b) => b.id)).toEqual([batch.id])
    const lines = await db.auditLog.where('batchId').equals(batch.id).toArray()
    expect(lines.map((line) => line.summary)).toEqual([
      'Nhập phiếu chấm của Trần Thị Phó (tệp 02-tran-thi-pho.xlsx), đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1": 2 sản phẩm chấm mới, 1 sản phẩm sửa điểm',
    ])
  })

  it('refuses, writing nothing, when scores were typed in the grid after the preview', async () => {
    const { db } = await registerWithRound()
    const expected = await previewOf(db, filled)
    await saveScore(db, { entryId: 'round-1-e3', memberId: PHO, pass: 1, parts: parts(10, 10, 10) })
    const register = await registerOf(db)
    const batches = await db.changeBatches.count()

    expect(await refusal(commitMemberScores(db, 'round-1', filled, options(expected)))).toBe(
      'Tệp "02-tran-thi-pho.xlsx" (phiếu chấm của Trần Thị Phó) chưa được nhập: điểm hoặc sản phẩm của đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đã thay đổi kể từ lúc xem trước (có người sửa điểm ở bảng điểm, hoặc vừa nhập một phiếu khác). Hãy xem lại bản xem trước rồi nhập lại. Dữ liệu không bị thay đổi.',
    )
    expect(await registerOf(db)).toEqual(register)
    expect(await db.changeBatches.count()).toBe(batches)
  })

  it('refuses a preview of another file, or the same file twice', async () => {
    const { db } = await registerWithRound()
    const expected = await previewOf(db, filled)
    const stored = await db.roundScores.count()
    const other = { ...filled, sha256: 'ffff' }
    expect(await refusal(commitMemberScores(db, 'round-1', other, options(expected)))).toContain(
      'đã thay đổi kể từ lúc xem trước',
    )
    await commitMemberScores(db, 'round-1', filled, options(expected))
    // The first import changed what the preview said: the second is refused, not written twice.
    expect(await refusal(commitMemberScores(db, 'round-1', filled, options(expected)))).toContain(
      'đã thay đổi kể từ lúc xem trước',
    )
    expect(await db.roundScores.count()).toBe(stored + 2)
  })

  it('is undone exactly, the register as it was before', async () => {
    const { db } = await registerWithRound()
    const register = await registerOf(db)
    const batch = await commitMemberScores(
      db,
      'round-1',
      filled,
      options(await previewOf(db, filled)),
    )
    const undone = await undoMemberScores(db, batch.id, '2020-10-01T11:00:00.000Z')

    expect(undone.undoneAt).toBe('2020-10-01T11:00:00.000Z')
    expect(await registerOf(db)).toEqual(register)
  })

  it('is not undone once an imported score was retyped in the grid, naming the product and member', async () => {
    const { db } = await registerWithRound()
    const batch = await commitMemberScores(
      db,
      'round-1',
      filled,
      options(await previewOf(db, filled)),
    )
    await saveScore(db, { entryId: 'round-1-e3', memberId: PHO, pass: 1, parts: { C: 26 } })
    const register = await registerOf(db)

    const message = await refusal(undoMemberScores(db, batch.id, '2020-10-01T11:00:00.000Z'))
    expect(message).toMatch(
      /^Không hoàn tác được việc nhập phiếu chấm của Trần Thị Phó \(tệp 02-tran-thi-pho\.xlsx\): điểm chấm "Gà Đông Tảo – Trần Thị Phó" đã được sửa sau đó \(Đợt Đánh giá sản phẩm OCOP năm 2020 đợt 1: điểm của Trần Thị Phó cho Gà Đông Tảo, lúc .+\)\. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi \(hoặc sửa tay\), rồi hoàn tác lại\.$/,
    )
    expect(await registerOf(db)).toEqual(register)
  })

  it('refuses a closed round, both the import and its undo', async () => {
    const { db } = await registerWithRound()
    const expected = await previewOf(db, filled)
    const batch = await commitMemberScores(db, 'round-1', filled, options(expected))
    await db.rounds.update('round-1', { status: 'closed' })
    const register = await registerOf(db)

    expect(await refusal(commitMemberScores(db, 'round-1', filled, options(expected)))).toBe(
      'Tệp "02-tran-thi-pho.xlsx" chưa được nhập: đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đã đóng. Muốn nhập, hãy mở lại đợt ở thẻ Đóng đợt (hoàn tác việc đóng đợt) rồi nhập lại tệp. Dữ liệu không bị thay đổi.',
    )
    expect(await refusal(undoMemberScores(db, batch.id, '2020-10-01T11:00:00.000Z'))).toBe(
      'Đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đã đóng nên không sửa được. Muốn sửa, hãy mở lại đợt ở thẻ Đóng đợt (hoàn tác việc đóng đợt) rồi sửa. Dữ liệu không bị thay đổi.',
    )
    expect(await registerOf(db)).toEqual(register)
  })
})
