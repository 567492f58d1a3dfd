/**
 * The reports the office issues, what each is built for, and the register it is built from. A
 * report is built as an OfficialDocument (../documents/model), which the preview, the .docx, the
 * .xlsx and the PDF all render, so they always show the same figures.
 */
import type { IsoDate } from '../dates'
import type {
  CriteriaSet,
  Evaluation,
  OfficeRecord,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Revocation,
  Unit,
} from '../db/records'
import type { Recipients } from '../documents/model'
import type { OfficeIdentity } from '../domain/office'
import type { OfficeScope } from '../exchange/office-scope'
import type { RankingRules } from '../domain/ranking-rules'

export const REPORT_KINDS = [
  'products',
  'plan',
  'units',
  'changes',
  'groups',
  'types',
  'certificates',
  'producers',
] as const
/**
 * products: sản phẩm OCOP còn hiệu lực; plan: kết quả thực hiện kế hoạch; units: tổng hợp theo xã,
 * phường; changes: biến động giữa hai ngày; groups: theo nhóm sản phẩm × hạng sao; types: theo
 * loại hình chủ thể × hạng sao; certificates: giấy chứng nhận sắp hết hạn / đã hết hạn;
 * producers: chủ thể theo loại hình.
 */
export type ReportKind = (typeof REPORT_KINDS)[number]

/**
 * How the products list groups its rows: by star, by commune/ward, or by the office that owns each
 * product (Tổng hợp theo đơn vị gửi: a district's own products and each commune's that it merged).
 */
export const PRODUCT_GROUPINGS = ['stars', 'units', 'office'] as const
export type ProductGrouping = (typeof PRODUCT_GROUPINGS)[number]

/** What every report is built for: a date, a document number, and per report its own choices. */
export interface ReportOptions {
  /** The data date: figures as they stood on this day ("Tính đến ngày …"). */
  date: IsoDate
  /** The number part of "Số: 05/BC-UBND"; empty leaves the space to be filled by hand. */
  docNumber: string
  /** The signing date in the header's date line (ngày ký) — not the data date. */
  signedOn: IsoDate
  /** The clerk's recipients, each list when changed from the report's usual one. */
  recipients?: Partial<Pick<Recipients, 'addressees' | 'copies'>>
  /** Narrative parts rewritten by the clerk, by key (DocSection.narrative): their paragraphs. */
  narrative?: Record<string, string[]>
  /** changes: the first date compared (31/12 of the year before `date` by default). */
  from?: IsoDate
  /** products: group by star, by unit or by owning office. */
  grouping?: ProductGrouping
  /** Whose records the report counts (Đơn vị sở hữu): every office's unless one is chosen. */
  officeScope?: OfficeScope
  /** plan: the plan reported on. */
  planId?: string
  /** certificates: days ahead counted as "sắp hết hạn" (30 by default: notices go 30 days before). */
  withinDays?: number
  /** The register is the practice register (OfficialDocument.sample). */
  sample?: boolean
}

/** The register a report is built from (the app's stores, or a backup file for the CLI). */
export interface ReportData {
  office: OfficeIdentity
  units: readonly Unit[]
  producers: readonly Producer[]
  products: readonly Product[]
  evaluations: readonly Evaluation[]
  /** The decisions revoking certificates (domain/revocations.ts). */
  revocations: readonly Revocation[]
  criteriaSets: readonly CriteriaSet[]
  plans: readonly Plan[]
  planTargets: readonly PlanTarget[]
  /** The offices heard of: the owners of the records received in data packages, by name. */
  offices: readonly OfficeRecord[]
  /** How long a 1★-2★ result stands (Cài đặt). */
  rankingRules: RankingRules
}
