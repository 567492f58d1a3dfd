// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import type { Evaluation, Product, Round, RoundScore } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import type { OcopDatabase } from '@/db/database'
import { closeRound, enterDecision, listRoundBatches, reopenRound } from '@/db/round-closing'
import { undoChangeBatch } from '@/db/change-batches'
import { snapshotTables } from '@/db/backup-tables'
import { updateEvaluation } from '@/db/products-repo'
import { roundRecords } from '../../support/round-records'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('round-closing')

const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2019-01-01T00:00:00.000Z')

type Points = [number, number, number]
/** Part points (A, B, C) every member gives, fitting both QĐ 1048's and QĐ 148's maxima. */
const POINTS: Record<number, Points> = {
  2: [10, 10, 15], // 35
  3: [20, 15, 20], // 55
  4: [25, 20, 30], // 75
  5: [30, 25, 35], // 90
}
const allMembers = (points: Points | null): (Points | null)[] => [points, points, points]

const PRODUCT_NAMES: Record<string, string> = {
  p2: 'Miến dong Bình Liêu',
  p3: 'Tương Bần',
  p4: 'Gà Đông Tảo',
  p5: 'Chè Shan tuyết',
}

function product(id: string): Product {
  return {
    id,
    name: PRODUCT_NAMES[id] ?? id,
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

interface RoundSetup {
  criteriaSetId: string
  level: Round['level']
  year: number
  meeting: string
  /** Scores per product id: one row of points per member (null: not scored). */
  scores: Record<string, (Points | null)[]>
}

/** A register holding the built-in sets, the products and one open round scoring them. */
async function registerWithRound(setup: RoundSetup) {
  const db = await freshDb()
  const products = Object.keys(setup.scores)
  const records = roundRecords({
    criteriaSetId: setup.criteriaSetId,
    products,
    scores: products.map((id) => setup.scores[id]!),
  })
  const round: Round = {
    ...records.round,
    level: setup.level,
    year: setup.year,
    meetingFrom: setup.meeting,
    meetingTo: setup.meeting,
  }
  await db.criteriaSets.bulkAdd(criteriaSets)
  await db.products.bulkAdd(products.map(product))
  await db.rounds.add(round)
  await db.roundMembers.bulkAdd(records.members)
  await db.roundEntries.bulkAdd(records.entries)
  await db.roundScores.bulkAdd(records.scores)
  const entryOf = (productId: string) => records.entries.find((e) => e.productId === productId)!
  return { db, round, entryOf }
}

const evaluationOf = async (db: OcopDatabase, productId: string) =>
  db.evaluations.where('productId').equals(productId).toArray()

const entriesOf = async (db: OcopDatabase) =>
  Object.fromEntries(
    (await db.roundEntries.toArray()).map((e) => [
      e.productId,
      { outcome: e.outcome, proposedTo: e.proposedTo, evaluated: e.evaluationId !== null },
    ]),
  )

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

const closeAt = '2020-10-02T08:00:00.000Z'

describe('closing a district round under QĐ 1048', () => {
  const setup: RoundSetup = {
    criteriaSetId: 'qd-1048',
    level: 'huyen',
    year: 2020,
    meeting: '2020-10-01',
    scores: {
      p2: allMembers(POINTS[2]!),
      p3: [
        [20, 15, 20],
        [21, 15, 20],
        [22, 15, 21],
      ],
      p4: allMembers(POINTS[4]!),
      p5: allMembers(POINTS[5]!),
    },
  }

  it('writes the 1★-2★ results and proposes 3★ and up, 5★ included, to the province', async () => {
    const { db, round } = await registerWithRound(setup)
    const batch = await closeRound(db, round.id, { decision: null, who: 'can-bo', now: closeAt })

    expect(batch.label).toBe('Đóng đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1"')
    expect((await db.rounds.get(round.id))!.status).toBe('closed')
    expect(await entriesOf(db)).toEqual({
      p2: { outcome: 'result', proposedTo: null, evaluated: true },
      p3: { outcome: 'propose', proposedTo: 'tinh', evaluated: false },
      p4: { outcome: 'propose', proposedTo: 'tinh', evaluated: false },
      p5: { outcome: 'propose', proposedTo: 'tinh', evaluated: false },
    })
    const [result] = await evaluationOf(db, 'p2')
    expect(result).toMatchObject({
      year: 2020,
      round: 1,
      evaluatedOn: '2020-10-01',
      criteriaSetId: 'qd-1048',
      partScores: { A: 10, B: 10, C: 15 },
      total: 35,
      computedStars: 2,
      recognisedStars: 2,
      councilLevel: 'huyen',
      kind: 'lan-dau',
      decisionNo: '',
      decisionDate: null,
      certificateNo: '',
      expiryDate: null,
      updatedAt: closeAt,
    })
    expect(result!.note).toContain('Đánh giá sản phẩm OCOP năm 2020 đợt 1')
    for (const id of ['p3', 'p4', 'p5']) expect(await evaluationOf(db, id)).toEqual([])

    const lines = await db.auditLog.where('batchId').equals(batch.id).toArray()
    expect(lines.map((line) => line.summary)).toEqual([
      'Đóng đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1": 1 kết quả ghi vào sổ, 0 sản phẩm công nhận ở cấp này, 3 sản phẩm đề nghị cấp trên',
    ])
  })

  it("enters the province's decision: the recognised product gets its certificate, the other a result without stars", async () => {
    const { db, round, entryOf } = await registerWithRound(setup)
    await closeRound(db, round.id, { decision: null, who: 'can-bo', now: closeAt })
    const decisionAt = '2020-12-16T08:00:00.000Z'
    const decision = await enterDecision(db, round.id, {
      level: 'tinh',
      no: '1358/QĐ-UBND',
      date: '2020-12-15',
      lines: [
        { entryId: entryOf('p3').id, stars: 3, certificateNo: 'GCN-2020-07' },
        { entryId: entryOf('p4').id, stars: null, certificateNo: '' },
      ],
      who: 'can-bo',
      now: decisionAt,
    })

    expect(decision.label).toBe(
      'Nhập Quyết định số 1358/QĐ-UBND ngày 15/12/2020 cho đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1"',
    )
    const [recognised] = await evaluationOf(db, 'p3')
    expect(recognised).toMatchObject({
      partScores: { A: 21, B: 15, C: 20.33 },
      total: 56.33,
      computedStars: 3,
      recognisedStars: 3,
      councilLevel: 'tinh',
      decisionNo: '1358/QĐ-UBND',
      decisionDate: '2020-12-15',
      certificateNo: 'GCN-2020-07',
      expiryDate: '2023-12-14',
      updatedAt: decisionAt,
    })
    const [notRecognised] = await evaluationOf(db, 'p4')
    expect(notRecognised).toMatchObject({
      computedStars: 4,
      recognisedStars: null,
      councilLevel: 'tinh',
      certificateNo: '',
      expiryDate: null,
    })
    expect(notRecognised!.note).toContain('Không được công nhận theo Quyết định số 1358/QĐ-UBND')
    expect((await entriesOf(db)).p3!.evaluated).toBe(true)

    // Entered twice, or for a product proposed elsewhere, the decision is refused by name.
    const again = {
      level: 'tinh' as const,
      no: '1400/QĐ-UBND',
      date: '2020-12-20',
      who: 'can-bo',
      now: '2020-12-21T08:00:00.000Z',
    }
    expect(
      await refusal(
        enterDecision(db, round.id, {
          ...again,
          lines: [{ entryId: entryOf('p3').id, stars: 3, certificateNo: '' }],
        }),
      ),
    ).toContain(
      'Sản phẩm "Tương Bần" của đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" không chờ quyết định của cấp tỉnh',
    )
    expect(
      await refusal(
        enterDecision(db, round.id, {
          ...again,
          lines: [{ entryId: entryOf('p5').id, stars: 5, certificateNo: '' }],
        }),
      ),
    ).toContain(
      '"Chè Shan tuyết": theo bộ tiêu chí của đợt, hạng sao ghi cho sản phẩm không thuộc thẩm quyền công nhận của cấp tỉnh',
    )
    expect(
      await refusal(
        enterDecision(db, round.id, {
          ...again,
          level: 'trung-uong',
          lines: [{ entryId: entryOf('p5').id, stars: 2, certificateNo: '' }],
        }),
      ),
    ).toContain('quyết định chỉ công nhận từ 3 đến 5 sao')
    expect(await db.evaluations.count()).toBe(3)
  })

  it("takes the centre's decision on a 5★ candidate the district sent to the province", async () => {
    const { db, round, entryOf } = await registerWithRound(setup)
    await closeRound(db, round.id, { decision: null, who: '', now: closeAt })
    await enterDecision(db, round.id, {
      level: 'trung-uong',
      no: '781/QĐ-BNN-VPĐP',
      date: '2021-03-01',
      lines: [{ entryId: entryOf('p5').id, stars: 5, certificateNo: 'QG-01' }],
      who: '',
      now: '2021-03-02T08:00:00.000Z',
    })
    expect((await evaluationOf(db, 'p5'))[0]).toMatchObject({
      recognisedStars: 5,
      councilLevel: 'trung-uong',
      certificateNo: 'QG-01',
    })
  })

  it('refuses a decision on a round still open, and one dated before the council met', async () => {
    const { db, round, entryOf } = await registerWithRound(setup)
    const lines = [{ entryId: entryOf('p3').id, stars: 3, certificateNo: '' }]
    const decision = { level: 'tinh' as const, no: '1/QĐ-UBND', lines, who: '', now: closeAt }
    expect(await refusal(enterDecision(db, round.id, { ...decision, date: '2020-12-15' }))).toBe(
      'Đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" chưa đóng nên chưa nhập được quyết định. Hãy đóng đợt trước. Dữ liệu không bị thay đổi.',
    )
    await closeRound(db, round.id, { decision: null, who: '', now: closeAt })
    expect(await refusal(enterDecision(db, round.id, { ...decision, date: '2020-09-30' }))).toBe(
      'Ngày quyết định 30/09/2020 trước ngày họp Hội đồng của đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" (01/10/2020). Hãy kiểm tra lại ngày ký quyết định. Dữ liệu không bị thay đổi.',
    )
  })
})

describe('closing a district round under QĐ 148', () => {
  const setup: RoundSetup = {
    criteriaSetId: 'qd-148',
    level: 'huyen',
    year: 2023,
    meeting: '2023-10-01',
    scores: { p2: allMembers(POINTS[2]!), p3: allMembers(POINTS[3]!), p4: allMembers(POINTS[4]!) },
  }
  const decision = {
    no: '245/QĐ-UBND',
    date: '2023-10-20',
    certificates: { 'round-1-e2': ' GCN-2023-01 ' },
  }

  it('recognises 3★ with the decision given at closing and proposes 4★ to the province', async () => {
    const { db, round } = await registerWithRound(setup)
    await closeRound(db, round.id, { decision, who: 'can-bo', now: '2023-10-21T08:00:00.000Z' })

    expect(await entriesOf(db)).toEqual({
      p2: { outcome: 'result', proposedTo: null, evaluated: true },
      p3: { outcome: 'recognise', proposedTo: null, evaluated: true },
      p4: { outcome: 'propose', proposedTo: 'tinh', evaluated: false },
    })
    expect((await evaluationOf(db, 'p3'))[0]).toMatchObject({
      criteriaSetId: 'qd-148',
      total: 55,
      computedStars: 3,
      recognisedStars: 3,
      councilLevel: 'huyen',
      decisionNo: '245/QĐ-UBND',
      decisionDate: '2023-10-20',
      certificateNo: 'GCN-2023-01',
      expiryDate: '2026-10-19',
    })
    // A 1★-2★ result gets no certificate even when a decision comes with the closing.
    expect((await evaluationOf(db, 'p2'))[0]).toMatchObject({
      recognisedStars: 2,
      certificateNo: '',
      expiryDate: null,
      decisionDate: null,
    })
    expect(await evaluationOf(db, 'p4')).toEqual([])
  })

  it("without the decision at closing, the district's own decision entered later writes the 3★", async () => {
    const { db, round, entryOf } = await registerWithRound(setup)
    await closeRound(db, round.id, { decision: null, who: '', now: '2023-10-02T08:00:00.000Z' })
    expect(await evaluationOf(db, 'p3')).toEqual([])

    await enterDecision(db, round.id, {
      level: 'huyen',
      ...decision,
      lines: [{ entryId: entryOf('p3').id, stars: 3, certificateNo: 'GCN-2023-01' }],
      who: '',
      now: '2023-10-21T08:00:00.000Z',
    })
    expect((await evaluationOf(db, 'p3'))[0]).toMatchObject({
      recognisedStars: 3,
      councilLevel: 'huyen',
      expiryDate: '2026-10-19',
    })
  })

  it('counts a later round of a product recognised before as a re-evaluation', async () => {
    const { db, round } = await registerWithRound(setup)
    const earlier: Evaluation = {
      id: 'earlier',
      productId: 'p3',
      year: 2020,
      round: 1,
      evaluatedOn: '2020-10-01',
      criteriaSetId: 'qd-1048',
      partScores: { A: 20, B: 15, C: 20 },
      itemScores: null,
      total: 55,
      computedStars: 3,
      recognisedStars: 3,
      councilLevel: 'tinh',
      kind: 'lan-dau',
      decisionNo: '1/QĐ-UBND',
      decisionDate: '2020-12-01',
      certificateNo: '',
      expiryDate: '2023-11-30',
      note: '',
      createdAt: '2020-12-01T00:00:00.000Z',
      updatedAt: '2020-12-01T00:00:00.000Z',
    }
    await db.evaluations.add(earlier)
    await closeRound(db, round.id, { decision, who: '', now: '2023-10-21T08:00:00.000Z' })
    const kinds = (await evaluationOf(db, 'p3')).map((e) => e.kind).sort()
    expect(kinds).toEqual(['danh-gia-lai', 'lan-dau'])
  })
})

describe('closing a province round from 6/7/2025 (QĐ 148 as amended by QĐ 1489)', () => {
  it('recognises 3★ and 4★ and proposes 5★ to the centre', async () => {
    const { db, round } = await registerWithRound({
      criteriaSetId: 'qd-148-sd-1489',
      level: 'tinh',
      year: 2025,
      meeting: '2025-09-10',
      scores: {
        p3: allMembers(POINTS[3]!),
        p4: allMembers(POINTS[4]!),
        p5: allMembers(POINTS[5]!),
      },
    })
    await closeRound(db, round.id, {
      decision: { no: '3120/QĐ-UBND', date: '2025-09-30', certificates: {} },
      who: '',
      now: '2025-10-01T08:00:00.000Z',
    })
    expect(await entriesOf(db)).toEqual({
      p3: { outcome: 'recognise', proposedTo: null, evaluated: true },
      p4: { outcome: 'recognise', proposedTo: null, evaluated: true },
      p5: { outcome: 'propose', proposedTo: 'trung-uong', evaluated: false },
    })
    const stars = await Promise.all(
      ['p3', 'p4'].map(async (id) => (await evaluationOf(db, id))[0]!),
    )
    expect(stars.map((e) => [e.recognisedStars, e.councilLevel, e.expiryDate])).toEqual([
      [3, 'tinh', '2028-09-29'],
      [4, 'tinh', '2028-09-29'],
    ])
  })
})

describe('what keeps a round from closing', () => {
  const base: RoundSetup = {
    criteriaSetId: 'qd-1048',
    level: 'huyen',
    year: 2020,
    meeting: '2020-10-01',
    scores: { p3: allMembers(POINTS[3]!), p4: allMembers(POINTS[4]!) },
  }
  const close = (db: OcopDatabase, roundId: string) =>
    closeRound(db, roundId, { decision: null, who: '', now: closeAt })

  it('names the product and the member who has not scored it, and writes nothing', async () => {
    const { db, round } = await registerWithRound({
      ...base,
      scores: { ...base.scores, p4: [POINTS[4]!, POINTS[4]!, null] },
    })
    const before = await snapshotTables(db)
    expect(await refusal(close(db, round.id))).toBe(
      'Chưa đóng được đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1". Sản phẩm "Gà Đông Tảo": Lê Văn Ủy chưa chấm đủ các phần, hãy nhập đủ điểm; mới có 2 thành viên chấm đủ, cần ít nhất 3 thành viên. Dữ liệu không bị thay đổi.',
    )
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('refuses a spread until the council scores again in a later pass', async () => {
    const { db, round, entryOf } = await registerWithRound({
      ...base,
      scores: {
        ...base.scores,
        p4: [
          [25, 20, 30],
          [25, 20, 30],
          [15, 15, 20],
        ],
      },
    })
    expect(await refusal(close(db, round.id))).toContain(
      'Sản phẩm "Gà Đông Tảo": điểm của các thành viên chênh nhau 25 điểm, quá 10 điểm cho phép',
    )
    const entry = entryOf('p4')
    const rescored: RoundScore[] = (await db.roundMembers.toArray()).map((member) => ({
      id: `${entry.id}-${member.id}-2`,
      roundId: round.id,
      entryId: entry.id,
      memberId: member.id,
      pass: 2,
      parts: { A: 22, B: 18, C: 25 },
      items: null,
      source: 'grid',
      createdAt: closeAt,
      updatedAt: closeAt,
    }))
    await db.roundScores.bulkAdd(rescored)
    await close(db, round.id)
    expect((await entriesOf(db)).p4).toEqual({
      outcome: 'propose',
      proposedTo: 'tinh',
      evaluated: false,
    })
  })

  it('refuses a proposal other than the computed stars until its reason is written', async () => {
    const { db, round, entryOf } = await registerWithRound(base)
    const entry = entryOf('p3')
    await db.roundEntries.update(entry.id, { proposedStars: 2 })
    expect(await refusal(close(db, round.id))).toContain(
      'Sản phẩm "Tương Bần": Hội đồng đề nghị 2 sao, khác 3 sao theo điểm, nhưng chưa ghi lý do',
    )
    await db.roundEntries.update(entry.id, { proposalReason: 'Bao bì chưa đạt yêu cầu' })
    await close(db, round.id)
    expect((await evaluationOf(db, 'p3'))[0]).toMatchObject({
      computedStars: 3,
      recognisedStars: 2,
      certificateNo: '',
    })
  })

  it('refuses to close a round twice', async () => {
    const { db, round } = await registerWithRound(base)
    await close(db, round.id)
    expect(await refusal(close(db, round.id))).toBe(
      'Đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đã đóng rồi. Dữ liệu không bị thay đổi.',
    )
  })
})

describe('undoing a decision and reopening a round', () => {
  const setup: RoundSetup = {
    criteriaSetId: 'qd-1048',
    level: 'huyen',
    year: 2020,
    meeting: '2020-10-01',
    scores: { p2: allMembers(POINTS[2]!), p3: allMembers(POINTS[3]!) },
  }

  it('refuses to reopen while the decision stands, and restores the register exactly once it is undone', async () => {
    const { db, round, entryOf } = await registerWithRound(setup)
    const open = await registerOf(db)
    const closing = await closeRound(db, round.id, { decision: null, who: '', now: closeAt })
    const closed = await registerOf(db)
    const decision = await enterDecision(db, round.id, {
      level: 'tinh',
      no: '1358/QĐ-UBND',
      date: '2020-12-15',
      lines: [{ entryId: entryOf('p3').id, stars: 3, certificateNo: 'GCN-01' }],
      who: '',
      now: '2020-12-16T08:00:00.000Z',
    })
    expect((await listRoundBatches(db, round.id)).map((b) => b.id)).toEqual([
      decision.id,
      closing.id,
    ])

    expect(await refusal(reopenRound(db, round.id, '2020-12-17T08:00:00.000Z'))).toBe(
      'Chưa mở lại được đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1": Quyết định số 1358/QĐ-UBND ngày 15/12/2020 của cấp tỉnh đã được nhập theo kết quả của đợt. Hãy hoàn tác quyết định trước (ở trang của đợt đánh giá), rồi mở lại đợt. Dữ liệu không bị thay đổi.',
    )

    await undoChangeBatch(db, decision.id, '2020-12-17T08:00:00.000Z')
    expect(await registerOf(db)).toEqual(closed)
    await reopenRound(db, round.id, '2020-12-17T09:00:00.000Z')
    expect(await registerOf(db)).toEqual(open)
    expect((await db.rounds.get(round.id))!.status).toBe('open')
    expect(
      (await listRoundBatches(db, round.id)).map((b) => [b.kind, b.undoneAt !== null]),
    ).toEqual([
      ['round-decision', true],
      ['round-close', true],
    ])
    expect(await refusal(reopenRound(db, round.id, '2020-12-18T08:00:00.000Z'))).toBe(
      'Đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đang mở, không cần mở lại. Dữ liệu không bị thay đổi.',
    )
  })

  it('refuses to reopen when an evaluation closing wrote was edited since, naming it', async () => {
    const { db, round } = await registerWithRound(setup)
    await closeRound(db, round.id, { decision: null, who: '', now: closeAt })
    const [result] = await evaluationOf(db, 'p2')
    const { id, createdAt: _c, updatedAt: _u, ...input } = result!
    await updateEvaluation(db, id, { ...input, note: 'Sửa ghi chú' }, 'Miến dong Bình Liêu')
    const edited = await registerOf(db)

    const message = await refusal(reopenRound(db, round.id, '2020-12-17T08:00:00.000Z'))
    expect(message).toContain(
      'Không hoàn tác được việc đóng đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1": kết quả đánh giá "Miến dong Bình Liêu (2020)" đã được sửa sau đó (Sửa kết quả đánh giá năm 2020 của Miến dong Bình Liêu',
    )
    expect(await registerOf(db)).toEqual(edited)
  })
})
