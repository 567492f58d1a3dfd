import { describe, expect, it, vi } from 'vitest'
import {
  BACKUP_LIMIT,
  CHART_IMAGE_LIMIT,
  IMPORT_FILE_LIMIT,
  SAVED_FILE_LIMIT,
  utf8ByteLength,
  type PayloadLimit,
} from '@shared/ipc/payload-limits'
import { formatMessage } from '@shared/messages/format'
import { dispatch, type Handlers } from '../../../../src-main/ipc/dispatch'

/** The refusal's sentence for a payload over `limit`, in `locale`. */
const tooLarge = ({ payload, maxBytes }: PayloadLimit, locale: 'vi' | 'en' = 'vi') =>
  formatMessage({ code: 'ipc.too-large', params: { payload, maxBytes } }, locale)

const answered = { saved: true }
function handlers() {
  return {
    'file.save': vi.fn(async () => answered),
    'import.check': vi.fn(async () => ({})),
    'backup.writeManual': vi.fn(async () => ({})),
    'report.writeXlsx': vi.fn(async () => ({})),
    'report.writeDocx': vi.fn(async () => ({})),
  } as unknown as Partial<Handlers> & Record<string, ReturnType<typeof vi.fn>>
}

const importRequest = (bytes: Uint8Array) => ({
  jobId: 'nhap-1',
  fileName: 'xa-nhan-hoa.xlsx',
  bytes,
  units: [],
  criteriaSets: [],
})
const saveRequest = (bytes: Uint8Array) => ({
  title: 'Lưu báo cáo',
  suggestedName: 'bao-cao.xlsx',
  filters: [],
  bytes,
})

describe('payload size limits', () => {
  it('counts UTF-8 bytes the way an encoder does, Vietnamese and emoji included', () => {
    for (const text of ['', 'abc', 'Nhân Hòa', 'Mỹ Hào ★★★', '🌾 lúa', 'lẻ \ud800 surrogate']) {
      expect(utf8ByteLength(text), text).toBe(new TextEncoder().encode(text).byteLength)
    }
  })

  it.each([
    ['import.check', IMPORT_FILE_LIMIT, importRequest],
    ['file.save', SAVED_FILE_LIMIT, saveRequest],
  ] as const)(
    '%s takes bytes up to its limit and refuses one byte more with the envelope',
    async (channel, limit, request) => {
      const table = handlers()

      const atLimit = await dispatch(table, channel, request(new Uint8Array(limit.maxBytes)))
      expect(atLimit.ok).toBe(true)
      const over = await dispatch(table, channel, request(new Uint8Array(limit.maxBytes + 1)))

      expect(over).toEqual({
        ok: false,
        error: {
          code: 'ipc.too-large',
          message: tooLarge(limit),
          params: { payload: limit.payload, maxBytes: limit.maxBytes },
          cause: `${channel}: bytes over ${limit.maxBytes} bytes`,
        },
      })
      expect(table[channel]).toHaveBeenCalledOnce()
    },
  )

  it('says what was too large and what to do, in Vietnamese and in English', () => {
    expect(IMPORT_FILE_LIMIT.maxBytes).toBe(50 * 1024 * 1024)
    expect(tooLarge(IMPORT_FILE_LIMIT)).toContain('lớn hơn 50 MB')
    expect(tooLarge(IMPORT_FILE_LIMIT)).toContain('tách danh sách')
    expect(tooLarge(BACKUP_LIMIT)).toContain('Bản sao lưu lớn hơn 256 MB')
    expect(tooLarge(BACKUP_LIMIT, 'en')).toContain('The backup is larger than 256 MB')
  })

  it('measures a backup in UTF-8 bytes: Vietnamese text under the limit in characters is refused', async () => {
    const table = handlers()
    // "ạ" is 3 bytes in UTF-8: a third of the limit in characters is just over it in bytes.
    const content = 'ạ'.repeat(Math.floor(BACKUP_LIMIT.maxBytes / 3) + 1)
    expect(content.length).toBeLessThan(BACKUP_LIMIT.maxBytes)

    const over = await dispatch(table, 'backup.writeManual', { content })

    expect(over).toMatchObject({ ok: false, error: { code: 'ipc.too-large' } })
    expect(table['backup.writeManual']).not.toHaveBeenCalled()
  })

  it.each(['report.writeXlsx', 'report.writeDocx'] as const)(
    "%s refuses a plan report's chart image over its limit",
    async (channel) => {
      const table = handlers()
      const request = {
        jobId: 'bao-cao-1',
        model: {},
        chartPng: new Uint8Array(CHART_IMAGE_LIMIT.maxBytes + 1),
      }

      const over = await dispatch(table, channel, request)

      expect(over).toMatchObject({
        ok: false,
        error: { code: 'ipc.too-large', message: tooLarge(CHART_IMAGE_LIMIT) },
      })
      expect(table[channel]).not.toHaveBeenCalled()
    },
  )
})
