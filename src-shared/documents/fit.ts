/**
 * Fitting a table to the paper without shrinking its text below a readable size: column widths are
 * chosen from the content — every column at least as wide as its longest word (a whole value for
 * columns that must not break, such as "3056/QĐ-UBND"), the rest shared out towards each column's
 * longest line — and a table that cannot fit a portrait page goes landscape. All three outputs use
 * these widths, so they break lines in the same places.
 *
 * Widths are estimated from Times New Roman's advance widths by character class (em fractions
 * measured on the font): good to a few per cent on Vietnamese text, and the cell padding absorbs
 * the rest.
 */
import { MARGINS_MM, PAGE_MM, SIZES } from './lines'
import type { DocTable } from './model'

const MM_PER_PT = 25.4 / 72
/** Left + right padding of a cell, and its borders. */
export const CELL_PADDING_MM = 2.4
/** A column never narrower than this (STT with two digits). */
const MIN_COLUMN_MM = 8
/** A column's wanted width stops growing here: longer text wraps. */
const MAX_WANTED_MM = 70
/**
 * A table whose lines want more than this share of a portrait line goes landscape even though
 * its longest words would fit: most of its cells would otherwise wrap into tall rows.
 */
const CROWDED = 1.3

/** The width of the text area of a page (mm). */
export function lineWidthMm(landscape: boolean): number {
  const width = landscape ? PAGE_MM.height : PAGE_MM.width
  return width - MARGINS_MM.left - MARGINS_MM.right
}

// Advance widths in em of Times New Roman by class; accents do not change a letter's width.
// Remembered per character: a 10,000-row list measures millions of characters from a few hundred.
const emOf = new Map<string, number>()
function charEm(ch: string, bold: boolean): number {
  let em = emOf.get(ch)
  if (em === undefined) {
    em = classEm(ch.normalize('NFD').charAt(0))
    emOf.set(ch, em)
  }
  return bold ? em * 1.06 : em
}

