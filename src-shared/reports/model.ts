/**
 * A report as data: the Nghị định 30/2020 header, title, sections with tables, notes, "Nơi nhận"
 * and the signature block. One model feeds the on-screen preview, the .xlsx (main-side worker)
 * and the PDF, so the three always show the same figures. Pure: no Dexie, no ExcelJS, no Vue.
 */
import type { IsoDate } from '../dates'
import type {
  CriteriaSet,
  Evaluation,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Unit,
} from '../db/records'
import type { OfficeIdentity } from '../domain/office'
import type { RankingRules } from '../domain/ranking-rules'

export const REPORT_KINDS = ['products', 'plan', 'units', 'certificates', 'producers'] as const
/**
 * products: Danh sách sản phẩm OCOP; plan: Báo cáo kết quả thực hiện kế hoạch; units: Tổng hợp
 * theo đơn vị; certificates: Giấy chứng nhận sắp hết hạn / đã hết hạn; producers: Danh sách chủ thể.
 */
export type ReportKind = (typeof REPORT_KINDS)[number]

/** The two-column header block (Nghị định 30/2020: docs/domain.md). */
export interface ReportHeader {
  /** Left column, line 1, capitals regular: "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN". */
  parentBody: string
  /** Left column, line 2, capitals bold, short rule under it: "ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO". */
  officeName: string
  /** Left column, line 3: "Số: 05/BC-UBND" (or "Số:      /BC-UBND" while unnumbered). */
  docNumber: string
  /** Right column: the national motto lines are fixed; this is the italic place and date line. */
  placeDate: string
}

export type ReportAlign = 'left' | 'center' | 'right'

export interface ReportColumn {
  key: string
  title: string
  /** A parent header spanning neighbouring columns with the same group ("Quyết định công nhận"). */
  group?: string
  /** Width in characters (Excel's unit); the preview scales it. */
  width: number
  align: ReportAlign
}

/** A cell: text is always written as text (never a formula), numbers as numbers. */
export type ReportCell = string | number | null

export type ReportRow =
  | { kind: 'data'; cells: ReportCell[] }
  /** A heading row inside the table ("I. 5 sao", "Phường Dị Sử"), spanning every column. */
  | { kind: 'group'; label: string }
  /** Bold rows: a group's subtotal, or the table's total. */
  | { kind: 'subtotal' | 'total'; cells: ReportCell[] }

export interface ReportTable {
  columns: ReportColumn[]
  rows: ReportRow[]
}

export interface ReportSection {
  /** Bold heading ("1. Kết quả thực hiện các chỉ tiêu"). */
  heading?: string
  paragraphs?: string[]
  table?: ReportTable
  /** A picture placed by the writer: the plan-progress star chart (PNG bytes given separately). */
  image?: 'plan-star-chart'
}

export interface ReportSignature {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" … (may be empty). */
  authority: string
  /** "PHÓ CHỦ TỊCH". */
  title: string
  name: string
}

export interface ReportModel {
  kind: ReportKind
  /** A4 landscape for wide tables, else portrait. */
  landscape: boolean
  header: ReportHeader
  /** "BÁO CÁO", "DANH SÁCH", "TỔNG HỢP" (capitals bold). */
  titleType: string
  /** The subject, bold, under the type. */
  subject: string
  /** Italic line under the subject: "(Tính đến ngày 31/12/2020)". */
  subtitle: string
  sections: ReportSection[]
  /** Closing notes (italic), e.g. how stars and validity were computed. */
  notes: string[]
  /** "Nơi nhận:" lines, each "- …;" and the last "- Lưu: VT, <unit>.". */
  recipients: string[]
  signature: ReportSignature
  /** Suggested file name without extension, ASCII: "danh-sach-san-pham-ocop-2020-12-31". */
  fileName: string
  /**
   * Built from the practice register: every output (preview, PDF, .xlsx) marks the document with
   * SAMPLE_MARK, so sample figures are never taken for an office's real ones.
   */
  sample: boolean
}

/** What every report is built for: a date, a document number, and per report its own choices. */
export interface ReportOptions {
  date: IsoDate
  /** The number part of "Số: 05/BC-UBND"; empty leaves the space to be filled by hand. */
  docNumber: string
  /** The date printed in the header (defaults to the report date). */
  issuedOn?: IsoDate
  /** products: group by star or by unit. */
  grouping?: 'stars' | 'units'
  /** plan: the plan reported on. */
  planId?: string
  /** certificates: days ahead counted as "sắp hết hạn" (30 by default: notices go 30 days before). */
  withinDays?: number
  /** The register is the practice register (ReportModel.sample). */
  sample?: boolean
}

/** The register a report is built from (the app's stores, or a backup file for the CLI). */
export interface ReportData {
  office: OfficeIdentity
  units: readonly Unit[]
  producers: readonly Producer[]
  products: readonly Product[]
  evaluations: readonly Evaluation[]
  criteriaSets: readonly CriteriaSet[]
  plans: readonly Plan[]
  planTargets: readonly PlanTarget[]
  /** How long a 1★-2★ result stands (Cài đặt). */
  rankingRules: RankingRules
}
