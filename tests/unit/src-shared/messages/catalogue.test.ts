import { describe, expect, it } from 'vitest'
import { AppError, errorText, toAppErrorData } from '@shared/errors'
import type { Message } from '@shared/messages/catalogue'
import { en } from '@shared/messages/en'
import { formatMessage, isMessageCode } from '@shared/messages/format'
import { vi } from '@shared/messages/vi'

const where = { file: 'xa-di-su.xlsx', sheet: 'Danh sách', row: 14, column: 'G' }

describe('the message catalogue', () => {
  it('words every code in Vietnamese and in English', () => {
    expect(Object.keys(en.messages).sort()).toEqual(Object.keys(vi.messages).sort())
  })

  it('opens a row message with the file, sheet, row and column, in the language asked for', () => {
    const message: Message = {
      code: 'STARS_OUT_OF_RANGE',
      params: { value: '6' },
      where: { ...where, columnLabel: 'Hạng sao' },
    }
    expect(formatMessage(message, 'vi')).toBe(
      'Tệp xa-di-su.xlsx, trang "Danh sách", dòng 14, cột G (Hạng sao): hạng sao 6 không hợp lệ, hạng sao chỉ từ 1 đến 5. Hãy sửa lại theo quyết định công nhận.',
    )
    expect(formatMessage(message, 'en')).toBe(
      'File xa-di-su.xlsx, sheet "Danh sách", row 14, column G (Hạng sao): the star rating 6 is not valid: ratings are 1 to 5 stars. Correct it from the recognition decision.',
    )
  })

  it('writes scores as each language does', () => {
    const message: Message = {
      code: 'STARS_SCORE_MISMATCH',
      params: { score: 72.5, computed: 4, stars: 3 },
      where: { file: 'a.xlsx', sheet: 'S', row: 3 },
    }
    expect(formatMessage(message, 'vi')).toContain('điểm 72,5 tương ứng 4 sao')
    expect(formatMessage(message, 'en')).toContain('a score of 72.5 means 4 stars')
  })

  it('names the units the clerk probably meant, or only what to do when there are none', () => {
    const suggestions = [
      { id: '12118', name: 'Phường Nhân Hòa' },
      { id: '12121', name: 'Phường Dị Sử' },
    ]
    const notFound = (list: typeof suggestions): Message => ({
      code: 'UNKNOWN_COMMUNE',
      params: { reason: 'not-found', value: 'P. Nhân Hoà cũ', suggestions: list },
    })
    expect(formatMessage(notFound(suggestions))).toBe(
      'không tìm thấy "P. Nhân Hoà cũ" trong danh mục xã, phường. Có phải: Phường Nhân Hòa; Phường Dị Sử? Hãy chọn xã, phường đúng hoặc thêm vào danh mục.',
    )
    expect(formatMessage(notFound([]))).toBe(
      'không tìm thấy "P. Nhân Hoà cũ" trong danh mục xã, phường. Hãy chọn xã, phường đúng hoặc thêm vào danh mục.',
    )
  })
})

