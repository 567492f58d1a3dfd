import { describe, expect, it } from 'vitest'
import type { Round } from '@shared/db/records'
import type { OfficialDocument } from '@shared/documents/model'
import { addresseeLines, numberLineOf, recipientLines } from '@shared/documents/lines'
import { roundBundle, type RoundBundle } from '@shared/rounds/round-data'
import {
  buildRoundDocument,
  ROUND_DOCUMENT_KINDS,
  ROUND_DOCUMENT_LABELS,
  type RoundDocumentKind,
  type RoundDocumentOptions,
} from '@shared/rounds/documents'
import { roundRecords } from '../../support/round-records'
import { annexOf, myHaoData, records, tableOf } from '../reports/my-hao-fixture'

const data = myHaoData()
const [tuongBan, gaLong, gaoNep, ca] = data.products

/**
 * Four products scored by the three members at part level: 80/78/81 (average 79.67, 4★),
 * 55/56/56 (55.67, 3★), 30/32/32 (31.33, 2★), and one the third member has not scored.
 */
const SCORES: ([number, number, number] | null)[][] = [
  [
    [30, 20, 30],
    [28, 20, 30],
    [30, 21, 30],
  ],
  [
    [20, 15, 20],
    [20, 15, 21],
    [21, 15, 20],
  ],
  [
    [10, 10, 10],
    [12, 10, 10],
    [10, 10, 12],
  ],
  [[20, 15, 25], [20, 15, 25], null],
]

function bundleOf(
  setId: string,
  change: {
    round?: Partial<Round>
    secretary?: boolean
    proposed?: [number, number, string]
    products?: number
  } = {},
): RoundBundle {
  const count = change.products ?? 4
  const built = roundRecords({
    criteriaSetId: setId,
    products: [tuongBan, gaLong, gaoNep, ca].slice(0, count).map((p) => p!.id),
    scores: SCORES.slice(0, count),
  })
  const round = { ...built.round, ...change.round }
  const members = built.members.map((member, i) =>
    change.secretary && i === 2 ? { ...member, role: 'uy-vien-thu-ky' as const } : member,
  )
  const entries = built.entries.map((entry, i) =>
    change.proposed && change.proposed[0] === i
      ? { ...entry, proposedStars: change.proposed[1], proposalReason: change.proposed[2] }
      : entry,
  )
  const bundle = roundBundle(
    {
      rounds: [round],
      criteriaSets: data.criteriaSets,
      roundMembers: members,
      roundEntries: entries,
      roundScores: built.scores,
      scoringSheets: [],
    },
    round,
  )
  if (!bundle) throw new Error('no bundle')
  return bundle
}

/** A district round of 2023, under QĐ 148: the district recognises 3★, the province 4★. */
const ROUND_2023: Partial<Round> = {
  year: 2023,
  criteriaSetId: 'qd-148',
  councilDecisionNo: '845/QĐ-UBND',
  councilDecisionDate: '2023-09-15',
  meetingFrom: '2023-10-02',
  meetingTo: '2023-10-03',
  name: 'Đánh giá sản phẩm OCOP năm 2023 đợt 1',
}

const OPTIONS: RoundDocumentOptions = { signedOn: '2020-10-05', number: '5' }

function built(
  kind: RoundDocumentKind,
  bundle: RoundBundle,
  options: Partial<RoundDocumentOptions> = {},
): OfficialDocument {
  const result = buildRoundDocument(kind, bundle, data, { ...OPTIONS, ...options })
  if (!result.ok) throw new Error(result.message)
  return result.document
}

const round2020 = () => bundleOf('qd-1048')
const round2023 = (change: Parameters<typeof bundleOf>[1] = {}) =>
  bundleOf('qd-148', { ...change, round: { ...ROUND_2023, ...change.round } })

