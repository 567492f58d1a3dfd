/**
 * An official document as data, in the layout of Nghị định 30/2020/NĐ-CP (docs/official-documents.md):
 * the two-column header (issuing body, number, national name, place and date), the title, the body
 * in sections, the recipients beside the signature, and annexes with their own title and page
 * numbers. One model renders to three outputs that look the same: the print view (PDF), the .docx
 * and the .xlsx. Pure: no Dexie, no ExcelJS, no docx, no Vue.
 */
import type { IsoDate } from '../dates'

/** Document types with their abbreviation in "Số: 05/BC-UBND" (Nghị định 30, Phụ lục III). */
export const DOC_TYPES = {
  BC: 'BÁO CÁO',
  QĐ: 'QUYẾT ĐỊNH',
  TTr: 'TỜ TRÌNH',
  BB: 'BIÊN BẢN',
  KH: 'KẾ HOẠCH',
  TB: 'THÔNG BÁO',
  /**
   * A letter (công văn) prints no type name or title: its subject stands under the number as
   * "V/v …", and its number symbol is the issuer's and the drafting unit's ("Số: 12/UBND-KT").
   */
  CV: 'CÔNG VĂN',
} as const
export type DocType = keyof typeof DOC_TYPES

/** The issuing body (left column of the header). */
export interface Issuer {
  /**
   * The body directly above the issuer, regular capitals — only for a unit under a parent
   * ("UBND THỊ XÃ MỸ HÀO" above "PHÒNG KINH TẾ"); a people's committee has none.
   */
  parent: string | null
  /** The issuer's name in bold capitals, one or two lines: ["ỦY BAN NHÂN DÂN", "THỊ XÃ MỸ HÀO"]. */
  name: string[]
  /** The issuer as the body of a sentence names it: "Ủy ban nhân dân thị xã Mỹ Hào". */
  nameInText: string
  /** The issuer's abbreviation in the number's symbol: "UBND". */
  abbreviation: string
  /** The place before the date: "Mỹ Hào". */
  place: string
}

/** The signer: authority line, one or two title lines, the name (Nghị định 30, Phụ lục I, II.7). */
export interface Signer {
  /**
   * Capitals bold, top to bottom: the authority line and one or two titles, e.g. ["TM. ỦY BAN
   * NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]; a minutes' signer: ["THƯ KÝ"].
   */
  lines: string[]
  name: string
}

export type DocAlign = 'left' | 'center' | 'right'

export interface DocColumn {
  key: string
  title: string
  /** A parent header spanning neighbouring columns with the same group ("Quyết định công nhận"). */
  group?: string
  /** Width in characters (Excel's unit); the other outputs use it as a share of the line. */
  width: number
  align: DocAlign
  /** Values that must never break inside, e.g. decision numbers "3056/QĐ-UBND". */
  noBreak?: boolean
}

/** A cell: text is always written as text (never a formula), numbers as numbers. */
export type DocCell = string | number | null

export type DocRow =
  | { kind: 'data'; cells: DocCell[] }
  /** A heading row inside the table ("I. 5 sao", "Phường Dị Sử"), spanning every column. */
  | { kind: 'group'; label: string }
  /** Bold rows: a group's subtotal, or the table's total. */
  | { kind: 'subtotal' | 'total'; cells: DocCell[] }

export interface DocTable {
  columns: DocColumn[]
  rows: DocRow[]
}

/** A part of the body: a heading, paragraphs, a table and/or a picture, in that order. */
export interface DocSection {
  /** Bold: "I. ĐÁNH GIÁ CHUNG" (level 1, capitals) or "1. Kết quả …" (level 2). */
  heading?: string
  level?: 1 | 2
  /**
   * Key of a narrative part the clerk may rewrite before export (its generated paragraphs are
   * the starting text, ReportOptions.narrative keeps the rewritten ones).
   */
  narrative?: string
  paragraphs?: string[]
  table?: DocTable
  /** A picture placed by the writer: the plan-progress star chart (PNG bytes given separately). */
  image?: 'plan-star-chart'
}

/** An annex (phụ lục): own title, own page numbers, landscape when its table is wide. */
export interface Annex {
  /** Capitals bold: "DANH SÁCH SẢN PHẨM OCOP CÒN HIỆU LỰC". */
  title: string
  /** Italic line under the title, e.g. "(Tính đến ngày 31/12/2020)". */
  subtitle?: string
  landscape: boolean
  sections: DocSection[]
}

export interface Recipients {
  /** "Kính gửi:" lines for a Tờ trình or a report sent upward; then the list starts "Như trên". */
  addressees: string[]
  /** "Nơi nhận:" entries without the dash and semicolon: "UBND tỉnh (để báo cáo)". */
  copies: string[]
  /** The drafting unit's abbreviation in the last line "- Lưu: VT, KT.". */
  archive: string
}

export interface OfficialDocument {
  type: DocType
  issuer: Issuer
  /** The number in "Số: 05/BC-UBND"; empty leaves the space to fill by hand after signing. */
  number: string
  /** The signing date in the header's date line (ngày ký); null: minutes, which have no date line. */
  signedOn: IsoDate | null
  /** "BÁO CÁO" and its subject (trích yếu), with an optional italic line under it. */
  title: { type: string; subject: string; subtitle?: string }
  /** Decisions: the authority line, its legal bases ("Căn cứ …;") and "QUYẾT ĐỊNH:". */
  decision?: { authority: string; bases: string[] }
  sections: DocSection[]
  /** Closing notes (italic), e.g. how stars and validity were computed. */
  notes: string[]
  /** null: minutes without a "Nơi nhận". */
  recipients: Recipients | null
  /** One signer, or two side by side (minutes: the secretary left, the chair right). */
  signers: Signer[]
  annexes: Annex[]
  /** The body's pages in landscape (only for a wide table not moved to an annex). */
  landscape: boolean
  /** Suggested file name without extension, ASCII: "bao-cao-san-pham-ocop-2020-12-31". */
  fileName: string
  /** Built from the practice register: every output marks it, so nobody takes it for real figures. */
  sample: boolean
}
