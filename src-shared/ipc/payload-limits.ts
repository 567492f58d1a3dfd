/**
 * How many bytes a payload that carries file content may hold when it crosses from the renderer to
 * main. The limits keep a buggy or compromised page from making main hold (and parse) more than it
 * can; each is sized for the largest real thing of its purpose, with room to spare. The contract
 * applies them, and `dispatch` answers a payload over its limit with `ipc.too-large`, whose
 * sentence says what was too large by the limit's `payload`.
 */
import type { PayloadKind } from '../messages/catalogue'

const MIB = 1024 * 1024

export interface PayloadLimit {
  maxBytes: number
  /** What the payload is, for the refusal's sentence. */
  payload: PayloadKind
}

/** A commune spreadsheet to check and import; the import's own file check uses the same limit. */
export const IMPORT_FILE_LIMIT: PayloadLimit = { maxBytes: 50 * MIB, payload: 'import-file' }

/**
 * A whole-register backup, as UTF-8. A province's register with years of audit lines stays well
 * under it; the Excel worker must still be able to parse a backup this size to check it before
 * main writes it.
 */
export const BACKUP_LIMIT: PayloadLimit = { maxBytes: 256 * MIB, payload: 'backup' }

/** A file the clerk saves: a report, a template, or (the largest) a backup saved to a USB stick. */
export const SAVED_FILE_LIMIT: PayloadLimit = {
  maxBytes: BACKUP_LIMIT.maxBytes,
  payload: 'saved-file',
}

/** The plan report's star chart (PNG), drawn by our own renderer. */
export const CHART_IMAGE_LIMIT: PayloadLimit = { maxBytes: 20 * MIB, payload: 'chart-image' }

/**
 * The council members' filled score workbooks read at once, all files together: a round's .zip of
 * 60 members' workbooks of 300 products on a 30-criterion sheet is about 31 MiB.
 */
export const MEMBER_WORKBOOKS_LIMIT: PayloadLimit = {
  maxBytes: 200 * MIB,
  payload: 'member-workbooks',
}

/**
 * A data package another office sent: a compressed register of 10,000 products with 50,000
 * evaluations is about 8 MiB, so this leaves room for a province's passed-up packages.
 */
export const PACKAGE_FILE_LIMIT: PayloadLimit = { maxBytes: 256 * MIB, payload: 'package-file' }

/** The UTF-8 length of a string, counted without encoding it (a backup can be hundreds of MB). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    // A surrogate pair is one 4-byte character; a lone surrogate becomes U+FFFD (3 bytes).
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4
      i += 1
    } else bytes += 3
  }
  return bytes
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
