import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import type { RoundScore } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { formatMessage } from '@shared/messages/format'
import { roundBundle, type RoundBundle } from '@shared/rounds/round-data'
import type { MemberWorkbookRead } from '@shared/rounds/round-files'
import { previewMemberScores, type ScoreImportPlan } from '@shared/rounds/score-import'
import { groupISheet } from '../../support/full-sheet'
import { roundRecords } from '../../support/round-records'

const sets = loadBuiltInCriteriaSets(criteriaJson, '2019-01-01T00:00:00.000Z')
const qd148 = sets.find((set) => set.id === 'qd-148')!

const PHO = 'round-1-m2'

/**
 * Seven products: Trần Thị Phó (the second member) scored the first, second, fourth and fifth in
 * the grid; the fifth's dossier lacks its business registration; the seventh is of group I,
 * scored on the full sheet.
 */
function bundleOf(change: (records: ReturnType<typeof roundRecords>) => void = () => {}) {
  const pho = (points: [number, number, number] | null) => [null, points, null]
  const records = roundRecords({
    criteriaSetId: 'qd-148',
    products: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
    scores: [
      pho([30, 20, 30]),
      pho([20, 15, 20]),
      pho(null),
      pho([28, 18, 28]),
      pho([25, 15, 25]),
      pho(null),
      pho(null),
    ],
  })
  const blocked = records.entries[4]!
  blocked.dossier = { ...blocked.dossier, 'giay-dang-ky-kinh-doanh': 'thieu' }
  records.entries[6]!.groupCode = 'I'
  change(records)
  return roundBundle(
    {
      rounds: [records.round],
      criteriaSets: [qd148],
      roundMembers: records.members,
      roundEntries: records.entries,
      roundScores: records.scores,
      scoringSheets: [groupISheet],
    },
    records.round,
  )!
}

const parts = (A: number | null, B: number | null, C: number | null) => ({ A, B, C })

function workbook(
  products: MemberWorkbookRead['products'],
  over: Partial<MemberWorkbookRead> = {},
): MemberWorkbookRead {
  return {
    fileName: '02-tran-thi-pho.xlsx',
    archive: 'phieu-cham-dot-1.zip',
    sha256: 'a1b2',
    roundId: 'round-1',
    memberId: PHO,
    products,
    problems: [],
    ...over,
  }
}

/** Pho's filled workbook: every product but the sixth. */
const filled = workbook({
  'round-1-e1': parts(30, 20, 30),
  'round-1-e2': parts(25, 15, 20),
  'round-1-e3': parts(30, 20, 25),
  'round-1-e4': parts(null, null, null),
  'round-1-e5': parts(30, 20, 30),
  'round-1-e7': { 'A1.1': 20, 'A1.2': null, B: 20, C: 30 },
})

function plan(bundle: RoundBundle, read: MemberWorkbookRead): ScoreImportPlan {
  const preview = previewMemberScores(bundle, read)
  if (!preview.ok) throw new Error(preview.refusals.map((m) => formatMessage(m)).join('\n'))
  return preview
}

const refusalsOf = (bundle: RoundBundle, read: MemberWorkbookRead) => {
  const preview = previewMemberScores(bundle, read)
  return preview.ok ? [] : preview.refusals.map((message) => formatMessage(message))
}

