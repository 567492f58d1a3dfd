import { describe, expect, it, vi } from 'vitest'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import { IMPORT_FILE_LIMIT, MEMBER_WORKBOOKS_LIMIT } from '@shared/ipc/payload-limits'
import { formatMessage } from '@shared/messages/format'
import { partLevelSheet } from '@shared/rounds/sheets'
import { dispatch } from '../../../../src-main/ipc/dispatch'
import { createServiceHandlers } from '../../../../src-main/services/services'
import type { JobRunner } from '../../../../src-main/workers/protocol'
import shipped from '../../../../resources/catalogues/criteria-sets.json'

const sets = loadBuiltInCriteriaSets(shipped)
const sheet = partLevelSheet(sets.find((set) => set.id === 'qd-148')!)
const round = { id: 'dot-2024', name: 'Đợt 1 năm 2024', criteriaSetName: 'QĐ 148' }
const member = (i: number) => ({ id: `tv-${i}`, name: `Thành viên ${i}`, role: 'Ủy viên' })
const product = (i: number, sheetIndex = 0) => ({
  id: `e-${i}`,
  name: `Sản phẩm ${i}`,
  producer: 'HTX Nhân Hòa',
  unit: 'Nhân Hòa',
  group: 'Thực phẩm',
  sheet: sheetIndex,
})
const order = { round, sheets: [sheet], products: [product(1), product(2)] }

