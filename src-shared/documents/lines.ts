/**
 * The fixed texts and the measures of Nghị định 30/2020 (docs/official-documents.md states each
 * with its place in the decree), and the lines built from a document: "Số: 05/BC-UBND", the place
 * and date, the recipients, the annex's reference. Every output (print view, .docx, .xlsx) takes
 * its sizes and wording from here, so the three agree.
 */
import type { IsoDate } from '../dates'
import type { OfficeIdentity } from '../domain/office'
import { DOC_TYPES, type DocCell, type Issuer, type OfficialDocument, type Signer } from './model'

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc'
export const RECIPIENTS_LABEL = 'Nơi nhận:'
export const ADDRESSEES_LABEL = 'Kính gửi:'
export const DECIDES = 'QUYẾT ĐỊNH:'
export const FONT = 'Times New Roman'

/** A4 and the margins (mm): top and bottom 20-25, left 30-35, right 15-20 (Phụ lục I, I.1-3). */
export const PAGE_MM = { width: 210, height: 297 } as const
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const

/** Type sizes in points, each inside the range Phụ lục I, Phần I, Mục II and Mục V give. */
export const SIZES = {
  /** Parent body, regular capitals (12-13). */
  parent: 12,
  /** Issuer, bold capitals (12-13). */
  issuer: 12,
  /** "Số: 05/BC-UBND" (13). */
  number: 13,
  /** A letter's "V/v …" under its number (12-13). */
  letterSubject: 12,
  /** National name, bold capitals (12-13): 12 keeps it on one line in its column. */
  nationalName: 12,
  /** Motto, bold (13-14). */
  motto: 13,
  /** Place and date, italic (13-14). */
  placeDate: 13,
  /** Type name and subject, bold (13-14). */
  title: 14,
  /** Body text (13-14). */
  body: 14,
  /** Text in tables: the decree sets none; 12, so that a table never prints below 11. */
  table: 12,
  /** "Nơi nhận:" bold italic 12, its entries 11. */
  recipientsLabel: 12,
  recipients: 11,
  /** Authority, titles and name of the signer, bold (13-14). */
  signer: 14,
  /** Page numbers, centred at the top from page 2 (13-14). */
  pageNumber: 13,
  /** "Phụ lục" bold 14; the annex's title bold capitals (13-14). */
  annexLabel: 14,
  annexTitle: 14,
  /** Closing notes, italic: below the body size, as footnotes are. */
  note: 12,
} as const

/** Body paragraphs: first-line indent (1-1.27 cm) and space between paragraphs (≥ 6 pt). */
export const FIRST_LINE_INDENT_MM = 10
export const PARAGRAPH_SPACING_PT = 6

/** The line every document made from the practice register carries, above its header block. */
export const SAMPLE_MARK = 'DỮ LIỆU MẪU — không phải số liệu thật'

// Where the number is not yet given, the clerk writes it by hand after signing.
const NUMBER_BLANK = '      '
const PEOPLES_COMMITTEE = 'ỦY BAN NHÂN DÂN'

const capitals = (text: string): string => text.trim().toLocaleUpperCase('vi')

/**
 * "Số: 05/BC-UBND": the number padded to two digits, the type's abbreviation, the issuer's; an
 * empty number leaves blank space ("Số:      /BC-UBND").
 */
export function numberLine(number: string, type: string, abbreviation: string): string {
  return numberWithSymbol(number, [type, abbreviation])
}

function numberWithSymbol(number: string, symbolParts: string[]): string {
  const trimmed = number.trim()
  const padded = /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed
  const symbol = symbolParts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('-')
  return trimmed === '' ? `Số:${NUMBER_BLANK}/${symbol}` : `Số: ${padded}/${symbol}`
}

type Numbered = Pick<OfficialDocument, 'number' | 'type' | 'issuer' | 'recipients'>

/**
 * The document's "Số:" line: the type's abbreviation and the issuer's, or for a letter the
 * issuer's and the drafting unit's ("Số: 12/UBND-KT", Nghị định 30, Phụ lục I, II.3).
 */
export function numberLineOf(doc: Numbered): string {
  return doc.type === 'CV'
    ? numberWithSymbol(doc.number, [doc.issuer.abbreviation, doc.recipients?.archive ?? ''])
    : numberLine(doc.number, doc.type, doc.issuer.abbreviation)
}

/** "05/BC-UBND" (or "     /BC-UBND"), as a sentence cites the document. */
export function numberSymbol(doc: Numbered): string {
  return numberLineOf(doc).replace(/^Số: ?/, '')
}

/** A letter's subject under its number ("V/v đề nghị …"); null for a document with a title. */
export function letterSubjectLine(doc: Pick<OfficialDocument, 'type' | 'title'>): string | null {
  return doc.type === 'CV' ? `V/v ${doc.title.subject.trim()}` : null
}

/**
 * "ngày 05 tháng 01 năm 2020": days below 10 and the months 1 and 2 take a leading 0, so that
 * nobody can add a digit by hand; other months are written as they are.
 */
