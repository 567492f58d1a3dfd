/**
 * Builds a report model from the register as of a date: one builder per kind, the shared header,
 * "Nơi nhận" and signature around it. Pure, so the preview, the .xlsx and the PDF agree.
 */
import { NOTICE_DAYS } from '../domain/certificates'
import { certificateSections, withinDaysOf } from './certificates'
import { reportContext } from './context'
import { asOfLine, reportFileName, reportHeader, reportRecipients, reportSignature } from './header'
import type { ReportData, ReportKind, ReportModel, ReportOptions, ReportSection } from './model'
import { planSections, planSubject, reportedPlan } from './plan'
import { producerSections } from './producers'
import { productSections } from './products'
import { unitSections } from './units'

interface Body {
  titleType: string
  subject: string
  /** The subject for the file name, when it differs from the printed one. */
  fileSubject: string
  landscape: boolean
  sections: ReportSection[]
  notes: string[]
}

const VALIDITY_NOTE =
  'Hạng sao theo quyết định công nhận gần nhất đến ngày báo cáo; giấy chứng nhận có hiệu lực 36 tháng kể từ ngày quyết định.'

function body(kind: ReportKind, data: ReportData, options: ReportOptions): Body {
  const context = reportContext(data, options.date)
  switch (kind) {
    case 'products':
      return {
        titleType: 'DANH SÁCH',
        subject: 'Sản phẩm OCOP được công nhận còn hiệu lực',
        fileSubject: 'danh sách sản phẩm OCOP',
        landscape: true,
        sections: productSections(context, options),
        notes: [VALIDITY_NOTE],
      }
    case 'plan': {
      const plan = reportedPlan(context, options)
      return {
        titleType: 'BÁO CÁO',
        subject: planSubject(plan),
        fileSubject: `báo cáo kết quả thực hiện ${plan.name}`,
        landscape: true,
        sections: planSections(context, plan),
        notes: [
          VALIDITY_NOTE,
          `Năm gốc: số liệu đến ngày 31/12/${plan.baselineYear}; khi văn bản kế hoạch ghi số khác, báo cáo dùng số của kế hoạch và ghi số theo sổ bên cạnh.`,
        ],
      }
    }
    case 'units':
      return {
        titleType: 'TỔNG HỢP',
        subject: 'Sản phẩm OCOP theo xã, phường và hạng sao',
        fileSubject: 'tổng hợp sản phẩm OCOP theo xã phường',
        landscape: false,
        sections: unitSections(context),
        notes: [
          VALIDITY_NOTE,
          'Xã, phường theo địa giới có hiệu lực vào ngày báo cáo; sản phẩm của đơn vị đã sáp nhập được tính cho đơn vị kế thừa.',
        ],
      }
    case 'certificates':
      return {
        titleType: 'DANH SÁCH',
        subject: 'Giấy chứng nhận sản phẩm OCOP sắp hết hạn và đã hết hạn',
        fileSubject: 'giấy chứng nhận OCOP sắp hết hạn',
        landscape: true,
        sections: certificateSections(context, options),
        notes: [
          `Sắp hết hạn: còn từ 0 đến ${withinDaysOf(options)} ngày hiệu lực tính từ ngày báo cáo. Chủ thể phải được thông báo chậm nhất ${NOTICE_DAYS} ngày trước khi giấy chứng nhận hết hạn (QĐ 148/QĐ-TTg).`,
        ],
      }
    case 'producers':
      return {
        titleType: 'DANH SÁCH',
        subject: 'Chủ thể sản xuất sản phẩm OCOP theo loại hình',
        fileSubject: 'danh sách chủ thể OCOP',
        landscape: true,
        sections: producerSections(context),
        notes: ['Hạng sao: hạng còn hiệu lực của từng sản phẩm vào ngày báo cáo.'],
      }
  }
}

/** The report of `kind` on `options.date` from the register, ready for preview, .xlsx and PDF. */
export function buildReport(
  kind: ReportKind,
  data: ReportData,
  options: ReportOptions,
): ReportModel {
  const built = body(kind, data, options)
  return {
    kind,
    landscape: built.landscape,
    header: reportHeader(data.office, options.docNumber, options.issuedOn ?? options.date),
    titleType: built.titleType,
    subject: built.subject,
    subtitle: asOfLine(options.date),
    sections: built.sections,
    notes: built.notes,
    recipients: reportRecipients(kind, data.office),
    signature: reportSignature(data.office),
    fileName: reportFileName(built.fileSubject, options.date, options.sample),
    sample: options.sample === true,
  }
}
