/**
 * Builds a report as an official document (a Báo cáo in the Nghị định 30 layout) from the
 * register as of a date: each kind gives its body and its annex; the header, the narrative parts,
 * "Nơi nhận" and the signature are the same for all. Pure, so the preview, the .docx, the .xlsx
 * and the PDF agree.
 */
import { NOTICE_DAYS } from '../domain/certificates'
import { DOC_TYPES, type Annex, type DocSection, type OfficialDocument } from '../documents/model'
import { needsLandscape } from '../documents/fit'
import { issuerOf, romanNumeral, signerOf } from '../documents/lines'
import { formatViDate } from '../dates'
import { certificateSections, withinDaysOf } from './certificates'
import { changeSections, defaultFrom } from './changes'
import { reportContext, type ReportContext } from './context'
import { asOfLine, defaultCopies, reportFileName } from './header'
import type { ReportData, ReportKind, ReportOptions } from './model'
import { generalParagraphs, NARRATIVE_PARTS, type NarrativeKey } from './narrative'
import { scopedReportData, scopeNote } from './offices'
import { planSections, planSubject, reportedPlan, upgradeSection } from './plan'
import { producerSections } from './producers'
import { productSections, starSummarySection } from './products'
import { groupSections, officeSections, typeSections } from './tallies'
import { unitSections } from './units'

interface Body {
  subject: string
  /** The subject for the file name, when it differs from the printed one. */
  fileSubject: string
  /** The figures part (after "Đánh giá chung"), headed by level-1 headings where it has several. */
  sections: DocSection[]
  annex?: Omit<Annex, 'subtitle' | 'landscape'>
  notes: string[]
}

const VALIDITY_NOTE =
  'Hạng sao theo quyết định công nhận gần nhất đến ngày báo cáo; giấy chứng nhận có hiệu lực 36 tháng kể từ ngày quyết định.'
const ANNEX_MENTION = 'Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.'

function body(kind: ReportKind, context: ReportContext, options: ReportOptions): Body {
  switch (kind) {
    case 'products':
      return {
        subject: 'Sản phẩm OCOP được công nhận còn hiệu lực',
        fileSubject: 'báo cáo sản phẩm OCOP',
        sections: [
          starSummarySection(context),
          ...(options.grouping === 'office' ? officeSections(context) : []),
        ],
        annex: {
          title: 'DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC',
          sections: productSections(context, options),
        },
        notes: [VALIDITY_NOTE],
      }
    case 'plan': {
      const plan = reportedPlan(context, options)
      return {
        subject: planSubject(plan),
        fileSubject: `báo cáo ${planSubject(plan)}`,
        sections: planSections(context, plan),
        annex: {
          title: 'KẾT QUẢ NÂNG HẠNG TỪNG SẢN PHẨM',
          sections: [upgradeSection(context, plan)],
        },
        notes: [
          VALIDITY_NOTE,
          `Năm gốc: số liệu đến ngày 31/12/${plan.baselineYear}; khi văn bản kế hoạch ghi số khác, báo cáo dùng số của kế hoạch và ghi số theo sổ bên cạnh.`,
        ],
      }
    }
    case 'units':
      return {
        subject: 'Tổng hợp sản phẩm OCOP theo xã, phường và hạng sao',
        fileSubject: 'báo cáo tổng hợp sản phẩm OCOP theo xã phường',
        sections: unitSections(context),
        notes: [
          VALIDITY_NOTE,
          'Xã, phường theo địa giới có hiệu lực vào ngày báo cáo; sản phẩm của đơn vị đã sáp nhập được tính cho đơn vị kế thừa.',
        ],
      }
    case 'changes': {
      const from = options.from ?? defaultFrom(context.date)
      const { summary, list, paragraph } = changeSections(context, from)
      return {
        subject: `Biến động sản phẩm OCOP từ ${formatViDate(from)} đến ${formatViDate(context.date)}`,
        fileSubject: 'báo cáo biến động sản phẩm OCOP',
        sections: [{ paragraphs: [paragraph] }, summary],
        annex: { title: 'DANH SÁCH SẢN PHẨM OCOP BIẾN ĐỘNG HẠNG SAO', sections: [list] },
        notes: [
          VALIDITY_NOTE,
          'Hết hạn: có hạng vào ngày đầu, không còn hạng nào có hiệu lực vào ngày cuối (giấy chứng nhận hết hạn hoặc kết quả 1-2 sao hết thời hạn).',
        ],
      }
    }
    case 'groups':
      return {
        subject: 'Tổng hợp sản phẩm OCOP theo nhóm sản phẩm và hạng sao',
        fileSubject: 'báo cáo sản phẩm OCOP theo nhóm',
        sections: groupSections(context),
        notes: [VALIDITY_NOTE, 'Nhóm sản phẩm theo bộ tiêu chí đã đánh giá sản phẩm.'],
      }
    case 'types':
      return {
        subject: 'Tổng hợp sản phẩm OCOP theo loại hình chủ thể và hạng sao',
        fileSubject: 'báo cáo sản phẩm OCOP theo loại hình chủ thể',
        sections: typeSections(context),
        notes: [VALIDITY_NOTE],
      }
    case 'certificates': {
      const sections = certificateSections(context, options)
      return {
        subject: 'Giấy chứng nhận sản phẩm OCOP sắp hết hạn và đã hết hạn',
        fileSubject: 'báo cáo giấy chứng nhận OCOP sắp hết hạn',
        // The counts and what to do stay in the body; the lists go to the annex.
        sections: sections.map(({ heading, paragraphs }) => ({ heading, level: 2, paragraphs })),
        annex: {
          title: 'DANH SÁCH GIẤY CHỨNG NHẬN SẢN PHẨM OCOP SẮP HẾT HẠN VÀ ĐÃ HẾT HẠN',
          sections,
        },
        notes: [
          `Sắp hết hạn: còn từ 0 đến ${withinDaysOf(options)} ngày hiệu lực tính từ ngày báo cáo. Chủ thể phải được thông báo chậm nhất ${NOTICE_DAYS} ngày trước khi giấy chứng nhận hết hạn (QĐ 148/QĐ-TTg).`,
        ],
      }
    }
    case 'producers':
      return {
        subject: 'Chủ thể sản xuất sản phẩm OCOP theo loại hình',
        fileSubject: 'báo cáo chủ thể OCOP',
        sections: [],
        annex: {
          title: 'DANH SÁCH CHỦ THỂ SẢN XUẤT SẢN PHẨM OCOP THEO LOẠI HÌNH',
          sections: producerSections(context),
        },
        notes: ['Hạng sao: hạng còn hiệu lực của từng sản phẩm vào ngày báo cáo.'],
      }
  }
}

