/**
 * The small parts every report shares: its usual recipients, the "Tính đến ngày" line, its file
 * name, and how documents name producer types and units. The Nghị định 30 lines themselves are in
 * ../documents/lines.
 */
import { formatViDate, type IsoDate } from '../dates'
import type { ProducerType, Unit } from '../db/records'
import { fileSlug } from '../text/vietnamese'
import type { ReportKind } from './model'

// Reports go up to the province and its OCOP coordination office; the certificate list also
// goes to the communes, which pass the notices on to the owners.
const RECIPIENTS: Record<ReportKind, string[]> = {
  products: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  plan: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  units: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  changes: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  groups: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  types: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
  certificates: ['Văn phòng Điều phối NTM tỉnh', 'UBND các xã, phường (để thông báo cho chủ thể)'],
  producers: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
}

/** The usual "Nơi nhận" of a report of `kind` (before the clerk changes it). */
export function defaultCopies(kind: ReportKind): string[] {
  return [...RECIPIENTS[kind]]
}

/** "(Tính đến ngày 31/12/2020)". */
export function asOfLine(date: IsoDate): string {
  return `(Tính đến ngày ${formatViDate(date)})`
}

/**
 * An ASCII file name: "danh-sach-san-pham-ocop-2020-12-31"; a sample document's name starts with
 * "du-lieu-mau-", so the file says what it is in a folder too.
 */
export function reportFileName(subject: string, date: IsoDate, sample = false): string {
  const slug = fileSlug(subject).slice(0, 80).replace(/-+$/, '')
  return `${sample ? 'du-lieu-mau-' : ''}${slug}-${date}`
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
