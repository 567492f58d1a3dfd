/**
 * A small evaluation round as records, for tests: a district council of three members scoring
 * products at part level under the set `criteriaSetId`, with the scores given per member.
 */
import type { Round, RoundEntry, RoundMember, RoundScore } from '@shared/db/records'
import { DEFAULT_COUNCIL_RULES } from '@shared/rounds/results'
import { DOSSIER_QD_1048 } from '@shared/rounds/registration'

export interface RoundRecords {
  round: Round
  members: RoundMember[]
  entries: RoundEntry[]
  scores: RoundScore[]
}

const MEMBERS: [string, RoundMember['role']][] = [
  ['Nguyễn Văn Chủ', 'chu-tich'],
  ['Trần Thị Phó', 'pho-chu-tich'],
  ['Lê Văn Ủy', 'uy-vien'],
]

/**
 * A round with `products` entered (their ids) and `scores[i][m]` the A/B/C points member m gave
 * product i (null: not scored).
 */
export function roundRecords(options: {
  criteriaSetId: string
  products: string[]
  scores: ([number, number, number] | null)[][]
  now?: string
  id?: string
}): RoundRecords {
  const now = options.now ?? '2020-10-01T08:00:00.000Z'
  const roundId = options.id ?? 'round-1'
  const stamp = { createdAt: now, updatedAt: now }
  const round: Round = {
    id: roundId,
    name: 'Đánh giá sản phẩm OCOP năm 2020 đợt 1',
    level: 'huyen',
    year: 2020,
    number: 1,
    criteriaSetId: options.criteriaSetId,
    councilDecisionNo: '1201/QĐ-UBND',
    councilDecisionDate: '2020-09-15',
    meetingFrom: '2020-10-01',
    meetingTo: '2020-10-01',
    place: 'Hội trường UBND thị xã',
    rules: { ...DEFAULT_COUNCIL_RULES },
    dossierChecklist: [...DOSSIER_QD_1048],
    status: 'open',
    note: '',
    ...stamp,
  }
  const members = MEMBERS.map(([name, role], position): RoundMember => ({
    id: `${roundId}-m${position + 1}`,
    roundId,
    name,
    role,
    organisation: 'UBND thị xã',
    position,
    ...stamp,
  }))
  const full = Object.fromEntries(DOSSIER_QD_1048.map((item) => [item.key, 'du' as const]))
  const entries = options.products.map((productId, position): RoundEntry => ({
    id: `${roundId}-e${position + 1}`,
    roundId,
    productId,
    groupCode: '',
    registeredStars: 3,
    dossier: full,
    overrideReason: '',
    mandatoryMissedFrom: null,
    proposedStars: null,
    proposalReason: '',
    position,
    outcome: null,
    proposedTo: null,
    evaluationId: null,
    ...stamp,
  }))
  const scores = entries.flatMap((entry, i) =>
    members.flatMap((member, m): RoundScore[] => {
      const points = options.scores[i]?.[m]
      if (!points) return []
      const [A, B, C] = points
      return [
        {
          id: `${entry.id}-${member.id}-1`,
          roundId,
          entryId: entry.id,
          memberId: member.id,
          pass: 1,
          parts: { A, B, C },
          items: null,
          source: 'grid',
          ...stamp,
        },
      ]
    }),
  )
  return { round, members, entries, scores }
}
