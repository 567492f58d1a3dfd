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
    expect(errorText(new AppError(data).toData(), 'vi')).toBe(error.message)
  })

  it('keeps the message of a code the catalogue does not have, in any language', () => {
    const data = { code: 'backup.empty', message: 'Tệp sao lưu rỗng.' }
    expect(isMessageCode(data.code)).toBe(false)
    expect(errorText(data, 'en')).toBe('Tệp sao lưu rỗng.')
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
