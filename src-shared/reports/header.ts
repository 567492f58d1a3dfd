/**
 * The parts every report shares: the Nghị định 30/2020 header block, "Nơi nhận" (recipients),
 * the signature block, and the small formatting rules of official documents. Office fields come
 * from Cài đặt; an empty field leaves its line empty — nothing is invented in its place.
 */
import { formatViDate, type IsoDate } from '../dates'
import type { ProducerType, Unit } from '../db/records'
import type { OfficeIdentity } from '../domain/office'
import type { ReportHeader, ReportKind, ReportSignature } from './model'

/** Document type abbreviations of Nghị định 30 used in "Số: 05/BC-UBND". */
export type DocTypeAbbreviation = 'BC' | 'KH' | 'QĐ' | 'TB'

// Where the number is not yet given, the clerk writes it by hand after signing.
const NUMBER_BLANK = '      '

/**
 * "Số: 05/BC-UBND": the number padded to two digits (Nghị định 30), the type, the agency's
 * abbreviation; an empty number leaves blank space ("Số:      /BC-UBND").
 */
export function docNumberLine(
  number: string,
  agencyAbbreviation: string,
  type: DocTypeAbbreviation = 'BC',
): string {
  const trimmed = number.trim()
  const padded = /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed
  const agency = agencyAbbreviation.trim()
  const suffix = agency === '' ? type : `${type}-${agency}`
  return trimmed === '' ? `Số:${NUMBER_BLANK}/${suffix}` : `Số: ${padded}/${suffix}`
}

/**
 * "Mỹ Hào, ngày 05 tháng 01 năm 2020": days below 10 and the months 1 and 2 take a leading 0
 * (Nghị định 30, so that nobody can add a digit by hand); other months are written as they are.
 */
export function placeDateLine(placeName: string, date: IsoDate): string {
  const [year, month, day] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
  const dd = String(day).padStart(2, '0')
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month)
  const line = `ngày ${dd} tháng ${mm} năm ${year}`
  const place = placeName.trim()
  return place === '' ? line : `${place}, ${line}`
}

const capitals = (text: string): string => text.trim().toLocaleUpperCase('vi')

/** The two-column header block from the office identity. */
export function reportHeader(
  office: OfficeIdentity,
  docNumber: string,
  issuedOn: IsoDate,
  type: DocTypeAbbreviation = 'BC',
): ReportHeader {
  return {
    parentBody: capitals(office.parentBody),
    officeName: capitals(office.officeName),
    docNumber: docNumberLine(docNumber, office.agencyAbbreviation, type),
    placeDate: placeDateLine(office.placeName, issuedOn),
  }
}

/** The signature block: authority prefix and title in capitals, the name as written in Cài đặt. */
export function reportSignature(office: OfficeIdentity): ReportSignature {
  return {
    authority: capitals(office.signerAuthority),
    title: capitals(office.signerTitle),
    name: office.signerName.trim(),
  }
}

// Reports go up to the province and its OCOP coordination office; the certificate list also
// goes to the communes, which pass the notices on to the owners.
const RECIPIENTS: Record<ReportKind, string[]> = {
  products: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  plan: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  units: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  certificates: ['Văn phòng Điều phối NTM tỉnh', 'UBND các xã, phường (để thông báo cho chủ thể)'],
  producers: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
}

/** "Nơi nhận:" lines: "- …;" each, the last "- Lưu: VT, <agency>.". */
export function reportRecipients(kind: ReportKind, office: OfficeIdentity): string[] {
  const agency = office.agencyAbbreviation.trim()
  return [
    ...RECIPIENTS[kind].map((recipient) => `- ${recipient};`),
    agency === '' ? '- Lưu: VT.' : `- Lưu: VT, ${agency}.`,
  ]
}

/** "(Tính đến ngày 31/12/2020)". */
export function asOfLine(date: IsoDate): string {
  return `(Tính đến ngày ${formatViDate(date)})`
}

/** The line every document made from the practice register carries, above its header block. */
export const SAMPLE_MARK = 'DỮ LIỆU MẪU — không phải số liệu thật'

/**
 * An ASCII file name: "danh-sach-san-pham-ocop-2020-12-31"; a sample document's name starts with
 * "du-lieu-mau-", so the file says what it is in a folder too.
 */
export function reportFileName(subject: string, date: IsoDate, sample = false): string {
  const slug = subject
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return `${sample ? 'du-lieu-mau-' : ''}${slug}-${date}`
}

/** Roman numerals for group rows (I, II, … ); groups never reach the thousands. */
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

/** Producer types as documents name them. */
export const PRODUCER_TYPE_LABELS: Record<ProducerType, string> = {
  htx: 'Hợp tác xã',
  'doanh-nghiep': 'Doanh nghiệp',
  'to-hop-tac': 'Tổ hợp tác',
  'ho-kinh-doanh': 'Hộ sản xuất kinh doanh',
}

const UNIT_KIND_LABELS: Record<Unit['kind'], string> = {
  xa: 'Xã',
  phuong: 'Phường',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
}

/** "Phường Dị Sử", "Xã Cẩm Xá". */
export function unitTitle(unit: Pick<Unit, 'kind' | 'name'>): string {
  return `${UNIT_KIND_LABELS[unit.kind]} ${unit.name}`
}

/** A score as a number with float noise dropped (69.5 stays 69.5). */
export function roundFigure(value: number): number {
  return Math.round(value * 100) / 100
}
