/**
 * The parts of a Nghị định 30 document around its sections: the sheet's column grid and its two
 * halves, the two-column header block (issuer on the left, national name and motto on the right)
 * with the title under it, an annex's own heading, and the closing block ("Nơi nhận" beside the
 * signature).
 */
import { fitTable, lineWidthMm } from '@shared/documents/fit'
import {
  DECIDES,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  RECIPIENTS_LABEL,
  SAMPLE_MARK,
  SIZES,
  addresseeLines,
  annexLabel,
  annexReference,
  letterSubjectLine,
  numberLineOf,
  placeDateLine,
  recipientLines,
} from '@shared/documents/lines'
import type { DocSection, DocTable, OfficialDocument } from '@shared/documents/model'
import { font, lineCount, mmToWidth, put, rowHeight, textRow, widthOf } from './report-xlsx-style'
import type { Alignment, Font, Worksheet } from './workbook'
/**
 * The rules under the office name, the motto and the title: em dashes, which join into one line in
 * Times New Roman (and in Liberation Serif, its stand-in), on a low row of their own. A border
 * cannot be used: it would span whole columns, and the rule must be shorter than the text above.
 * Underscores were tried: they sit below the baseline and a low row cuts them off.
 */
export const SHORT_RULE = '—'.repeat(5)
export const MOTTO_RULE = '—'.repeat(13)
const RULE_HEIGHT = 8
/** How the sample mark is written: bold, in dark red. */
const SAMPLE_STYLE = { bold: true, color: { argb: 'FFC00000' } }
/**
 * How far short of its longest word (with the fit's padding) a column may fall and still print it
 * unbroken: the padding holds that much.
 */
const WORD_SLACK_MM = 1
/** Blank rows left for the signature and the seal. */
export const SIGNATURE_SPACE = 4

/** The sheet columns (1-based, inclusive) one table column takes. */
export interface Span {
  from: number
  to: number
}

/** The sheet columns of a table's column `index` (0-based): its own one when none were laid out. */
export const spanAt = (spans: readonly Span[], index: number): Span =>
  spans[index] ?? { from: index + 1, to: index + 1 }

/** Column widths of the sheet and where its left half (header block, "Nơi nhận") ends. */
export interface Grid {
  widths: number[]
  /** Last column (1-based) of the left half. */
  split: number
  /** The sheet columns each table's columns take, by table. */
  spans: ReadonlyMap<DocTable, readonly Span[]>
}

/**
 * The sheet's columns. The tables with the most columns set them: each table's widths chosen from
 * its content and the paper (shared fit rules), the widest at each position, squeezed back to the
 * line when together they overrun it (each column keeping its longest word whole), so the sheet
 * prints at 100 % and only wraps more. A table with fewer columns lays each of its columns over
 * neighbouring sheet columns, as close to its own widths as the grid allows (a short list under a
 * wide table keeps its dates on one line). A sheet without a table shares the line between the
 * header block's two halves.
 */
export function gridOf(sections: readonly DocSection[], landscape: boolean): Grid {
  const line = lineWidthMm(landscape)
  const fitted = sections.flatMap((section) => {
    if (!section.table) return []
    const fit = fitTable(section.table, { landscape })
    return [{ table: section.table, mm: fit.widthsMm, min: fit.minMm }]
  })
  const most = Math.max(0, ...fitted.map((t) => t.mm.length))
  let mm: number[] = []
  // What each sheet column must keep for the longest word of any table over it.
  const least: number[] = []
  for (const { mm: widths, min } of fitted) {
    if (widths.length < most) continue
    widths.forEach((width, index) => {
      mm[index] = Math.max(mm[index] ?? 0, width)
      least[index] = Math.max(least[index] ?? 0, Math.min(min[index] ?? 0, width))
    })
  }
  // A sheet without a table still needs two halves for the header block and the signature.
  if (mm.length < 2) mm.splice(0, mm.length, line * 0.42, line * 0.58)
  // Tables that each fit the line can overrun it together: only the room above the columns'
  // least widths shrinks, so no date or number breaks (unless even those overrun the line).
  const total = mm.reduce((sum, width) => sum + width, 0)
  if (total > line) {
    const floor = least.reduce((sum, width) => sum + width, 0)
    const base = floor < line ? least : mm.map(() => 0)
    const baseTotal = base.reduce((sum, width) => sum + width, 0)
    const shrink = (line - baseTotal) / (total - baseTotal)
    mm = mm.map((width, index) => base[index]! + (width - base[index]!) * shrink)
  }
  const spans = new Map<DocTable, readonly Span[]>()
  for (const { table, mm: widths, min } of fitted) {
    spans.set(
      table,
      widths.length === most
        ? widths.map((_, index) => ({ from: index + 1, to: index + 1 }))
        : layOver(
            widths.map((wanted, index) => ({ wanted, min: min[index] ?? 0 })),
            mm,
          ),
    )
  }
  const widths = mm.map((width) => mmToWidth(width))
  const sum = widths.reduce((a, b) => a + b, 0)
  // The left column of an official header is a little narrower than the right one.
  let split = 1
  let left = widths[0] ?? 0
  while (split < widths.length - 1 && left + (widths[split] ?? 0) / 2 < sum * 0.42) {
    left += widths[split] ?? 0
    split += 1
  }
  return { widths, split, spans }
}

