/**
 * A workbook the clerk brings back (a member's filled score workbook, a scoring sheet's definition
 * file): checked by the import's own file check before ExcelJS opens it, so a damaged, locked or
 * re-saved file is named with what to do instead of failing inside the library.
 */
import { createHash } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { WorkbookUnreadable } from '@shared/messages/catalogue'
import { detectFileKind } from '../import/file-kind'

/** Why the bytes are not an .xlsx workbook that can be opened; null when they are one. */
export async function unreadableWorkbook(
  bytes: Uint8Array,
  fileName: string,
): Promise<WorkbookUnreadable | null> {
  try {
    return (await detectFileKind(bytes, fileName)).kind === 'xlsx' ? null : 'other-format'
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    switch (error.code) {
      case 'import.file.empty':
        return 'empty'
      case 'import.file.too-large':
        return 'too-large'
      case 'import.file.encrypted':
        return 'encrypted'
      case 'import.file.unsupported':
      case 'import.file.unknown':
        return 'other-format'
      default:
        return 'corrupt'
    }
  }
}

/** SHA-256 of a file's bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