/**
 * The body in the order of a Báo cáo: "I. Đánh giá chung" (generated sentences the clerk may
 * rewrite, then the figures), "II. Tồn tại, hạn chế", "III. Kiến nghị, đề xuất" — a narrative part
 * the clerk left empty is left out, and the level-1 headings are numbered as they stand.
 */
function bodySections(built: Body, context: ReportContext, options: ReportOptions): DocSection[] {
  const generated: Record<NarrativeKey, string[]> = {
    general: [...generalParagraphs(context), ...(built.annex ? [ANNEX_MENTION] : [])],
    issues: [],
    proposals: [],
  }
  const parts: DocSection[][] = NARRATIVE_PARTS.map(({ key, heading }) => {
    const paragraphs = options.narrative?.[key] ?? generated[key]
    const text = paragraphs.map((p) => p.trim()).filter((p) => p !== '')
    const narrative: DocSection = { heading, level: 1, narrative: key, paragraphs: text }
    if (key === 'general') return [narrative, ...built.sections]
    return text.length === 0 ? [] : [narrative]
  })
  let part = 0
  return parts.flat().map((section) =>
    section.level === 1 && section.heading
      ? {
          ...section,
          heading: `${romanNumeral(++part)}. ${section.heading.toLocaleUpperCase('vi')}`,
        }
      : section,
  )
}

/**
 * The report of `kind` on `options.date` from the register, ready for every output: of the records
 * of the owning office chosen (`officeScope`), which its notes then name.
 */
export function buildReport(
  kind: ReportKind,
  data: ReportData,
  options: ReportOptions,
): OfficialDocument {
  const context = reportContext(scopedReportData(data, options.officeScope), options.date)
  const built = body(kind, context, options)
  const ownersNote = scopeNote(data, options.officeScope)
  const subtitle = asOfLine(options.date)
  const sections = bodySections(built, context, options)
  return {
    type: 'BC',
    issuer: issuerOf(data.office),
    number: options.docNumber.trim(),
    signedOn: options.signedOn,
    title: { type: DOC_TYPES.BC, subject: built.subject, subtitle },
    sections,
    notes: ownersNote === null ? built.notes : [...built.notes, ownersNote],
    recipients: {
      addressees: options.recipients?.addressees ?? [],
      copies: options.recipients?.copies ?? defaultCopies(kind),
      archive: data.office.draftingUnit,
    },
    signers: [signerOf(data.office)],
    annexes: built.annex
      ? [{ ...built.annex, subtitle, landscape: needsLandscape(built.annex.sections) }]
      : [],
    landscape: needsLandscape(sections),
    fileName: reportFileName(built.fileSubject, options.date, options.sample),
    sample: options.sample === true,
  }
}