/**
 * Lays a table's columns (their fitted and least widths, mm) over the `grid`'s (mm, at least as
 * many) in order, each over one run of neighbouring grid columns. A run too narrow for its
 * column's longest word costs most (the word would break), then the share of its width missed
 * either way.
 */
function layOver(
  columns: readonly { wanted: number; min: number }[],
  grid: readonly number[],
): Span[] {
  const k = columns.length
  const n = grid.length
  const start = [0]
  for (const width of grid) start.push((start[start.length - 1] ?? 0) + width)
  const runMm = (from: number, to: number) => (start[to] ?? 0) - (start[from] ?? 0)
  const cost = ({ wanted, min }: { wanted: number; min: number }, got: number) =>
    100 * Math.max(0, min - WORD_SLACK_MM - got) ** 2 +
    (10 * Math.abs(wanted - got)) / Math.max(wanted, 1)
  // best[j][i]: the least cost of the first j columns over the first i grid columns.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity))
  const from = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0))
  best[0]![0] = 0
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n - (k - j); i++) {
      for (let h = j - 1; h < i; h++) {
        const total = best[j - 1]![h]! + cost(columns[j - 1]!, runMm(h, i))
        if (total < best[j]![i]!) {
          best[j]![i] = total
          from[j]![i] = h
        }
      }
    }
  }
  const spans: Span[] = []
  for (let j = k, i = n; j > 0; j--) {
    const h = from[j]![i]!
    spans.unshift({ from: h + 1, to: i })
    i = h
  }
  return spans
}

interface Line {
  text: string
  font: Partial<Font>
}
const RULE = Symbol('rule')
type Slot = Line | typeof RULE | null

/** Writes two columns of lines side by side, a row per line; rules get a low row of their own. */
function sideBySide(
  sheet: Worksheet,
  r: number,
  grid: Grid,
  left: Slot[],
  right: Slot[],
  align: { left: Partial<Alignment>; right: Partial<Alignment> },
): number {
  const leftCols = [1, grid.split] as const
  const rightCols = [grid.split + 1, grid.widths.length] as const
  const leftWidth = widthOf(sheet, ...leftCols)
  const rightWidth = widthOf(sheet, ...rightCols)
  const rule = { horizontal: 'center', vertical: 'middle' } as const
  const rows = Math.max(left.length, right.length)
  for (let i = 0; i < rows; i++) {
    let height = 0
    let ruleOnly = true
    const sides = [
      [left[i] ?? null, leftCols, leftWidth, align.left],
      [right[i] ?? null, rightCols, rightWidth, align.right],
    ] as const
    for (const [slot, cols, width, alignment] of sides) {
      if (slot === RULE) {
        const size = cols[0] === 1 ? SIZES.issuer : SIZES.motto
        put(
          sheet,
          r + i,
          cols[0],
          cols[1],
          cols[0] === 1 ? SHORT_RULE : MOTTO_RULE,
          font(size, { bold: true }),
          rule,
        )
      } else if (slot !== null) {
        put(sheet, r + i, cols[0], cols[1], slot.text, slot.font, alignment)
        if (slot.text !== '') ruleOnly = false
        const size = slot.font.size ?? SIZES.body
        const lines = lineCount(slot.text, width, size, slot.font.bold === true)
        height = Math.max(height, rowHeight(lines, size))
      }
    }
    sheet.getRow(r + i).height = ruleOnly && height === 0 ? RULE_HEIGHT : Math.max(height, 16)
  }
  return r + rows
}

const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const
const TOP_LEFT = { horizontal: 'left', vertical: 'top', wrapText: true } as const
const TOP_CENTER = { horizontal: 'center', vertical: 'top', wrapText: true } as const

