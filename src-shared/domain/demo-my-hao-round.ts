/**
 * The Mỹ Hào demo's 2020 district round: the town's council that scored the products the register
 * shows evaluated in 2020. Under QĐ 1048, in force on its meeting date, a district council scores
 * and forwards what reaches 3★ (docs/evaluation-rounds.md); the higher levels recognised them, as
 * the register's 2020 evaluations record. The members' scores are built around those evaluations'
 * part scores, so the round's averages give exactly what the register holds. Invented like the
 * rest of the demo: the people, the decision and the dates are "Dữ liệu mẫu".
 */
import type {
  CriteriaSet,
  Evaluation,
  Product,
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
} from '../db/records'
import type { IsoDate } from '../dates'
import { closingOutcome } from '../rounds/closing'
import { DOSSIER_QD_1048 } from '../rounds/registration'
import { DEFAULT_COUNCIL_RULES } from '../rounds/results'
import { criteriaSetOn } from './criteria'
import { DEMO_LABEL } from './demo-my-hao'

export const MY_HAO_ROUND_ID = 'demo-round-2020'
const YEAR = 2020
const MEETING: IsoDate = '2020-10-27'

const MEMBERS: [string, RoundMember['role'], string][] = [
  ['Nguyễn Văn Bình', 'chu-tich', 'Phó Chủ tịch UBND thị xã Mỹ Hào'],
  ['Trần Thị Cúc', 'pho-chu-tich', 'Trưởng phòng Kinh tế'],
  ['Lê Văn Dũng', 'uy-vien-thu-ky', 'Chuyên viên Phòng Kinh tế'],
  ['Phạm Thị Hoa', 'uy-vien', 'Phòng Tài chính - Kế hoạch'],
  ['Hoàng Văn Giang', 'uy-vien', 'Trung tâm Dịch vụ nông nghiệp'],
  ['Vũ Thị Hạnh', 'uy-vien', 'Hội Liên hiệp Phụ nữ thị xã'],
]

/**
 * How far each member scored from the council's average, by part: each column adds up to zero,
 * so the average is the recorded score; totals stay within 3 points of each other, well inside
 * the 10-point spread, and no part goes over its maximum for the demo's scores (at most 1.5
 * above, under QĐ 1048's 35/25/40).
 */
const OFFSETS: Record<'A' | 'B' | 'C', number[]> = {
  A: [1, -1, 0.5, -0.5, 1.5, -1.5],
  B: [-0.5, 0.5, 1, -1, 0, 0],
  C: [0.5, 1, -1.5, 1, -0.5, -0.5],
}

export interface DemoRoundTables {
  rounds: Round[]
  roundMembers: RoundMember[]
  roundEntries: RoundEntry[]
  roundScores: RoundScore[]
}

/**
 * The closed round with its council, one entry per product evaluated in 2020 (in the register's
 * order), each member's scores, and each entry's outcome as closing gives it under the set in
 * force, pointing at the evaluation the higher level's decision wrote.
 */
export function buildMyHaoRound(
  demo: { products: readonly Product[]; evaluations: readonly Evaluation[] },
  criteriaSets: readonly CriteriaSet[],
  now: string,
): DemoRoundTables {
  const set = criteriaSetOn(MEETING, criteriaSets)
  if (set === undefined) throw new Error(`no criteria set in force on ${MEETING}`)
  const stamp = { createdAt: now, updatedAt: now }
  const round: Round = {
    id: MY_HAO_ROUND_ID,
    name: `Đánh giá, phân hạng sản phẩm OCOP thị xã Mỹ Hào năm ${YEAR}`,
    level: 'huyen',
    year: YEAR,
    number: 1,
    criteriaSetId: set.id,
    councilDecisionNo: '1250/QĐ-UBND',
    councilDecisionDate: '2020-09-28',
    meetingFrom: MEETING,
    meetingTo: MEETING,
    place: 'Hội trường UBND thị xã Mỹ Hào',
    rules: { ...DEFAULT_COUNCIL_RULES },
    dossierChecklist: DOSSIER_QD_1048.map((item) => ({ ...item })),
    status: 'closed',
    note: `${DEMO_LABEL} — Hội đồng cấp huyện chấm điểm và đề nghị cấp trên công nhận; số, ngày quyết định và thành viên là giả định.`,
    ...stamp,
  }
  const members: RoundMember[] = MEMBERS.map(([name, role, organisation], position) => ({
    id: `${MY_HAO_ROUND_ID}-member-${position + 1}`,
    roundId: round.id,
    name,
    role,
    organisation,
    position,
    ...stamp,
  }))
  const entries: RoundEntry[] = []
  const scores: RoundScore[] = []
  for (const product of demo.products) {
    const evaluation = demo.evaluations.find(
      (e) => e.productId === product.id && e.year === YEAR && e.criteriaSetId === set.id,
    )
    if (evaluation === undefined || evaluation.recognisedStars === null) continue
    const key = product.id.replace(/^demo-product-/, '')
    const outcome = closingOutcome(set, round.level, evaluation.recognisedStars)
    const entry: RoundEntry = {
      id: `${MY_HAO_ROUND_ID}-entry-${key}`,
      roundId: round.id,
      productId: product.id,
      groupCode: product.groupCode,
      registeredStars: evaluation.recognisedStars,
      dossier: Object.fromEntries(round.dossierChecklist.map((item) => [item.key, 'du'])),
      overrideReason: '',
      mandatoryMissedFrom: null,
      proposedStars: null,
      proposalReason: '',
      position: entries.length,
      outcome: outcome.kind,
      proposedTo: outcome.kind === 'propose' ? outcome.to : null,
      evaluationId: evaluation.id,
      ...stamp,
    }
    entries.push(entry)
    members.forEach((member, m) => {
      // Turned by the product's place, so each member is not always the highest or lowest.
      const offset = (part: 'A' | 'B' | 'C') =>
        OFFSETS[part][(m + entry.position) % members.length]!
      const parts = Object.fromEntries(
        set.parts.map((part) => {
          const code = part.code as 'A' | 'B' | 'C'
          return [code, (evaluation.partScores[code] ?? 0) + offset(code)]
        }),
      )
      scores.push({
        id: `${entry.id}-score-${m + 1}`,
        roundId: round.id,
        entryId: entry.id,
        memberId: member.id,
        pass: 1,
        parts,
        items: null,
        source: 'grid',
        ...stamp,
      })
    })
  }
  return { rounds: [round], roundMembers: members, roundEntries: entries, roundScores: scores }
}