describe('the round documents', () => {
  it('lists the four kinds with their Vietnamese names for the page', () => {
    expect(ROUND_DOCUMENT_KINDS.map((kind) => ROUND_DOCUMENT_LABELS[kind])).toEqual([
      'Bảng tổng hợp kết quả chấm điểm',
      'Biên bản họp Hội đồng',
      'Tờ trình đề nghị công nhận',
      'Quyết định công nhận kết quả',
    ])
  })

  describe('the score summary', () => {
    const doc = built('summary', round2020())

    it('is the council’s paper, under the committee that founded it, numbered as minutes', () => {
      expect(doc.type).toBe('BB')
      expect(doc.title).toEqual({
        type: 'BẢNG TỔNG HỢP',
        subject: 'Kết quả chấm điểm sản phẩm OCOP',
        subtitle: '(Đánh giá sản phẩm OCOP năm 2020 đợt 1)',
      })
      expect(doc.issuer.parent).toBe('UBND THỊ XÃ MỸ HÀO')
      expect(doc.issuer.name).toEqual([
        'HỘI ĐỒNG ĐÁNH GIÁ,',
        'PHÂN HẠNG SẢN PHẨM',
        'OCOP CẤP HUYỆN',
      ])
      expect(numberLineOf(doc)).toBe('Số: 05/BB-HĐ')
      expect(doc.signedOn).toBe('2020-10-05')
      expect(doc.recipients).toBeNull()
    })

    it('gives each member’s total, the averages with two decimals and both stars', () => {
      const table = tableOf(doc, 1)
      expect(table.columns.map((c) => c.title)).toEqual([
        'STT',
        'Sản phẩm',
        'Chủ thể',
        'Nguyễn Văn Chủ',
        'Trần Thị Phó',
        'Lê Văn Ủy',
        'Phần A',
        'Phần B',
        'Phần C',
        'Tổng',
        'Theo điểm',
        'Đề nghị',
      ])
      expect(table.rows.map((row) => (row.kind === 'data' ? row.cells : []))).toEqual([
        [
          1,
          tuongBan!.name,
          'HTX Tương Bần (mẫu)',
          80,
          78,
          81,
          '29,33',
          '20,33',
          '30,00',
          '79,67',
          4,
          4,
        ],
        [
          2,
          gaLong!.name,
          'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)',
          55,
          56,
          56,
          '20,33',
          '15,00',
          '20,33',
          '55,67',
          3,
          3,
        ],
        [
          3,
          gaoNep!.name,
          'HTX Nông nghiệp Hòa Phong (mẫu)',
          30,
          32,
          32,
          '10,67',
          '10,00',
          '10,67',
          '31,33',
          2,
          2,
        ],
        [
          4,
          ca!.name,
          'Hộ nuôi cá Ngọc Lâm (mẫu)',
          60,
          60,
          null,
          '20,00',
          '15,00',
          '25,00',
          '60,00',
          3,
          3,
        ],
      ])
    })

    it('names the product a member has not scored, under the table', () => {
      expect(doc.sections[2]?.paragraphs).toEqual([
        `4. ${ca!.name}: chưa đủ điểm của Lê Văn Ủy; chỉ 2 thành viên chấm đủ điểm, cần ít nhất 3.`,
      ])
    })

    it('is signed by the secretary on the left and the chair on the right', () => {
      expect(doc.signers).toEqual([
        { lines: ['THƯ KÝ HỘI ĐỒNG'], name: '' },
        { lines: ['CHỦ TỊCH HỘI ĐỒNG'], name: 'Nguyễn Văn Chủ' },
      ])
    })

    it('prints averages with the round’s decimals', () => {
      const bundle = bundleOf('qd-1048', {
        round: { rules: { ...round2020().round.rules, decimals: 1 } },
      })
      const row = records(tableOf(built('summary', bundle), 1))[0]
      expect(row?.['average-total']).toBe('79,7')
      expect(row?.['average-A']).toBe('29,3')
    })
  })

  describe('the minutes', () => {
    const bundle = bundleOf('qd-1048', { secretary: true })
    const doc = built('minutes', bundle)
    const text = doc.sections.flatMap((s) => [s.heading ?? '', ...(s.paragraphs ?? [])])

    it('has no date line and opens with the meeting’s time, place and founding decision', () => {
      expect(doc.type).toBe('BB')
      expect(doc.signedOn).toBeNull()
      expect(doc.title.subject).toBe('Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện')
      expect(doc.sections[0]?.paragraphs).toEqual([
        'Thời gian: ngày 01/10/2020.',
        'Địa điểm: Hội trường UBND thị xã.',
        'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện được thành lập theo Quyết định số 1201/QĐ-UBND ngày 15/09/2020.',
      ])
    })

    it('lists the members with their roles and states the quorum', () => {
      expect(records(tableOf(doc, 1))).toEqual([
        { stt: 1, name: 'Nguyễn Văn Chủ', role: 'Chủ tịch Hội đồng', organisation: 'UBND thị xã' },
        {
          stt: 2,
          name: 'Trần Thị Phó',
          role: 'Phó Chủ tịch Hội đồng',
          organisation: 'UBND thị xã',
        },
        {
          stt: 3,
          name: 'Lê Văn Ủy',
          role: 'Ủy viên, Thư ký Hội đồng',
          organisation: 'UBND thị xã',
        },
      ])
      expect(text).toContain('Chủ trì: Nguyễn Văn Chủ, Chủ tịch Hội đồng. Thư ký: Lê Văn Ủy.')
      expect(text).toContain(
        'Hội đồng có 3 thành viên; 3 thành viên tham gia chấm điểm. Theo quy chế hoạt động của Hội đồng cần ít nhất 3 thành viên, trong đó có Chủ tịch Hội đồng: cuộc họp đủ điều kiện tiến hành.',
      )
    })

    it('concludes per outcome: under QĐ 1048 the district forwards every 3★-4★ to the province', () => {
      const conclusion = doc.sections.find((s) => s.heading === 'III. KẾT LUẬN CỦA HỘI ĐỒNG')
      expect(conclusion?.paragraphs).toEqual([
        '1. Đề nghị chuyển hồ sơ 3 sản phẩm (1 sản phẩm 4 sao, 2 sản phẩm 3 sao) lên Ủy ban nhân dân tỉnh để đánh giá, phân hạng và công nhận ở cấp tỉnh.',
        '2. 1 sản phẩm đạt dưới 3 sao (1 sản phẩm 2 sao), chưa đủ điều kiện công nhận sản phẩm OCOP.',
      ])
    })

    it('concludes under QĐ 148: the district recognises 3★ itself', () => {
      const conclusion = built('minutes', round2023()).sections.find(
        (s) => s.heading === 'III. KẾT LUẬN CỦA HỘI ĐỒNG',
      )
      expect(conclusion?.paragraphs?.slice(0, 2)).toEqual([
        '1. Đề nghị Ủy ban nhân dân thị xã Mỹ Hào công nhận 2 sản phẩm OCOP (2 sản phẩm 3 sao).',
        '2. Đề nghị chuyển hồ sơ 1 sản phẩm (1 sản phẩm 4 sao) lên Ủy ban nhân dân tỉnh để đánh giá, phân hạng và công nhận ở cấp tỉnh.',
      ])
    })

    it('carries the results table of the summary as its annex', () => {
      const annex = annexOf(doc)
      expect(annex.title).toBe('KẾT QUẢ CHẤM ĐIỂM, PHÂN HẠNG SẢN PHẨM OCOP')
      expect(annex.sections[0]?.table).toEqual(tableOf(built('summary', bundle), 1))
    })

    it('is signed by the secretary and the chair side by side, with no recipients', () => {
      expect(doc.signers).toEqual([
        { lines: ['THƯ KÝ HỘI ĐỒNG'], name: 'Lê Văn Ủy' },
        { lines: ['CHỦ TỊCH HỘI ĐỒNG'], name: 'Nguyễn Văn Chủ' },
      ])
      expect(doc.recipients).toBeNull()
    })
  })

  describe('the proposal upward', () => {
    const doc = built('proposal', round2020(), { number: '12' })

    it('is the office’s Tờ trình to the province that recognises the ranks', () => {
      expect(doc.type).toBe('TTr')
      expect(numberLineOf(doc)).toBe('Số: 12/TTr-UBND')
      expect(doc.title).toEqual({
        type: 'TỜ TRÌNH',
        subject: 'Đề nghị công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm 2020 (đợt 1)',
      })
      expect(addresseeLines(doc.recipients?.addressees ?? [])).toEqual([
        'Kính gửi: Ủy ban nhân dân tỉnh.',
      ])
      expect(recipientLines(doc.recipients)).toEqual(['- Như trên;', '- Lưu: VT, KT.'])
      expect(doc.signers).toEqual([
        { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn A' },
      ])
    })

    it('lists the proposed products with their score and proposed stars in its annex', () => {
      const annex = annexOf(doc)
      expect(annex.title).toBe('DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP')
      // Portrait like the Tờ trình: its six columns fit, names and addresses wrapping.
      expect(annex.landscape).toBe(false)
      expect(records(tableOf(annex))).toEqual([
        {
          stt: 1,
          product: tuongBan!.name,
          producer: 'HTX Tương Bần (mẫu)',
          address: 'Bần Yên Nhân, Mỹ Hào, Hưng Yên',
          score: '79,67',
          stars: '4 sao',
        },
        {
          stt: 2,
          product: gaLong!.name,
          producer: 'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)',
          address: 'Cẩm Xá, Mỹ Hào, Hưng Yên',
          score: '55,67',
          stars: '3 sao',
        },
        {
          stt: 3,
          product: ca!.name,
          producer: 'Hộ nuôi cá Ngọc Lâm (mẫu)',
          address: 'Ngọc Lâm, Mỹ Hào, Hưng Yên',
          score: '60,00',
          stars: '3 sao',
        },
      ])
      expect(tableOf(annex).columns.map((c) => c.title)).toEqual([
        'STT',
        'Sản phẩm',
        'Chủ thể',
        'Địa chỉ',
        'Điểm số',
        'Phân hạng đề nghị',
      ])
    })

    it('proposes the council’s own stars, and the summary says why they differ', () => {
      const bundle = round2023({ proposed: [0, 3, 'Bao bì chưa đạt yêu cầu.'] })
      const summary = built('summary', bundle)
      expect(summary.sections[2]?.paragraphs).toContain(
        `1. ${tuongBan!.name}: Hội đồng đề nghị 3 sao (theo điểm 4 sao), lý do: Bao bì chưa đạt yêu cầu.`,
      )
      // Proposed at 3★, the product stays with the district: nothing goes up.
      const refused = buildRoundDocument('proposal', bundle, data, OPTIONS)
      expect(refused).toMatchObject({ ok: false, reason: 'nothing-proposed' })
      expect(refused.ok ? '' : refused.message).toContain('hãy lập Quyết định công nhận')
    })
  })

  describe('the recognition decision', () => {
    const doc = built('decision', round2023(), { signedOn: '2023-10-10', number: '3056' })

    it('is the committee’s Quyết định with its authority and Căn cứ lines', () => {
      expect(doc.type).toBe('QĐ')
      expect(numberLineOf(doc)).toBe('Số: 3056/QĐ-UBND')
      expect(doc.title.subject).toBe(
        'Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm 2023 (đợt 1)',
      )
      // The office signs "TM. Ủy ban nhân dân": the committee decides, not its chair.
      expect(doc.decision).toEqual({
        authority: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
        bases: [
          'Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023;',
          'Căn cứ Quyết định số 845/QĐ-UBND ngày 15/09/2023 thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện;',
          'Theo đề nghị của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện tại Biên bản họp từ ngày 02/10/2023 đến ngày 03/10/2023.',
        ],
      })
    })

    it('puts the clerk’s own Căn cứ lines first and cites the Tờ trình it answers', () => {
      const withBases = built('decision', round2023(), {
        bases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;'],
        submission: { by: 'Phòng Kinh tế', number: '21/TTr-KT', date: '2023-10-05' },
      })
      const bases = withBases.decision?.bases ?? []
      expect(bases[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;')
      expect(bases.at(-1)).toMatch(
        / và của Phòng Kinh tế tại Tờ trình số 21\/TTr-KT ngày 05\/10\/2023\.$/,
      )
    })

    it('decides by its chair when the office signs without "TM."', () => {
      const office = { ...data.office, signerAuthority: '', signerDelegation: 'KT. Chủ tịch' }
      const result = buildRoundDocument('decision', round2023(), { ...data, office }, OPTIONS)
      expect(result.ok && result.document.decision?.authority).toBe(
        'CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      )
    })

    it('recognises the 3★ products in three articles, certificates valid 36 months', () => {
      const articles = doc.sections[0]?.paragraphs ?? []
      expect(articles.map((p) => p.slice(0, 7))).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.'])
      expect(articles[0]).toContain('đối với 2 sản phẩm (2 sản phẩm 3 sao)')
      expect(articles[1]).toContain('Giấy chứng nhận có giá trị 36 tháng kể từ ngày ký')
      expect(articles[2]).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/)
    })

    it('lists the recognised products in its annex, not the one proposed to the province', () => {
      const annex = annexOf(doc)
      expect(annex.title).toBe('DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN SẢN PHẨM OCOP')
      expect(records(tableOf(annex)).map((r) => [r.stt, r.product, r.score, r.stars])).toEqual([
        [1, gaLong!.name, '55,67', '3 sao'],
        [2, ca!.name, '60,00', '3 sao'],
      ])
      expect(tableOf(annex).columns.at(-1)?.title).toBe('Phân hạng')
    })

    it('is sent to those who carry it out and reported upward', () => {
      expect(recipientLines(doc.recipients)).toEqual([
        '- Như Điều 3;',
        '- UBND tỉnh (để báo cáo);',
        '- Văn phòng Điều phối NTM tỉnh;',
        '- Lưu: VT, KT.',
      ])
      expect(doc.signers).toHaveLength(1)
    })
  })

  describe('refuses, saying what to do, when the round has nothing for the document', () => {
    it('a district under QĐ 1048 recognises nothing: it drafts the Tờ trình instead', () => {
      const result = buildRoundDocument('decision', round2020(), data, OPTIONS)
      expect(result).toEqual({
        ok: false,
        reason: 'nothing-recognised',
        message:
          'Theo Bộ tiêu chí OCOP theo QĐ 1048/QĐ-TTg, cấp huyện không công nhận sản phẩm nào của đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1": 3 sản phẩm đạt từ 3 sao được đề nghị lên cấp tỉnh, hãy lập Tờ trình đề nghị công nhận.',
      })
    })

    it('a round with no product reaching 3★ has neither a proposal nor a decision', () => {
      // Only the 2★ product of the round.
      const bundle = round2023()
      const low = { ...bundle, entries: bundle.entries.slice(2, 3) }
      for (const kind of ['proposal', 'decision'] as const) {
        const result = buildRoundDocument(kind, low, data, OPTIONS)
        expect(result.ok).toBe(false)
      }
      const decision = buildRoundDocument('decision', low, data, OPTIONS)
      expect(decision.ok ? '' : decision.message).toMatch(
        /chưa có sản phẩm nào được xếp từ 3 sao trở lên\.$/,
      )
    })

    it('a round without products has no document at all', () => {
      const empty = bundleOf('qd-1048', { products: 0 })
      for (const kind of ROUND_DOCUMENT_KINDS) {
        const result = buildRoundDocument(kind, empty, data, OPTIONS)
        expect(result).toMatchObject({ ok: false, reason: 'no-products' })
      }
      const summary = buildRoundDocument('summary', empty, data, OPTIONS)
      expect(summary.ok ? '' : summary.message).toBe(
        'Đợt "Đánh giá sản phẩm OCOP năm 2020 đợt 1" chưa có sản phẩm nào nên chưa lập được bảng tổng hợp kết quả chấm điểm. Hãy đăng ký sản phẩm vào đợt và chấm điểm trước.',
      )
    })
  })
})