describe('the preview of a member’s score workbook', () => {
  it('says for each product of the round, in the council’s order, what importing would do', () => {
    const preview = plan(bundleOf(), filled)
    expect(preview.member.name).toBe('Trần Thị Phó')
    expect(
      preview.lines.map(({ entry, status, before, after }) => [
        entry.productId,
        status,
        before,
        after,
      ]),
    ).toEqual([
      ['p1', 'same', parts(30, 20, 30), parts(30, 20, 30)],
      ['p2', 'changed', parts(20, 15, 20), parts(25, 15, 20)],
      ['p3', 'new', null, parts(30, 20, 25)],
      ['p4', 'blank', parts(28, 18, 28), parts(null, null, null)],
      ['p5', 'blocked', parts(25, 15, 25), parts(30, 20, 30)],
      ['p6', 'absent', null, null],
      ['p7', 'new', null, parts(null, 20, 30)],
    ])
    expect(preview.counts).toEqual({
      new: 2,
      changed: 1,
      same: 1,
      blank: 1,
      blocked: 1,
      absent: 1,
    })
    expect(preview.fileHash).toBe('a1b2')
  })

  it('gives a part scored only in part no score, and says which part it is', () => {
    const line = plan(bundleOf(), filled).lines.find((l) => l.entry.productId === 'p7')!
    expect(line.after).toEqual({ A: null, B: 20, C: 30 })
    expect(line.partlyBlank).toEqual(['A'])
    const whole = plan(
      bundleOf(),
      workbook({ 'round-1-e7': { 'A1.1': 20, 'A1.2': 12.5, B: 20, C: null } }),
    ).lines.find((l) => l.entry.productId === 'p7')!
    // C left blank is a part not scored, not a part scored in part.
    expect([whole.after, whole.partlyBlank]).toEqual([{ A: 32.5, B: 20, C: null }, []])
  })

  it('keeps the points of each criterion of a full sheet, and none on the part-level sheet', () => {
    const lines = plan(bundleOf(), filled).lines
    expect(lines.find((l) => l.entry.productId === 'p7')!.items).toEqual({
      'A1.1': 20,
      'A1.2': null,
      B: 20,
      C: 30,
    })
    expect(lines.find((l) => l.entry.productId === 'p3')!.items).toBeNull()
  })

  it('names what keeps a blocked product from being scored', () => {
    const line = plan(bundleOf(), filled).lines.find((l) => l.status === 'blocked')!
    expect(line.block).toEqual({ code: 'dossier-incomplete', missing: ['Giấy đăng ký kinh doanh'] })
    const overridden = bundleOf((records) => {
      records.entries[4]!.overrideReason = 'Hội đồng thống nhất chấm, bổ sung giấy sau'
    })
    expect(plan(overridden, filled).lines[4]!.status).toBe('changed')
  })

  it('scores the product’s latest pass, where an empty re-scoring sheet counts as no scores', () => {
    const rescored = bundleOf((records) => {
      const pass2 = (memberId: string): RoundScore => ({
        ...records.scores[0]!,
        id: `rescore-${memberId}`,
        memberId,
        pass: 2,
        parts: parts(null, null, null),
      })
      records.scores.push(...records.members.map((member) => pass2(member.id)))
    })
    const line = plan(rescored, filled).lines[0]!
    expect([line.pass, line.status, line.scoreId]).toEqual([2, 'new', `rescore-${PHO}`])
  })

  it('refuses a workbook of a closed round, naming the file and the round', () => {
    const closed = bundleOf((records) => {
      records.round.status = 'closed'
    })
    expect(refusalsOf(closed, filled)).toEqual([
      'Tệp "02-tran-thi-pho.xlsx" (trong "phieu-cham-dot-1.zip") chưa được nhập: đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" đã đóng. Muốn nhập, hãy mở lại đợt ở thẻ Đóng đợt (hoàn tác việc đóng đợt) rồi nhập lại tệp. Dữ liệu không bị thay đổi.',
    ])
  })

  it('refuses a workbook whose reading found problems, with those problems', () => {
    const problems: MemberWorkbookRead['problems'] = [
      {
        code: 'member-workbook.not-number',
        params: {
          file: '02-tran-thi-pho.xlsx',
          archive: null,
          sheet: 'SP 2',
          cell: 'E12',
          text: 'bảy',
        },
      },
    ]
    const preview = previewMemberScores(bundleOf(), { ...filled, problems })
    expect(preview).toEqual({ ok: false, refusals: problems })
  })

  it('refuses a workbook of another round or of none, of a member not in the council, or scoring a product no longer entered', () => {
    const bundle = bundleOf()
    const [otherRound] = refusalsOf(bundle, { ...filled, roundId: 'round-2' })
    expect(otherRound).toContain(
      'không phải phiếu chấm của đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1"',
    )
    expect(refusalsOf(bundle, { ...filled, roundId: '' })).toEqual([otherRound])
    expect(refusalsOf(bundle, { ...filled, memberId: 'gone' })[0]).toContain(
      'là phiếu của một thành viên không còn trong Hội đồng',
    )
    const removed = workbook({ ...filled.products, 'round-1-e9': parts(1, 1, 1) })
    expect(refusalsOf(bundle, removed)[0]).toContain(
      'có trang chấm một sản phẩm không còn trong đợt',
    )
  })
})
