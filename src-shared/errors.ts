/** Where in a file a problem was found, so a clerk can go and look. */
export interface ErrorLocation {
  file?: string
  sheet?: string
  row?: number
  column?: string
}

/** An error as it crosses a process boundary: a Vietnamese message for the clerk, a cause for logs. */
export interface AppErrorData {
  /** Stable machine-readable code, e.g. `backup.empty`, `ipc.invalid-payload`. */
  code: string
  /** A Vietnamese sentence: what happened, where, and what to do next. */
  message: string
  /** Technical cause for the log; never shown alone to a clerk. */
  cause?: string
  where?: ErrorLocation
}

/** The one error type our code throws on purpose; anything else is a bug. */
export class AppError extends Error {
  readonly code: string
  readonly where?: ErrorLocation
  readonly technicalCause?: string

  constructor(data: AppErrorData) {
    super(data.message)
    this.name = 'AppError'
    this.code = data.code
    if (data.where) this.where = data.where
    if (data.cause) this.technicalCause = data.cause
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message }
    if (this.technicalCause) data.cause = this.technicalCause
    if (this.where) data.where = this.where
    return data
  }
}

/** Turns anything thrown into error data; unknown errors get a generic Vietnamese message. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData()
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return {
    code: 'internal',
    message:
      'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
    cause,
  }
}
