/**
 * The rest of the Mỹ Hào demo (docs/domain.md, "The Mỹ Hào example"): the town's public 2019-2020
 * plan with its real targets, the office its documents are issued by, and the day the practice
 * register lives on. With the demo records (demo-my-hao.ts) they make the practice register.
 */
import type { IsoDate } from '../dates'
import type { OfficeIdentity } from './office'
import { blankTarget, type PlanInput, type TargetInput } from './plan-input'
import type { TargetKind } from './plans'

/**
 * "Today" in the practice register: the last day of the plan's period. Every 2018-2020
 * recognition of the demo still stands then; on the real calendar they have all lapsed.
 */
export const DEMO_TODAY: IsoDate = '2020-12-31'

/**
 * The practice office: the people's committee of the town of Mỹ Hào (no parent line on its
 * documents), OCOP drafted by its Phòng Kinh tế, a vice-chair signing for the committee.
 */
export const MY_HAO_OFFICE: OfficeIdentity = {
  parentBody: '',
  officeName: 'Ủy ban nhân dân thị xã Mỹ Hào',
  placeName: 'Mỹ Hào',
  agencyAbbreviation: 'UBND',
  draftingUnit: 'KT',
  signerAuthority: 'TM. Ủy ban nhân dân',
  signerDelegation: 'KT. Chủ tịch',
  signerTitle: 'Phó Chủ tịch',
  signerName: 'Nguyễn Văn A',
}

function target(kind: TargetKind, value: number, stars: number | null = null): TargetInput {
  return { ...blankTarget(kind), stars, value }
}

/**
 * The plan for 2019-2020 with its baseline year 2018 (4 products at 3★, 4 at 2★, 1 at 4★, which
 * the demo records hold): by 2020, 6 products at 3★, 2 at 4★, 1 at 5★, 9 products upgraded, and
 * every commune and ward with at least one OCOP product. The targets are the document's; its
 * number and date are not public and are invented.
 */
export const MY_HAO_PLAN: PlanInput = {
  name: 'Kế hoạch thực hiện Chương trình OCOP thị xã Mỹ Hào giai đoạn 2019-2020',
  docNo: '45/KH-UBND',
  docDate: '2019-03-20',
  fromYear: 2019,
  toYear: 2020,
  baselineYear: 2018,
  note: 'Dữ liệu mẫu — chỉ tiêu theo kế hoạch của thị xã; số và ngày văn bản là giả định.',
  targets: [
    target('stars-exactly', 6, 3),
    target('stars-exactly', 2, 4),
    target('stars-exactly', 1, 5),
    target('upgraded-products', 9),
    target('units-covered-share', 100),
  ],
}
