import { describe, expect, it, vi } from 'vitest'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import { REPORT_MAX_ROWS, contract, reportModelSchema } from '@shared/ipc/contract'
import type { ReportModel } from '@shared/reports/model'
import { dispatch } from '../../../../../src-main/ipc/dispatch'
import { createServiceHandlers } from '../../../../../src-main/services/services'
import type { JobRunner } from '../../../../../src-main/workers/protocol'

function model(rows = 1): ReportModel {
  return {
    kind: 'units',
    landscape: false,
    header: {
      parentBody: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      docNumber: 'Số:      /BC-UBND',
      placeDate: 'Mỹ Hào, ngày 31 tháng 12 năm 2020',
    },
    titleType: 'TỔNG HỢP',
    subject: 'Sản phẩm OCOP theo xã, phường và hạng sao',
    subtitle: '(Tính đến ngày 31/12/2020)',
    sections: [
      {
        table: {
          columns: [{ key: 'unit', title: 'Đơn vị', width: 20, align: 'left' }],
          rows: Array.from({ length: rows }, () => ({ kind: 'data' as const, cells: ['x'] })),
        },
      },
    ],
    notes: [],
    recipients: ['- Lưu: VT, UBND.'],
    signature: { authority: '', title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
    fileName: 'tong-hop',
    sample: false,
  }
}

describe('report.writeXlsx channel', () => {
  it('accepts a report model and refuses malformed or oversized ones', () => {
    const request = contract['report.writeXlsx'].request
    expect(request.safeParse({ jobId: 'job-1', model: model() }).success).toBe(true)
    expect(
      request.safeParse({ jobId: 'job-1', model: model(), chartPng: new Uint8Array([1]) }).success,
    ).toBe(true)
    expect(request.safeParse({ jobId: 'job-1', model: { ...model(), kind: 'x' } }).success).toBe(
      false,
    )
    const badCell = model()
    ;(badCell.sections[0]!.table!.rows[0] as { cells: unknown[] }).cells = [{ formula: 'A1' }]
    expect(request.safeParse({ jobId: 'job-1', model: badCell }).success).toBe(false)
    expect(request.safeParse({ jobId: 'job-1', model: model(), chartPng: 'png' }).success).toBe(
      false,
    )
    expect(reportModelSchema.safeParse(model(REPORT_MAX_ROWS + 1)).success).toBe(false)
  })

  it('runs the report-xlsx job and passes its progress on as job.progress', async () => {
    const events: { event: EventName; payload: unknown }[] = []
    const run = vi.fn(async (_job, _input, onProgress) => {
      onProgress?.({ stage: 'Đang ghi bảng', done: 1, total: 1 })
      return { fileName: 'tong-hop.xlsx', bytes: new Uint8Array([0x50, 0x4b]) }
    }) as JobRunner['run']
    const handlers = createServiceHandlers({
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
  })
})