export function longDate(date: IsoDate): string {
  const [year, month, day] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
  const dd = String(day).padStart(2, '0')
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month)
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/** "Mỹ Hào, ngày 05 tháng 01 năm 2020"; without a place, the date alone. */
export function placeDateLine(place: string, date: IsoDate): string {
  const trimmed = place.trim()
  return trimmed === '' ? longDate(date) : `${trimmed}, ${longDate(date)}`
}

/** True for a people's committee ("ỦY BAN NHÂN DÂN …", "UBND …"), which has no parent line. */
export function isPeoplesCommittee(name: string): boolean {
  const upper = capitals(name)
  return upper.startsWith(PEOPLES_COMMITTEE) || /^UBND\b/.test(upper)
}

/**
 * The issuer from Cài đặt: a people's committee's name on two bold lines ("ỦY BAN NHÂN DÂN" /
 * "THỊ XÃ MỸ HÀO") and no parent above it; any other body under the parent Cài đặt names.
 */
export function issuerOf(office: OfficeIdentity): Issuer {
  const name = capitals(office.officeName)
  const committee = isPeoplesCommittee(name)
  const rest = name.startsWith(PEOPLES_COMMITTEE) ? name.slice(PEOPLES_COMMITTEE.length).trim() : ''
  const parent = capitals(office.parentBody)
  return {
    parent: committee || parent === '' ? null : parent,
    name: rest === '' ? [name] : [PEOPLES_COMMITTEE, rest],
    nameInText: office.officeName.trim(),
    abbreviation: office.agencyAbbreviation.trim(),
    place: office.placeName.trim(),
  }
}

/** The signer from Cài đặt: authority, the delegation line if any, the title; the name as written. */
export function signerOf(office: OfficeIdentity): Signer {
  return {
    lines: [office.signerAuthority, office.signerDelegation, office.signerTitle]
      .map(capitals)
      .filter((line) => line !== ''),
    name: office.signerName.trim(),
  }
}

/**
 * The "Nơi nhận:" lines: "- …;" each, "- Như trên;" first when the document has addressees, and
 * the last "- Lưu: VT, <drafting unit>.".
 */
export function recipientLines(recipients: OfficialDocument['recipients']): string[] {
  if (!recipients) return []
  // "Như trên" stands for the addressees: a copy to one of them is not listed again.
  const named = (entry: string) =>
    entry
      .replace(/\s*\(.*\)\s*[;.]?$/, '')
      .trim()
      .toLocaleLowerCase('vi')
  const addressed = new Set(recipients.addressees.map(named))
  const others = recipients.copies.filter((copy) => !addressed.has(named(copy)))
  const copies = recipients.addressees.length > 0 ? ['Như trên', ...others] : others
  const archive = recipients.archive.trim()
  return [
    ...copies.map((copy) => `- ${copy.trim().replace(/[;.]$/, '')};`),
    archive === '' ? '- Lưu: VT.' : `- Lưu: VT, ${archive.replace(/[;.]$/, '')}.`,
  ]
}

/**
 * "Kính gửi:" with one addressee on its line, or several one per line after it, each "- …;",
 * the last ending with "." (Phụ lục I, II.9.b).
 */
export function addresseeLines(addressees: readonly string[]): string[] {
  const clean = addressees.map((a) => a.trim().replace(/[;.]$/, '')).filter((a) => a !== '')
  if (clean.length <= 1) return clean.length === 0 ? [] : [`${ADDRESSEES_LABEL} ${clean[0]}.`]
  return [ADDRESSEES_LABEL, ...clean.map((a, i) => `- ${a}${i === clean.length - 1 ? '.' : ';'}`)]
}

/** "Phụ lục" for a single annex, "Phụ lục I", "Phụ lục II" … when there are several. */
export function annexLabel(doc: Pick<OfficialDocument, 'annexes'>, index: number): string {
  return doc.annexes.length === 1 ? 'Phụ lục' : `Phụ lục ${romanNumeral(index + 1)}`
}

/** "(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)". */
export function annexReference(doc: OfficialDocument): string {
  const type = DOC_TYPES[doc.type]
  const typeName = type.charAt(0) + type.slice(1).toLocaleLowerCase('vi')
  const date = doc.signedOn ? ` ${longDate(doc.signedOn)}` : ''
  const of = doc.issuer.nameInText === '' ? '' : ` của ${doc.issuer.nameInText}`
  return `(Kèm theo ${typeName} số ${numberSymbol(doc)}${date}${of})`
}

/** Roman numerals for annexes and group rows (I, II, …); they never reach the thousands. */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let rest = n
  let result = ''
  for (const [value, numeral] of table) {
    while (rest >= value) {
      result += numeral
      rest -= value
    }
  }
  return result
}

const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** A cell as every output prints it: numbers in Vietnamese style ("1.234", "75,5"), null empty. */
export function cellText(value: DocCell): string {
  return typeof value === 'number' ? numbers.format(value) : (value ?? '')
}