function classEm(base: string): number {
  let em: number
  if (base === ' ') em = 0.25
  else if (/[0-9]/.test(base)) em = 0.5
  else if (/[ilj.,;:!'|()[\]/-]/.test(base)) em = 0.3
  else if (/[mwMW]/.test(base)) em = 0.85
  else if (/[A-ZĐ]/.test(base)) em = 0.7
  else em = 0.48
  return em
}

/** Estimated printed width of `text` (mm) at `sizePt`. */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  let em = 0
  for (const ch of text) em += charEm(ch, bold)
  return em * sizePt * MM_PER_PT
}

interface Need {
  /** Longest unbreakable piece (mm, without padding). */
  min: number
  /** The column's values never break (no-break text, numbers): it keeps its minimum always. */
  keepWhole: boolean
  /** Longest whole line (mm, without padding), capped at MAX_WANTED_MM. */
  wanted: number
}

function needsOf(table: DocTable, sizePt: number): Need[] {
  const needs: Need[] = table.columns.map((column) => {
    const words = column.title.split(/\s+/)
    const min = Math.max(...words.map((w) => textWidthMm(w, sizePt, true)))
    return {
      min,
      keepWhole: column.noBreak === true,
      wanted: Math.min(MAX_WANTED_MM, textWidthMm(column.title, sizePt, true) / 2),
    }
  })
  // A value seen before in a column measures the same: lists repeat types, units and dates.
  const seen = table.columns.map(() => new Set<string>())
  for (const row of table.rows) {
    if (row.kind === 'group') continue
    row.cells.forEach((cell, c) => {
      const need = needs[c]
      const column = table.columns[c]
      if (!need || !column || cell === null) return
      const bold = row.kind !== 'data'
      // A number's digits are as wide as its printed form ("91,5"): no formatting needed.
      const text = typeof cell === 'number' ? String(cell) : cell
      const key = bold ? `\u0001${text}` : text
      const known = seen[c] as Set<string>
      if (known.has(key)) return
      known.add(key)
      // A cell of several lines is as wide as its longest line.
      const whole = text.includes('\n')
        ? Math.max(...text.split('\n').map((line) => textWidthMm(line, sizePt, bold)))
        : textWidthMm(text, sizePt, bold)
      if (whole > need.wanted) need.wanted = Math.min(MAX_WANTED_MM, whole)
      if (column.noBreak || typeof cell === 'number') {
        if (typeof cell === 'number') need.keepWhole = true
        if (whole > need.min) need.min = whole
      } else if (whole > need.min) {
        // Lines break between words and after a hyphen ("GCN-2020-" / "TUONG-BAN").
        for (const word of text.split(/\s+|(?<=-)/)) {
          const w = textWidthMm(word, sizePt, bold)
          if (w > need.min) need.min = w
        }
      }
    })
  }
  return needs
}

export interface TableFit {
  /** Column widths in mm, summing to the line width (or less, when the table is narrow). */
  widthsMm: number[]
  /** The least width of each column (mm) that holds its longest word or figure unbroken. */
  minMm: number[]
  landscape: boolean
  /** True when even landscape cannot hold every column's longest word: text will break inside. */
  overflows: boolean
}

/** Each column's least width (mm): its longest unbroken piece and the padding. */
const minima = (needs: Need[]): number[] =>
  needs.map((n) => Math.max(MIN_COLUMN_MM, n.min + CELL_PADDING_MM))

/** Widths that fit `available` mm, or null when the columns' minimums do not. */
function share(needs: Need[], available: number): number[] | null {
  const min = minima(needs)
  const wanted = needs.map((n, i) => Math.max(min[i] ?? 0, n.wanted + CELL_PADDING_MM))
  const minTotal = min.reduce((a, b) => a + b, 0)
  if (minTotal > available + 0.01) return null
  const wantedTotal = wanted.reduce((a, b) => a + b, 0)
  if (wantedTotal <= available) {
    // Everything fits on one line: spread the spare room in proportion, as a full-width table.
    const scale = available / wantedTotal
    return wanted.map((w) => w * scale)
  }
  const spare = available - minTotal
  const growth = wanted.reduce((sum, w, i) => sum + (w - (min[i] ?? 0)), 0)
  return min.map((m, i) => m + (growth === 0 ? 0 : (spare * ((wanted[i] ?? m) - m)) / growth))
}

/**
 * Column widths for `table`. Without `landscape`, it chooses: portrait when its columns fit there
 * without crowding, else landscape. With it (a page already set), it fills that page's line, and
 * on a portrait page lets the longest words break when they cannot fit.
 */
export function fitTable(
  table: DocTable,
  options: { sizePt?: number; landscape?: boolean } = {},
): TableFit {
  const needs = needsOf(table, options.sizePt ?? SIZES.table)
  if (options.landscape !== undefined) return onPage(needs, options.landscape)
  const wanted = needs.reduce(
    (sum, n) => sum + Math.max(MIN_COLUMN_MM, n.wanted + CELL_PADDING_MM),
    0,
  )
  const portrait = wanted > lineWidthMm(false) * CROWDED ? null : share(needs, lineWidthMm(false))
  if (portrait) {
    return { widthsMm: portrait, minMm: minima(needs), landscape: false, overflows: false }
  }
  return onPage(needs, true)
}

function onPage(needs: Need[], landscape: boolean): TableFit {
  const min = minima(needs)
  const widths = share(needs, lineWidthMm(landscape))
  if (widths) return { widthsMm: widths, minMm: min, landscape, overflows: false }
  // Nothing fits whole: values that must not break (decision numbers, figures) keep their width,
  // the other columns share what is left by their longest words, which will break.
  const kept = needs.map((n) => n.keepWhole)
  const keptTotal = min.reduce((sum, m, i) => sum + (kept[i] ? m : 0), 0)
  const rest = Math.max(0, lineWidthMm(landscape) - keptTotal)
  const restMin = min.reduce((sum, m, i) => sum + (kept[i] ? 0 : m), 0)
  return {
    widthsMm: min.map((m, i) => (kept[i] ? m : restMin === 0 ? 0 : (m * rest) / restMin)),
    minMm: min,
    landscape,
    overflows: true,
  }
}

/** Landscape when any table of the sections needs it. */
export function needsLandscape(sections: readonly { table?: DocTable }[]): boolean {
  return sections.some((s) => s.table !== undefined && fitTable(s.table).landscape)
}
