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

/**
 * An error as it crosses a process boundary: its catalogue code and params, from which each side
 * words it in its own language, and the Vietnamese sentence already worded, for logs and for
 * readers without the catalogue.
 */
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

/** A catalogue code of an error with the params its sentence names; `C` narrows the codes. */
export type CatalogueError<C extends ErrorMessageCode = ErrorMessageCode> = {
  [K in C]: { code: K; params: MessageParams[K] }
}[C]

/** What `new AppError` takes: a catalogue code with its params, and what the log should know. */
type AppErrorInit = CatalogueError & {
  cause?: string
  where?: ErrorLocation
}

// Only AppError.fromData builds an error from data another process worded: the key is not exported.
const RECEIVED = Symbol('received')

/** The one error type our code throws on purpose; anything else is a bug. */
export class AppError extends Error {
  readonly code: string
  readonly params?: Record<string, unknown>
  readonly where?: ErrorLocation
  readonly technicalCause?: string

  constructor(init: AppErrorInit | { [RECEIVED]: AppErrorData }) {
    const data =
      RECEIVED in init
        ? init[RECEIVED]
        : // The catalogue's sentence opens without the location: error sentences name their file.
          { ...init, message: formatMessage({ code: init.code, params: init.params } as Message) }
    super(data.message)
    this.name = 'AppError'
    this.code = data.code
    if (data.params) this.params = data.params
    if (data.where) this.where = data.where
    if (data.cause) this.technicalCause = data.cause
  }

  /** The error another process sent, as it was worded there (its code may be one of a newer build). */
  static fromData(data: AppErrorData): AppError {
    return new AppError({ [RECEIVED]: data })
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
