/**
 * What reading a table may cost and how it fails: the Vietnamese messages naming the file (and
 * sheet), the AppError every reader throws, and the Budget that counts rows, cells and time.
 */
import { AppError } from '@shared/errors'
import type { ReadLimits } from './table-types'

export type ReadTableCode =
  | 'import.read.too-many-rows'
  | 'import.read.too-many-cells'
  | 'import.read.timeout'
  | 'import.read.no-sheets'
  | 'import.read.csv-quotes'
  | 'import.read.failed'

function formatCount(n: number): string {
  return n.toLocaleString('vi-VN')
}

function where(fileName: string, sheet?: string): string {
  return sheet === undefined ? `Tệp "${fileName}"` : `Tệp "${fileName}", trang "${sheet}"`
}

export const messages = {
  tooManyRows: (file: string, sheet: string | undefined, limit: number) =>
    `${where(file, sheet)} có quá nhiều dòng (giới hạn ${formatCount(limit)} dòng cho một tệp) ` +
    `nên phần mềm không nhập. Hãy xóa các dòng, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
  tooManyCells: (file: string, sheet: string | undefined, limit: number) =>
    `${where(file, sheet)} có quá nhiều ô dữ liệu (giới hạn ${formatCount(limit)} ô cho một tệp) ` +
    `nên phần mềm không nhập. Hãy xóa các cột, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
  timeout: (file: string, seconds: number) =>
    `${where(file)} đọc quá lâu (quá ${seconds} giây) nên phần mềm đã dừng. Hãy mở tệp bằng Excel, ` +
    `xóa các trang tính không cần, lưu lại dưới dạng .xlsx rồi nhập lại.`,
  noSheets: (file: string) =>
    `${where(file)} không có trang tính nào để đọc. Đề nghị xã, phường kiểm tra và gửi lại tệp.`,
  csvQuotes: (file: string) =>
    `${where(file)} (CSV) có dấu ngoặc kép (") bị thiếu nên các dòng bị dính vào nhau. Hãy mở tệp ` +
    `bằng Excel, kiểm tra lại, lưu dưới dạng .xlsx rồi nhập lại.`,
  failed: (file: string, sheet?: string) =>
    `${where(file, sheet)} không đọc được, có thể tệp bị hỏng. Hãy mở tệp bằng Excel, lưu lại ` +
    `dưới dạng .xlsx rồi nhập lại; nếu vẫn lỗi, đề nghị xã, phường gửi lại tệp.`,
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

export function fail(
  code: ReadTableCode,
  fileName: string,
  message: string,
  cause: string,
  sheet?: string,
): AppError {
  return new AppError({
    code,
    message,
    cause,
    where: sheet === undefined ? { file: fileName } : { file: fileName, sheet },
  })
}

export function timeoutError(fileName: string, timeoutMs: number): AppError {
  return fail(
    'import.read.timeout',
    fileName,
    messages.timeout(fileName, Math.ceil(timeoutMs / 1000)),
    `reading took longer than ${timeoutMs} ms`,
  )
}

/**
 * Counts rows and cells against the limits while a reader fills a file, and watches the clock:
 * the readers parse synchronously, so a timer alone could not stop them.
 */
export class Budget {
  private rows = 0
  private cells = 0
  constructor(
    private readonly limits: ReadLimits,
    private readonly fileName: string,
    private readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}

  get maxCells(): number {
    return this.limits.maxCells
  }

  /** Throws the timeout error once the deadline has passed. */
  tick(): void {
    if (Date.now() > this.deadline) throw timeoutError(this.fileName, this.timeoutMs)
  }

  /**
   * Refuses what would stand for more cells than a whole file may hold: merged ranges covering
   * `count` cells, a shared-strings table of `count` items.
   */
  checkWithinCells(count: number, sheet: string | undefined, what: string): void {
    if (count > this.limits.maxCells) {
      throw fail(
        'import.read.too-many-cells',
        this.fileName,
        messages.tooManyCells(this.fileName, sheet, this.limits.maxCells),
        `${what}: ${count}`,
        sheet,
      )
    }
  }

  /** Counts one row of `cells` cells (up to its last non-empty cell). */
  take(cells: number, sheet: string | undefined): void {
    this.addRow(sheet)
    this.addCells(cells, sheet)
  }

  /** Counts a row as a reader meets it, before its cells are built. */
  addRow(sheet: string | undefined): void {
    this.rows += 1
    if ((this.rows & 1023) === 0) this.tick()
    if (this.rows > this.limits.maxRows) {
      throw fail(
        'import.read.too-many-rows',
        this.fileName,
        messages.tooManyRows(this.fileName, sheet, this.limits.maxRows),
        `more than ${this.limits.maxRows} rows`,
        sheet,
      )
    }
  }

  /** Counts cells as a reader widens a row, before it builds them. */
  addCells(cells: number, sheet: string | undefined): void {
    this.cells += cells
    if (this.cells > this.limits.maxCells) {
      throw fail(
        'import.read.too-many-cells',
        this.fileName,
        messages.tooManyCells(this.fileName, sheet, this.limits.maxCells),
        `more than ${this.limits.maxCells} cells`,
        sheet,
      )
    }
  }
}
