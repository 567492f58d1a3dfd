/**
 * Where the rows of a report sheet fall on printed pages. Every row this writer makes has an
 * explicit height, so a spreadsheet program paginates them predictably: a row that does not fit
 * the rest of a page starts the next one, which begins with the repeated header rows when the
 * sheet has them. The writer asks before it commits rows whether a block would straddle a page
 * end, and if so starts a new page before it: a table's title and header with its first row, a
 * group row with the row under it, the closing block with the end of the text.
 */
import { MARGINS_MM, PAGE_MM } from '@shared/documents/lines'
import type { Worksheet } from './workbook'

/** Printable height of an A4 page in points, inside the decree's margins. */
const pageHeightPt = (landscape: boolean): number =>
  (((landscape ? PAGE_MM.width : PAGE_MM.height) - MARGINS_MM.top - MARGINS_MM.bottom) / 25.4) * 72

/** A row without a height of its own prints at the sheet's default height. */
const DEFAULT_ROW_PT = 15

export class PageFlow {
  private readonly page: number
  /** Height used on the current page by the rows counted so far. */
  private used = 0
  /** The first row not counted yet. */
  private next = 1
  /** The rows repeated at the top of every page after them: their last row and height. */
  private titles: { last: number; height: number } | null = null

  constructor(
    private readonly sheet: Worksheet,
    landscape: boolean,
  ) {
    this.page = pageHeightPt(landscape)
  }

  private height(row: number): number {
    return this.sheet.getRow(row).height ?? DEFAULT_ROW_PT
  }

  /** The height a new page starting at `row` begins with: the repeated rows, if above it. */
  private top(row: number): number {
    return this.titles !== null && row > this.titles.last ? this.titles.height : 0
  }

  /** Counts the rows before `row`; call it before those rows are committed. */
  countTo(row: number): void {
    const breaks = new Set(
      (this.sheet as { rowBreaks?: { id: number }[] }).rowBreaks?.map((b) => b.id),
    )
    for (; this.next < row; this.next++) {
      const height = this.height(this.next)
      const pageEnds = breaks.has(this.next - 1) || this.used + height > this.page
      if (this.used > this.top(this.next) && pageEnds) this.used = this.top(this.next)
      this.used += height
    }
  }

  /** Rows `first`..`last` repeat at the top of every printed page after them. */
  repeat(first: number, last: number): void {
    let height = 0
    for (let row = first; row <= last; row++) height += this.height(row)
    this.titles = { last, height }
  }

  /**
   * Starts a new page before row `from` when rows `from`..`to - 1`, already written and not yet
   * committed, would straddle a page end but fit on a page of their own.
   */
  keepTogether(from: number, to: number): void {
    this.countTo(from)
    let block = 0
    for (let row = from; row < to; row++) block += this.height(row)
    const top = this.top(from)
    if (from > 1 && this.used > top && this.used + block > this.page && top + block <= this.page) {
      this.sheet.getRow(from - 1).addPageBreak()
      this.used = top
    }
  }
}