function serve() {
  const events: { event: EventName; payload: unknown }[] = []
  const run = vi.fn(async (_job, _input, onProgress) => {
    onProgress?.({ stage: 'read', done: 1, total: 2 })
    return { fileName: 'phieu.zip', bytes: new Uint8Array([0x50, 0x4b]) }
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
  return {
    run,
    events,
    call: (channel: string, request: unknown) => dispatch(handlers, channel, request),
  }
}

describe('the round file channels', () => {
  it('sends a round’s order to the worker once per save: a .zip of every member, or one member’s .xlsx', async () => {
    const { run, events, call } = serve()
    const members = [member(1), member(2)]

    expect(
      await call('round.writeMemberWorkbooks', { jobId: 'phieu-1', ...order, members }),
    ).toEqual({
      ok: true,
      value: { fileName: 'phieu.zip', bytes: new Uint8Array([0x50, 0x4b]) },
    })
    expect(run).toHaveBeenLastCalledWith(
      'member-workbooks-write',
      { ...order, members, format: 'zip' },
      expect.any(Function),
    )
    expect(events).toEqual([
      { event: 'job.progress', payload: { jobId: 'phieu-1', stage: 'read', done: 1, total: 2 } },
    ])

    await call('round.writeMemberWorkbook', { jobId: 'phieu-2', ...order, member: member(3) })
    expect(run).toHaveBeenLastCalledWith(
      'member-workbooks-write',
      { ...order, member: member(3), format: 'xlsx' },
      expect.any(Function),
    )
  })

  it('passes the files, sheets and entries of a read on, and only the criteria sets’ parts for a definition', async () => {
    const { run, call } = serve()
    const files = [{ name: 'an.xlsx', bytes: new Uint8Array([1, 2]) }]
    const entries = [{ id: 'e-1', sheet: 0 }]

    await call('round.readMemberWorkbooks', {
      jobId: 'nhap-1',
      roundId: round.id,
      sheets: [sheet],
      entries,
      files,
    })
    expect(run).toHaveBeenLastCalledWith(
      'member-workbooks-read',
      { roundId: round.id, sheets: [sheet], entries, files },
      expect.any(Function),
    )

    const bytes = new Uint8Array([0x50, 0x4b])
    await call('round.readSheetDefinition', {
      jobId: 'nap-1',
      fileName: 'phieu.xlsx',
      bytes,
      criteriaSets: sets,
    })
    expect(run).toHaveBeenLastCalledWith(
      'sheet-definition-read',
      { fileName: 'phieu.xlsx', bytes, sets: sets.map(({ id, parts }) => ({ id, parts })) },
      expect.any(Function),
    )

    await call('round.writeSheetTemplate', { jobId: 'mau-1' })
    expect(run).toHaveBeenLastCalledWith('sheet-template', {}, expect.any(Function))
  })

  it.each([
    ['61 members', { ...order, members: Array.from({ length: 61 }, (_, i) => member(i)) }],
    ['no member', { ...order, members: [] }],
    [
      '2,001 products',
      {
        ...order,
        members: [member(1)],
        products: Array.from({ length: 2001 }, (_, i) => product(i)),
      },
    ],
    [
      'a product naming a sheet not sent',
      { ...order, members: [member(1)], products: [product(1, 1)] },
    ],
    ['a member without a name', { ...order, members: [{ ...member(1), name: '' }] }],
    [
      'a sheet of an unknown shape',
      { ...order, members: [member(1)], sheets: [{ ...sheet, parts: 'A, B, C' }] },
    ],
  ])('refuses to write workbooks for %s, before any job runs', async (_case, request) => {
    const { run, call } = serve()

    const refused = await call('round.writeMemberWorkbooks', { jobId: 'phieu-9', ...request })

    expect(refused).toMatchObject({ ok: false, error: { code: 'ipc.invalid-payload' } })
    expect(run).not.toHaveBeenCalled()
  })

  it.each([
    [
      '101 files',
      {
        files: Array.from({ length: 101 }, (_, i) => ({
          name: `${i}.xlsx`,
          bytes: new Uint8Array(1),
        })),
      },
    ],
    ['no file', { files: [] }],
    ['an entry naming a sheet not sent', { entries: [{ id: 'e-1', sheet: 3 }] }],
    [
      '2,001 entries',
      { entries: Array.from({ length: 2001 }, (_, i) => ({ id: `e-${i}`, sheet: 0 })) },
    ],
  ])('refuses to read workbooks for %s', async (_case, change) => {
    const { run, call } = serve()
    const request = {
      jobId: 'nhap-9',
      roundId: round.id,
      sheets: [sheet],
      entries: [{ id: 'e-1', sheet: 0 }],
      files: [{ name: 'an.xlsx', bytes: new Uint8Array(1) }],
      ...change,
    }

    expect(await call('round.readMemberWorkbooks', request)).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-payload' },
    })
    expect(run).not.toHaveBeenCalled()
  })

  it('refuses workbooks that together pass the limit, saying to choose fewer', async () => {
    const { run, call } = serve()
    const half = MEMBER_WORKBOOKS_LIMIT.maxBytes / 2
    const files = [
      { name: 'an.xlsx', bytes: new Uint8Array(half) },
      { name: 'binh.xlsx', bytes: new Uint8Array(half + 1) },
    ]

    const over = await call('round.readMemberWorkbooks', {
      jobId: 'nhap-10',
      roundId: round.id,
      sheets: [sheet],
      entries: [],
      files,
    })

    const params = {
      payload: 'member-workbooks',
      maxBytes: MEMBER_WORKBOOKS_LIMIT.maxBytes,
    } as const
    expect(over).toMatchObject({ ok: false, error: { code: 'ipc.too-large', params } })
    expect(formatMessage({ code: 'ipc.too-large', params })).toBe(
      'Các tệp phiếu chấm đã chọn cộng lại lớn hơn 200 MB nên không được đọc. Hãy chọn ít tệp hơn mỗi lần (ví dụ từng thành viên) rồi nhập lại. Dữ liệu không bị thay đổi.',
    )
    expect(run).not.toHaveBeenCalled()
  })

  it('refuses a definition file over the import’s limit', async () => {
    const { run, call } = serve()

    const over = await call('round.readSheetDefinition', {
      jobId: 'nap-9',
      fileName: 'phieu.xlsx',
      bytes: new Uint8Array(IMPORT_FILE_LIMIT.maxBytes + 1),
      criteriaSets: sets,
    })

    expect(over).toMatchObject({
      ok: false,
      error: { code: 'ipc.too-large', params: { payload: 'import-file' } },
    })
    expect(run).not.toHaveBeenCalled()
  })
})
