import { describe, expect, it, vi } from 'vitest'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import { contract } from '@shared/ipc/contract'
import { DOCUMENT_MAX_ROWS, documentSchema } from '@shared/documents/schema'
import type { OfficialDocument } from '@shared/documents/model'
import { dispatch } from '../../../../../src-main/ipc/dispatch'
import { createServiceHandlers } from '../../../../../src-main/services/services'
import type { JobRunner } from '../../../../../src-main/workers/protocol'

function model(rows = 1): OfficialDocument {
  return {
    type: 'BC',
    issuer: {
      parent: null,
      name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
      nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
      abbreviation: 'UBND',
      place: 'Mỹ Hào',
    },
    number: '',
    signedOn: '2021-01-05',
    title: {
      type: 'BÁO CÁO',
      subject: 'Tổng hợp sản phẩm OCOP theo xã, phường và hạng sao',
      subtitle: '(Tính đến ngày 31/12/2020)',
    },
    sections: [
      {
        heading: 'I. ĐÁNH GIÁ CHUNG',
        level: 1,
        narrative: 'general',
        paragraphs: ['Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP.'],
        table: {
          columns: [{ key: 'unit', title: 'Đơn vị', width: 20, align: 'left' }],
          rows: Array.from({ length: rows }, () => ({ kind: 'data' as const, cells: ['x'] })),
        },
      },
    ],
    notes: [],
    recipients: { addressees: [], copies: ['UBND tỉnh (để báo cáo)'], archive: 'KT' },
    signers: [{ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn A' }],
    annexes: [],
    landscape: false,
    fileName: 'tong-hop',
    sample: false,
  }
}

/** The model with its one table moved to an annex of `rows` rows. */
function annexed(rows: number): OfficialDocument {
  const doc = model()
  const table = model(rows).sections[0]!.table!
  return {
    ...doc,
    sections: [{ heading: 'I. ĐÁNH GIÁ CHUNG', paragraphs: ['Xem Phụ lục.'] }],
    annexes: [{ title: 'DANH SÁCH', landscape: false, sections: [{ table }] }],
  }
}

function handlersWith(run: JobRunner['run'], events: { event: EventName; payload: unknown }[]) {
  return createServiceHandlers({
    version: '0',
    host: 'web',
    dataDir: '/nonexistent',
    backupDir: '/nonexistent/backups',
    jobs: { run, close: async () => undefined },
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      events.push({ event, payload })
    },
    openExternal: async () => false,
  })
}

describe('report.writeXlsx channel', () => {
  it('accepts a document and refuses malformed or oversized ones', () => {
    const request = contract['report.writeXlsx'].request
    expect(request.safeParse({ jobId: 'job-1', model: model() }).success).toBe(true)
    expect(
      request.safeParse({ jobId: 'job-1', model: model(), chartPng: new Uint8Array([1]) }).success,
    ).toBe(true)
    expect(request.safeParse({ jobId: 'job-1', model: annexed(3), part: 'annexes' }).success).toBe(
      true,
    )
    expect(request.safeParse({ jobId: 'job-1', model: model(), part: 'whole' }).success).toBe(true)
    expect(request.safeParse({ jobId: 'job-1', model: model(), part: 'body' }).success).toBe(false)
    expect(request.safeParse({ jobId: 'job-1', model: { ...model(), type: 'x' } }).success).toBe(
      false,
    )
    const badCell = model()
    ;(badCell.sections[0]!.table!.rows[0] as { cells: unknown[] }).cells = [{ formula: 'A1' }]
    expect(request.safeParse({ jobId: 'job-1', model: badCell }).success).toBe(false)
    expect(request.safeParse({ jobId: 'job-1', model: model(), chartPng: 'png' }).success).toBe(
      false,
    )
    expect(documentSchema.safeParse(model(DOCUMENT_MAX_ROWS + 1)).success).toBe(false)
  })

  it('checks the parts of an official document', () => {
    const valid = (doc: unknown) => documentSchema.safeParse(doc).success
    expect(valid({ ...model(), issuer: { ...model().issuer, parent: 'UBND THỊ XÃ MỸ HÀO' } })).toBe(
      true,
    )
    // Minutes: no date line and no "Nơi nhận", two signers side by side.
    const signer = model().signers[0]!
    expect(valid({ ...model(), signedOn: null, recipients: null, signers: [signer, signer] })).toBe(
      true,
    )
    expect(valid({ ...model(), signedOn: '05/01/2021' })).toBe(false)
    expect(valid({ ...model(), signers: [] })).toBe(false)
    expect(valid({ ...model(), signers: [signer, signer, signer] })).toBe(false)
    expect(valid({ ...model(), issuer: { ...model().issuer, name: 'ỦY BAN NHÂN DÂN' } })).toBe(
      false,
    )
    expect(valid({ ...model(), recipients: { copies: [], archive: 'KT' } })).toBe(false)
    const annex = annexed(1).annexes[0]!
    expect(valid({ ...model(), annexes: Array.from({ length: 11 }, () => annex) })).toBe(false)
    expect(valid({ ...model(), annexes: [{ ...annex, landscape: 'yes' }] })).toBe(false)
  })

  it('counts the rows of the annexes against the limit too', () => {
    const half = Math.floor(DOCUMENT_MAX_ROWS / 2) + 1
    const doc = annexed(half)
    expect(documentSchema.safeParse(doc).success).toBe(true)
    const table = doc.annexes[0]!.sections[0]!.table!
    doc.sections.push({ table })
    expect(documentSchema.safeParse(doc).success).toBe(false)
  })

  it('runs the report-xlsx job and passes its progress on as job.progress', async () => {
    const events: { event: EventName; payload: unknown }[] = []
    const run = vi.fn(async (_job, _input, onProgress) => {
      onProgress?.({ stage: 'Đang ghi bảng', done: 1, total: 1 })
      return { fileName: 'tong-hop.xlsx', bytes: new Uint8Array([0x50, 0x4b]) }
    }) as JobRunner['run']
    const handlers = handlersWith(run, events)
    const chartPng = new Uint8Array([0x89, 0x50])
    const result = await dispatch(handlers, 'report.writeXlsx', {
      jobId: 'job-7',
      model: model(),
      chartPng,
    })
    expect(result).toEqual({
      ok: true,
      value: { fileName: 'tong-hop.xlsx', bytes: new Uint8Array([0x50, 0x4b]) },
    })
    expect(run).toHaveBeenCalledWith(
      'report-xlsx',
      { model: model(), chartPng },
      expect.any(Function),
    )
    expect(events).toEqual([
      {
        event: 'job.progress',
        payload: { jobId: 'job-7', stage: 'Đang ghi bảng', done: 1, total: 1 },
      },
    ])

    await dispatch(handlers, 'report.writeXlsx', {
      jobId: 'job-8',
      model: annexed(2),
      part: 'annexes',
    })
    expect(run).toHaveBeenLastCalledWith(
      'report-xlsx',
      { model: annexed(2), part: 'annexes' },
      expect.any(Function),
    )
  })
})

describe('report.writeDocx channel', () => {
  it('runs the report-docx job with the document and its chart, passing progress on', async () => {
    const events: { event: EventName; payload: unknown }[] = []
    const bytes = new Uint8Array([0x50, 0x4b, 0x03])
    const run = vi.fn(async (_job, _input, onProgress) => {
      onProgress?.({ stage: 'Đang ghi văn bản', done: 1, total: 2 })
      return { fileName: 'tong-hop.docx', bytes }
    }) as JobRunner['run']
    const chartPng = new Uint8Array([0x89, 0x50])
    const result = await dispatch(handlersWith(run, events), 'report.writeDocx', {
      jobId: 'job-9',
      model: annexed(2),
      chartPng,
    })
    expect(result).toEqual({ ok: true, value: { fileName: 'tong-hop.docx', bytes } })
    expect(run).toHaveBeenCalledWith(
      'report-docx',
      { model: annexed(2), chartPng },
      expect.any(Function),
    )
    expect(events).toEqual([
      {
        event: 'job.progress',
        payload: { jobId: 'job-9', stage: 'Đang ghi văn bản', done: 1, total: 2 },
      },
    ])
  })

  it('refuses a malformed document before any job runs', async () => {
    const run = vi.fn() as unknown as JobRunner['run']
    const result = await dispatch(handlersWith(run, []), 'report.writeDocx', {
      jobId: 'job-10',
      model: { ...model(), signers: [] },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid-payload' } })
    expect(run).not.toHaveBeenCalled()
  })
})
