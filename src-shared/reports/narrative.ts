/**
 * The narrative parts of a report (Đánh giá chung, Tồn tại - hạn chế, Kiến nghị - đề xuất): the
 * sentences generated from the figures, which the clerk rewrites before export. Only facts the
 * register holds are generated; a part with nothing to say starts empty and is left out.
 */
import { formatViDate } from '../dates'
import type { ReportContext } from './context'
import { starCounts } from './products'

export const NARRATIVE_PARTS = [
  { key: 'general', heading: 'Đánh giá chung' },
  { key: 'issues', heading: 'Tồn tại, hạn chế' },
  { key: 'proposals', heading: 'Kiến nghị, đề xuất' },
] as const
export type NarrativeKey = (typeof NARRATIVE_PARTS)[number]['key']

const AREA_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'huyện', 'quận', 'tỉnh', 'phường', 'xã']

/** "toàn thị xã" for the people's committee of a town; "toàn địa bàn" when the name says nothing. */
export function areaOf(officeName: string): string {
  const name = officeName.toLocaleLowerCase('vi')
  // The last area word in the name, the longest where two end together ("thị xã", not "xã").
  let best: { word: string; end: number } | null = null
  for (const word of AREA_WORDS) {
    const at = name.lastIndexOf(word)
    const end = at + word.length
    if (
      at < 0 ||
      (best !== null && (end < best.end || (end === best.end && word.length <= best.word.length)))
    )
      continue
    best = { word, end }
  }
  return `toàn ${best?.word ?? 'địa bàn'}`
}

/**
 * "Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 5 sao,
 * 2 sản phẩm 4 sao và 4 sản phẩm 3 sao."
 */
export function generalParagraphs(context: ReportContext): string[] {
  const counts = starCounts(context)
  const total = counts[3] + counts[4] + counts[5]
  const opening = `Đến ${formatViDate(context.date)}, ${areaOf(context.data.office.officeName)}`
  if (total === 0) return [`${opening} chưa có sản phẩm OCOP nào còn hiệu lực.`]
  const parts = ([5, 4, 3] as const)
    .filter((stars) => counts[stars] > 0)
    .map((stars) => `${counts[stars]} sản phẩm ${stars} sao`)
  const detail =
    parts.length === 1
      ? ` (${parts[0]})`
      : `, trong đó ${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`
  return [`${opening} có ${total} sản phẩm OCOP còn hiệu lực${detail}.`]
}