/** The header block, the sample mark, the title and what comes before the body; the next row. */
export function headerBlock(sheet: Worksheet, doc: OfficialDocument, grid: Grid): number {
  const last = grid.widths.length
  const issuer: Line[] = [
    ...(doc.issuer.parent ? [{ text: doc.issuer.parent, font: font(SIZES.parent) }] : []),
    ...doc.issuer.name.map((text) => ({ text, font: font(SIZES.issuer, { bold: true }) })),
  ]
  const national: Line[] = [
    { text: NATIONAL_NAME, font: font(SIZES.nationalName, { bold: true }) },
    { text: NATIONAL_MOTTO, font: font(SIZES.motto, { bold: true }) },
  ]
  // "Số" and the date share the row under both rules.
  const top = Math.max(issuer.length, national.length)
  const left: Slot[] = [...issuer, RULE]
  const right: Slot[] = [...national, RULE]
  while (left.length < top + 1) left.push(null)
  while (right.length < top + 1) right.push(null)
  left.push({ text: numberLineOf(doc), font: font(SIZES.number) })
  right.push(
    doc.signedOn
      ? {
          text: placeDateLine(doc.issuer.place, doc.signedOn),
          font: font(SIZES.placeDate, { italic: true }),
        }
      : null,
  )
  const letterSubject = letterSubjectLine(doc)
  if (letterSubject) {
    left.push({ text: letterSubject, font: font(SIZES.letterSubject) })
    right.push(null)
  }
  let r = sideBySide(sheet, 1, grid, left, right, { left: CENTER, right: CENTER })
  // The row between the header block and the title, otherwise blank, says a sample is no report.
  if (doc.sample) put(sheet, r, 1, last, SAMPLE_MARK, font(13, SAMPLE_STYLE), CENTER)
  r += 1

  const bold = font(SIZES.title, { bold: true })
  // A letter has no title: its subject is under its number.
  if (letterSubject === null) {
    r = textRow(sheet, r, 1, last, doc.title.type, bold, 'center')
    if (doc.title.subject) r = textRow(sheet, r, 1, last, doc.title.subject, bold, 'center')
    if (doc.title.subtitle) {
      const italic = font(SIZES.placeDate, { italic: true })
      r = textRow(sheet, r, 1, last, doc.title.subtitle, italic, 'center')
    }
    put(sheet, r, 1, last, SHORT_RULE, bold, { horizontal: 'center' })
    sheet.getRow(r).height = RULE_HEIGHT
    r += 1
  }
  r += 1
  for (const line of addresseeLines(doc.recipients?.addressees ?? [])) {
    r = textRow(sheet, r, 1, last, line, font(SIZES.body), 'center')
  }
  if (doc.decision) {
    r = textRow(sheet, r, 1, last, doc.decision.authority, bold, 'center')
    for (const basis of doc.decision.bases) {
      r = textRow(sheet, r, 1, last, basis, font(SIZES.body, { italic: true }), 'justify')
    }
    r = textRow(sheet, r, 1, last, DECIDES, bold, 'center')
  }
  return r
}

/** An annex's own heading: "Phụ lục", its title, the reference to its document, its subtitle. */
export function annexHeading(
  sheet: Worksheet,
  doc: OfficialDocument,
  index: number,
  grid: Grid,
): number {
  const annex = doc.annexes[index]
  const last = grid.widths.length
  let r = 1
  if (doc.sample) r = textRow(sheet, r, 1, last, SAMPLE_MARK, font(13, SAMPLE_STYLE), 'center')
  r = textRow(
    sheet,
    r,
    1,
    last,
    annexLabel(doc, index),
    font(SIZES.annexLabel, { bold: true }),
    'center',
  )
  if (annex)
    r = textRow(sheet, r, 1, last, annex.title, font(SIZES.annexTitle, { bold: true }), 'center')
  const italic = font(SIZES.placeDate, { italic: true })
  r = textRow(sheet, r, 1, last, annexReference(doc), italic, 'center')
  if (annex?.subtitle) r = textRow(sheet, r, 1, last, annex.subtitle, italic, 'center')
  return r + 1
}

function signerLines(signer: OfficialDocument['signers'][number] | undefined): Line[] {
  if (!signer) return []
  const bold = font(SIZES.signer, { bold: true })
  return [
    ...signer.lines.map((text) => ({ text, font: bold })),
    ...Array.from({ length: SIGNATURE_SPACE }, () => ({ text: '', font: font(SIZES.signer) })),
    { text: signer.name, font: bold },
  ]
}

/**
 * "Nơi nhận" on the left and the signature block on the right, on the same rows; two signers
 * (minutes) side by side, with any recipients under them. Returns the row after it.
 */
export function closingBlock(
  sheet: Worksheet,
  r: number,
  doc: OfficialDocument,
  grid: Grid,
): number {
  const recipients: Line[] = doc.recipients
    ? [
        { text: RECIPIENTS_LABEL, font: font(SIZES.recipientsLabel, { bold: true, italic: true }) },
        ...recipientLines(doc.recipients).map((text) => ({ text, font: font(SIZES.recipients) })),
      ]
    : []
  const [first, second] = doc.signers
  let next: number
  if (second) {
    next = sideBySide(sheet, r, grid, signerLines(first), signerLines(second), {
      left: TOP_CENTER,
      right: TOP_CENTER,
    })
    if (recipients.length > 0)
      next = sideBySide(sheet, next + 1, grid, recipients, [], {
        left: TOP_LEFT,
        right: TOP_CENTER,
      })
  } else {
    next = sideBySide(sheet, r, grid, recipients, signerLines(first), {
      left: TOP_LEFT,
      right: TOP_CENTER,
    })
  }
  return next
}
