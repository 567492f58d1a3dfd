/** What our command-line programs (the CLI and the web host) share about how they were called. */

/** Exit codes: 0 done, 1 an error while working, 2 the command was typed wrong. */
export const EXIT_OK = 0
export const EXIT_ERROR = 1
export const EXIT_USAGE = 2

/** A mistake in how the command was typed: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs's refusals, in Vietnamese. */
export function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const option = /'([^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `không có tuỳ chọn ${option ? `"${option}"` : 'này'}.`
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const what = option ? `"${option}" ` : ''
    return message.includes('missing')
      ? `tuỳ chọn ${what}cần một giá trị ngay sau nó.`
      : `tuỳ chọn ${what}không nhận giá trị.`
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `không hiểu "${option ?? ''}": lệnh này chỉ nhận các tuỳ chọn bắt đầu bằng --.`
  }
  return `không hiểu các tham số đã ghi (${message}).`
}
