/**
 * What reading a table may cost and how it fails: the AppError every reader throws (a catalogue
 * code naming the file, and the sheet when the problem is in one), and the Budget that counts
 * rows, cells and time.
 */
import { AppError, type CatalogueError } from '@shared/errors'
import type { ErrorMessageCode } from '@shared/messages/catalogue'
import type { ReadLimits } from './table-types'

export type ReadTableCode = Extract<ErrorMessageCode, `import.read.${string}`>

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** The error a reader throws; its location is the file, and the sheet when the params name one. */
export function fail(error: CatalogueError<ReadTableCode>, cause: string): AppError {
  const { file } = error.params
  const sheet = 'sheet' in error.params ? error.params.sheet : undefined
  return new AppError({
    ...error,
    cause,
    where: sheet === undefined ? { file } : { file, sheet },
  })
}

export function timeoutError(fileName: string, timeoutMs: number): AppError {
  return fail(
    {
      code: 'import.read.timeout',
      params: { file: fileName, seconds: Math.ceil(timeoutMs / 1000) },
    },
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
      throw this.tooManyCells(sheet, `${what}: ${count}`)
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
        {
          code: 'import.read.too-many-rows',
          params: { file: this.fileName, sheet, maxRows: this.limits.maxRows },
        },
        `more than ${this.limits.maxRows} rows`,
      )
    }
  }

  /** Counts cells as a reader widens a row, before it builds them. */
  addCells(cells: number, sheet: string | undefined): void {
    this.cells += cells
    if (this.cells > this.limits.maxCells) {
      throw this.tooManyCells(sheet, `more than ${this.limits.maxCells} cells`)
    }
  }

  private tooManyCells(sheet: string | undefined, cause: string): AppError {
    return fail(
      {
        code: 'import.read.too-many-cells',
        params: { file: this.fileName, sheet, maxCells: this.limits.maxCells },
      },
      cause,
    )
  }
}
