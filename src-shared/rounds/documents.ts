/**
 * The documents of an evaluation round as official documents (../documents/model), which the
 * preview, the .docx and the .xlsx render like the reports: the council's score summary and its
 * minutes, the office's proposal (Tờ trình) to the level that recognises what this council cannot,
 * and the recognition decision (Quyết định) for what it can. Who recognises what comes from
 * closing.ts; where each part of each layout comes from: docs/evaluation-rounds.md, "Documents".
 */
import type { OfficialDocument } from '../documents/model'
import { reportContext } from '../reports/context'
import { summaryDocument, minutesDocument } from './council-documents'
import {
  LEVEL_WORDS,
  rankedEntries,
  type RoundDocumentData,
  type RoundDocumentOptions,
} from './document-parts'
import { decisionDocument, proposalDocument, proposalsOf } from './office-documents'
import type { RoundBundle } from './round-data'

export type { RoundDocumentData, RoundDocumentOptions } from './document-parts'

export const ROUND_DOCUMENT_KINDS = ['summary', 'minutes', 'proposal', 'decision'] as const
export type RoundDocumentKind = (typeof ROUND_DOCUMENT_KINDS)[number]

/** The documents' names as the round's page lists them. */
export const ROUND_DOCUMENT_LABELS: Record<RoundDocumentKind, string> = {
  summary: 'Bảng tổng hợp kết quả chấm điểm',
  minutes: 'Biên bản họp Hội đồng',
  proposal: 'Tờ trình đề nghị công nhận',
  decision: 'Quyết định công nhận kết quả',
}

export type RoundDocumentRefusal = 'no-products' | 'nothing-proposed' | 'nothing-recognised'

/** A document, or why the round has nothing for it, said for the clerk. */
export type RoundDocumentBuild =
  | { ok: true; document: OfficialDocument }
  | { ok: false; reason: RoundDocumentRefusal; message: string }

/**
 * The round's document of `kind`, or a refusal the clerk can act on: a round without products has
 * no summary or minutes, a round that forwards nothing has no proposal, and a council whose level
 * recognises none of its products has no decision to draft.
 */
export function buildRoundDocument(
  kind: RoundDocumentKind,
  bundle: RoundBundle,
  data: RoundDocumentData,
  options: RoundDocumentOptions,
): RoundDocumentBuild {
  const ranked = rankedEntries(bundle, reportContext(data, options.signedOn))
  const input = { bundle, data, options, ranked }
  const name = `"${bundle.round.name}"`
  if (ranked.length === 0) {
    const label = ROUND_DOCUMENT_LABELS[kind].toLocaleLowerCase('vi')
    return {
      ok: false,
      reason: 'no-products',
      message: `Đợt ${name} chưa có sản phẩm nào nên chưa lập được ${label}. Hãy đăng ký sản phẩm vào đợt và chấm điểm trước.`,
    }
  }
  const level = LEVEL_WORDS[bundle.round.level]
  const recognised = ranked.filter((item) => item.outcome?.kind === 'recognise')
  const proposals = proposalsOf(ranked, options.to)
  switch (kind) {
    case 'summary':
      return { ok: true, document: summaryDocument(input) }
    case 'minutes':
      return { ok: true, document: minutesDocument(input) }
    case 'proposal': {
      if (proposals.to !== undefined && proposals.items.length > 0) {
        return { ok: true, document: proposalDocument(input, proposals.to, proposals.items) }
      }
      const where = options.to ? ` lên ${LEVEL_WORDS[options.to]}` : ' lên cấp trên'
      return {
        ok: false,
        reason: 'nothing-proposed',
        message:
          `Đợt ${name} không có sản phẩm nào phải đề nghị${where} công nhận theo ${bundle.set.name}` +
          (recognised.length > 0
            ? `: ${recognised.length} sản phẩm do ${level} công nhận, hãy lập Quyết định công nhận.`
            : '. Tờ trình chỉ lập khi Hội đồng đề nghị hạng sao do cấp trên công nhận.'),
      }
    }
    case 'decision': {
      if (recognised.length > 0) return { ok: true, document: decisionDocument(input, recognised) }
      return {
        ok: false,
        reason: 'nothing-recognised',
        message:
          `Theo ${bundle.set.name}, ${level} không công nhận sản phẩm nào của đợt ${name}` +
          (proposals.to !== undefined
            ? `: ${proposals.items.length} sản phẩm đạt từ 3 sao được đề nghị lên ${LEVEL_WORDS[proposals.to]}, hãy lập Tờ trình đề nghị công nhận.`
            : ': chưa có sản phẩm nào được xếp từ 3 sao trở lên.'),
      }
    }
  }
}