describe('AppError from the catalogue', () => {
  it('carries the Vietnamese sentence as its message and its params across a boundary', () => {
    const error = new AppError({
      code: 'producer.has-products',
      params: { producer: 'HTX Tương Bần', products: 2 },
      cause: 'producer p-1 owns 2 products',
    })
    expect(error.message).toBe(
      'Chủ thể "HTX Tương Bần" còn 2 sản phẩm nên chưa xóa được. Hãy chuyển các sản phẩm sang chủ thể khác hoặc gộp hai chủ thể, rồi xóa lại. Dữ liệu không bị thay đổi.',
    )
    const data = JSON.parse(JSON.stringify(error.toData())) as ReturnType<AppError['toData']>
    expect(errorText(data, 'en')).toBe(
      'The producer "HTX Tương Bần" still has 2 products, so it cannot be deleted. Move the products to another producer or merge the two producers, then delete again. No data was changed.',
    )
    expect(errorText(AppError.fromData(data).toData(), 'vi')).toBe(error.message)
  })

  it('keeps the message of a code the catalogue does not have, in any language', () => {
    // As a newer build's worker or web host might send it.
    const data = { code: 'backup.encrypted', message: 'Bản sao lưu được đặt mật khẩu.', params: {} }
    expect(isMessageCode(data.code)).toBe(false)
    expect(errorText(data, 'en')).toBe('Bản sao lưu được đặt mật khẩu.')
    expect(AppError.fromData(data)).toMatchObject({ code: data.code, message: data.message })
  })

  it('gives an unexpected failure the generic sentence, worded in the UI language', () => {
    const data = toAppErrorData(new TypeError('x is undefined'))
    expect(data).toMatchObject({ code: 'internal', cause: 'TypeError: x is undefined' })
    expect(data.message).toMatch(/^Đã xảy ra lỗi không mong muốn\. Dữ liệu chưa bị thay đổi\./u)
    expect(errorText(data, 'en')).toMatch(
      /^Something unexpected went wrong\. No data was changed\./u,
    )
  })
})

describe('errors worded from their params', () => {
  it('names the backup a check refused: a file to restore, or content to write', () => {
    const restore = new AppError({
      code: 'backup.checksum-mismatch',
      params: { subject: { file: 'sao-luu.json' } },
    })
    const write = new AppError({
      code: 'backup.invalid-record',
      params: { subject: { writing: 'auto' }, table: 'products', record: 3 },
    })

    expect(restore.message).toBe(
      'Tệp "sao-luu.json" không khớp mã kiểm tra (SHA-256) ghi trong tệp: nội dung đã bị hỏng hoặc bị sửa sau khi sao lưu nên không được dùng. Dữ liệu hiện tại chưa bị thay đổi. Hãy chọn một tệp sao lưu khác (tệp .json do OCOP Desk tạo ra).',
    )
    expect(errorText(restore.toData(), 'en')).toMatch(
      /^The file "sao-luu\.json" does not match the checksum .* Choose another backup file/u,
    )
    expect(write.message).toMatch(
      /^Bản sao lưu tự động hằng ngày: bản ghi thứ 3 của bảng "products" không hợp lệ\. Chưa ghi tệp nào;/u,
    )
    expect(errorText(write.toData(), 'en')).toMatch(
      /^The daily automatic backup: record 3 of the table "products" is not valid\. No file was written;/u,
    )
  })

  it('writes limits and sizes as each language writes numbers', () => {
    const rows = new AppError({
      code: 'import.read.too-many-rows',
      params: { file: 'xa.xlsx', sheet: 'DS', maxRows: 200_000 },
    })
    const size = new AppError({
      code: 'import.file.too-large',
      params: { file: 'xa.xlsx', bytes: 60.5 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 },
    })

    expect(rows.message).toMatch(
      /^Tệp "xa\.xlsx", trang "DS" có quá nhiều dòng \(giới hạn 200\.000 dòng/u,
    )
    expect(errorText(rows.toData(), 'en')).toMatch(
      /^The file "xa\.xlsx", sheet "DS", has too many rows \(the limit is 200,000 rows/u,
    )
    expect(size.message).toContain('(60,5 MB, giới hạn 50 MB)')
    expect(errorText(size.toData(), 'en')).toContain('(60.5 MB, the limit is 50 MB)')
  })

  it('says which Excel job took too long, or Excel work in general for a name it does not know', () => {
    const timedOut = (job: 'backup-check' | null) =>
      new AppError({ code: 'job.timeout', params: { job, seconds: 60 } })

    expect(timedOut('backup-check').message).toMatch(
      /^Việc kiểm tra bản sao lưu quá thời gian \(hơn 60 giây\).* Chưa ghi tệp nào\./u,
    )
    expect(errorText(timedOut('backup-check').toData(), 'en')).toMatch(
      /^Checking the backup took too long \(over 60 seconds\)/u,
    )
    expect(timedOut(null).message).toMatch(/^Việc xử lý Excel quá thời gian/u)
  })
})
