/**
 * Reports of a register that holds other offices' records (received in data packages): the report
 * of one owning office's records (the Đơn vị sở hữu the clerk chose), and the names a printed
 * report gives the owners. A report read at the province does not know "this office": it names
 * the reporting office by the name on its letterhead.
 */
import type { RecordOrigin } from '../db/records'
import { ALL_OFFICES, inScope, type OfficeScope } from '../exchange/office-scope'
import type { ReportData } from './model'

/** The reporting office as a report names it: its name from Cài đặt. */
export function reportingOfficeName(data: Pick<ReportData, 'office'>): string {
  return data.office.officeName.trim() || 'Đơn vị lập báo cáo'
}

/** An office heard of by its name; by its id when the register does not name it. */
function officeNameIn(data: Pick<ReportData, 'offices'>, officeId: string): string {
  return data.offices.find((known) => known.id === officeId)?.name ?? officeId
}

/** The name of the office that owns the record, as the report prints it. */
export function ownerNameIn(
  data: Pick<ReportData, 'office' | 'offices'>,
  record: { origin?: RecordOrigin },
): string {
  return record.origin ? officeNameIn(data, record.origin.office) : reportingOfficeName(data)
}

/**
 * The register a report of `scope` is built from: the products and producers that office owns
 * (with every evaluation: the index is read by product, so the others are never reached).
 */
export function scopedReportData(data: ReportData, scope: OfficeScope = ALL_OFFICES): ReportData {
  if (scope.kind === 'all') return data
  return {
    ...data,
    products: inScope(data.products, scope),
    producers: inScope(data.producers, scope),
  }
}

/** The note that says whose records a scoped report counts; none for a report of them all. */
export function scopeNote(data: ReportData, scope: OfficeScope = ALL_OFFICES): string | null {
  switch (scope.kind) {
    case 'all':
      return null
    case 'here':
      return `Số liệu chỉ gồm dữ liệu của ${reportingOfficeName(data)}, không gồm dữ liệu do đơn vị khác gửi.`
    case 'office':
      return `Số liệu chỉ gồm dữ liệu do ${officeNameIn(data, scope.office)} gửi.`
  }
}
