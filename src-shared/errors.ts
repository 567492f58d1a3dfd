import type { ErrorMessageCode, Locale, Message, MessageParams } from './messages/catalogue'
import { formatMessage, isMessageCode } from './messages/format'

/** Where in a file a problem was found, so a clerk can go and look. */
export interface ErrorLocation {
  file?: string
  sheet?: string
  row?: number
  column?: string
  /** The header's label of that column, as the file writes it. */
  columnLabel?: string
}

/** An error as it crosses a process boundary: a Vietnamese message for the clerk, a cause for logs. */
export interface AppErrorData {
  /** Stable machine-readable code, e.g. `backup.empty`, `ipc.invalid-payload`. */
  code: string
  /** A Vietnamese sentence: what happened, where, and what to do next. */
  message: string
  /** The values the catalogue's sentence for `code` names, so the UI can word it in its language. */
  params?: Record<string, unknown>
  /** Technical cause for the log; never shown alone to a clerk. */
  cause?: string
  where?: ErrorLocation
}

/** A catalogue code with its params; the error's message is the catalogue's Vietnamese sentence. */
type CatalogueError = {
  [C in ErrorMessageCode]: { code: C; params: MessageParams[C] }
}[ErrorMessageCode]

/**
 * What `new AppError` takes: a catalogue code with its params, or a code with its own
 * Vietnamese message where the catalogue has no sentence for it yet.
 */
type AppErrorInit = (CatalogueError | Omit<AppErrorData, 'cause' | 'where'>) & {
  cause?: string
  where?: ErrorLocation
}

/** The one error type our code throws on purpose; anything else is a bug. */
export class AppError extends Error {
  readonly code: string
  readonly params?: Record<string, unknown>
  readonly where?: ErrorLocation
  readonly technicalCause?: string

  constructor(init: AppErrorInit) {
    // The catalogue's sentence opens without the location: error sentences name their file.
    super(
      'message' in init
        ? init.message
        : formatMessage({ code: init.code, params: init.params } as Message),
    )
    this.name = 'AppError'
    this.code = init.code
    if (init.params) this.params = init.params
    if (init.where) this.where = init.where
    if (init.cause) this.technicalCause = init.cause
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message }
    if (this.params) data.params = this.params
    if (this.technicalCause) data.cause = this.technicalCause
    if (this.where) data.where = this.where
    return data
  }
}

/** Turns anything thrown into error data; unknown errors get a generic Vietnamese message. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData()
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new AppError({ code: 'internal', params: {}, cause }).toData()
}

/**
 * An error's sentence in `locale`: the catalogue's when it has the code and the error carries
 * its params, else the Vietnamese message the error came with.
 */
export function errorText(error: AppErrorData, locale: Locale): string {
  if (error.params === undefined || !isMessageCode(error.code)) return error.message
  return formatMessage({ code: error.code, params: error.params } as Message, locale)
}
