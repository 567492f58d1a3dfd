/**
 * How many bytes a payload that carries file content may hold when it crosses from the renderer to
 * main. The limits keep a buggy or compromised page from making main hold (and parse) more than it
 * can; each is sized for the largest real thing of its purpose, with room to spare. The contract
 * applies them, and `dispatch` answers a payload over its limit with the `tooLarge` message.
 */

export const MIB = 1024 * 1024

export interface PayloadLimit {
  maxBytes: number
  /** Vietnamese: what was too large and what the clerk can do about it. */
  tooLarge: string
}

function megabytes(bytes: number): string {
  return String(bytes / MIB)
}

const IMPORT_FILE_MAX_BYTES = 50 * MIB
const BACKUP_MAX_BYTES = 256 * MIB
const CHART_IMAGE_MAX_BYTES = 20 * MIB

/** A commune spreadsheet to check and import; the import's own file check uses the same limit. */
export const IMPORT_FILE_LIMIT: PayloadLimit = {
  maxBytes: IMPORT_FILE_MAX_BYTES,
  tooLarge: `Tệp cần nhập lớn hơn ${megabytes(IMPORT_FILE_MAX_BYTES)} MB nên không được đọc. Hãy xóa các trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại. Dữ liệu không bị thay đổi.`,
}

/**
 * A whole-register backup, as UTF-8. A province's register with years of audit lines stays well
 * under it; main must still be able to parse a backup this size to check it before writing.
 */
export const BACKUP_LIMIT: PayloadLimit = {
  maxBytes: BACKUP_MAX_BYTES,
  tooLarge: `Bản sao lưu lớn hơn ${megabytes(BACKUP_MAX_BYTES)} MB nên không được ghi. Dữ liệu trong ứng dụng vẫn nguyên vẹn. Hãy gửi nhật ký cho bộ phận kỹ thuật để được hỗ trợ.`,
}

/** A file the clerk saves: a report, a template, or (the largest) a backup saved to a USB stick. */
export const SAVED_FILE_LIMIT: PayloadLimit = {
  maxBytes: BACKUP_MAX_BYTES,
  tooLarge: `Tệp cần lưu lớn hơn ${megabytes(BACKUP_MAX_BYTES)} MB nên không được lưu. Dữ liệu trong ứng dụng vẫn nguyên vẹn. Hãy gửi nhật ký cho bộ phận kỹ thuật để được hỗ trợ.`,
}

/** The plan report's star chart (PNG), drawn by our own renderer. */
export const CHART_IMAGE_LIMIT: PayloadLimit = {
  maxBytes: CHART_IMAGE_MAX_BYTES,
  tooLarge: `Hình biểu đồ lớn hơn ${megabytes(CHART_IMAGE_MAX_BYTES)} MB nên báo cáo không được tạo. Hãy thu nhỏ cửa sổ rồi xuất lại báo cáo.`,
}

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
