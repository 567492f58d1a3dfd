import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkBackupToWrite, serializeBackup, type BackupTables } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import { AppError } from '@shared/errors'
import type { BackupEntry, BackupKind, EventName, EventPayloads } from '@shared/ipc/contract'
import { dispatch } from '../../../../src-main/ipc/dispatch'
import { createServiceHandlers, type ServiceContext } from '../../../../src-main/services/services'
import type { JobInput, JobRunner } from '../../../../src-main/workers/protocol'

let dataDir: string
let events: { event: EventName; payload: unknown }[]
let ctx: ServiceContext
let jobs: JobRunner

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ocop-services-'))
  events = []
  jobs = {
    // Stands in for the worker: checks backups here, in the test's thread; any other job reports
    // two steps, then answers like the template job.
    run: vi.fn(async (job, input, onProgress) => {
      if (job === 'backup-check') {
        const { content, kind } = input as JobInput<'backup-check'>
        await checkBackupToWrite(content, kind)
        return null
      }
      onProgress?.({ stage: 'Tạo trang danh sách sản phẩm', done: 0, total: 2 })
      onProgress?.({ stage: 'Xong', done: 2, total: 2 })
      return { fileName: 'mau-nhap-san-pham-ocop.xlsx', bytes: new Uint8Array([0x50, 0x4b]) }
    }) as JobRunner['run'],
    close: vi.fn(async () => undefined),
  }
  ctx = {
    version: '0.1.0',
    host: 'web',
    dataDir,
    backupDir: join(dataDir, 'backups'),
    jobs,
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      events.push({ event, payload })
    },
    openExternal: vi.fn(async () => true),
  }
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dataDir, { recursive: true, force: true })
})

async function call(channel: string, payload?: unknown) {
  return dispatch(createServiceHandlers(ctx), channel, payload)
}

function backupOf(kind: BackupKind): Promise<string> {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, []]),
  ) as unknown as BackupTables
  tables.settings = [{ key: 'office', value: { officeName: 'UBND thị xã Mỹ Hào' } }]
  return serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: '0.1.0',
    kind,
    createdAt: '2026-01-05T01:00:00.000Z',
    tables,
  })
}

describe('service table through dispatch', () => {
  it('answers app.info from the host context', async () => {
    expect(await call('app.info')).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'web',
        dataDir,
        backupDir: join(dataDir, 'backups'),
        issuedDir: join(dataDir, 'van-ban-da-phat-hanh'),
        user: expect.any(String),
      },
    })
  })

  it('opens an allow-listed https page through the host', async () => {
    const result = await call('app.openExternal', { url: 'https://ocop.gov.vn/tin-tuc' })

    expect(result).toEqual({ ok: true, value: { opened: true } })
    expect(ctx.openExternal).toHaveBeenCalledWith('https://ocop.gov.vn/tin-tuc')
  })

  it('does not open a page outside the allow-list, and logs the refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

    const result = await call('app.openExternal', { url: 'https://evil.example/ocop' })

    expect(result).toEqual({ ok: true, value: { opened: false } })
    expect(ctx.openExternal).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/ocop'))
  })

  it.each([
    ['backup.writeDaily', 'auto'],
    ['backup.writeBeforeRestore', 'pre-restore'],
    ['backup.writeBeforeUpgrade', 'pre-upgrade'],
    ['backup.writeManual', 'manual'],
  ] as const)(
    '%s writes a backup of kind %s, the kind fixed by the channel',
    async (channel, kind) => {
      const written = await call(channel, { content: await backupOf(kind) })

      expect(written).toMatchObject({ ok: true, value: { kind } })
      expect((written as { value: BackupEntry }).value.name).toContain(`ocop-desk-${kind}-`)
    },
  )

  it('refuses content of another kind than the channel, or a kind field, writing nothing', async () => {
    const other = await call('backup.writeDaily', { content: await backupOf('manual') })
    expect(other).toMatchObject({ ok: false, error: { code: 'backup.wrong-kind' } })
    const field = await call('backup.writeDaily', {
      kind: 'manual',
      content: await backupOf('auto'),
    })
    expect(field).toMatchObject({ ok: false, error: { code: 'ipc.invalid-payload' } })

    await expect(readdir(ctx.backupDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it("checks a backup's content in the job runner, off main's thread, before writing it", async () => {
    const content = await backupOf('manual')

    expect(await call('backup.writeManual', { content })).toMatchObject({ ok: true })

    expect(jobs.run).toHaveBeenCalledWith('backup-check', { content, kind: 'manual' })
  })

  it('writes nothing when the check fails in the runner, and says why', async () => {
    const stuck = new AppError({
      code: 'job.timeout',
      params: { job: 'backup-check', seconds: 60 },
    })
    vi.mocked(jobs.run).mockRejectedValueOnce(stuck)

    const result = await call('backup.writeManual', { content: await backupOf('manual') })

    expect(result).toEqual({ ok: false, error: stuck.toData() })
    await expect(readdir(ctx.backupDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('says whether today has a daily backup', async () => {
    expect(await call('backup.hasDailyToday')).toEqual({ ok: true, value: false })
    await call('backup.writeDaily', { content: await backupOf('auto') })
    expect(await call('backup.hasDailyToday')).toEqual({ ok: true, value: true })
  })

  it('round-trips a backup: write, list, read', async () => {
    const content = await backupOf('manual')

    const written = await call('backup.writeManual', { content })
    expect(written.ok).toBe(true)
    const entry = (written as { value: BackupEntry }).value
    expect(entry).toMatchObject({ kind: 'manual', size: Buffer.byteLength(content) })

    expect(await call('backup.list')).toEqual({ ok: true, value: [entry] })
    expect(await call('backup.read', { name: entry.name })).toEqual({
      ok: true,
      value: { name: entry.name, content },
    })
  })

  it('answers a missing backup with a Vietnamese error envelope', async () => {
    const result = await call('backup.read', { name: 'ocop-desk-auto-20200101-000000.json' })

    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('backup.not-found')
    expect(!result.ok && result.error.message).toContain('Không tìm thấy bản sao lưu')
  })

  it('runs the template job and forwards its progress with the job id', async () => {
    const result = await call('excel.writeTemplate', { jobId: 'mau-1' })

    expect(result).toEqual({
      ok: true,
      value: { fileName: 'mau-nhap-san-pham-ocop.xlsx', bytes: new Uint8Array([0x50, 0x4b]) },
    })
    expect(jobs.run).toHaveBeenCalledWith('import-template', {}, expect.any(Function))
    expect(events).toEqual([
      {
        event: 'job.progress',
        payload: { jobId: 'mau-1', stage: 'Tạo trang danh sách sản phẩm', done: 0, total: 2 },
      },
      { event: 'job.progress', payload: { jobId: 'mau-1', stage: 'Xong', done: 2, total: 2 } },
    ])
  })

  it('passes a job failure on as its AppError', async () => {
    const stopped = new AppError({ code: 'job.worker-stopped', params: {}, cause: 'exit 1' })
    vi.mocked(jobs.run).mockRejectedValueOnce(stopped)

    const result = await call('excel.writeTemplate', { jobId: 'mau-2' })

    expect(result).toEqual({ ok: false, error: stopped.toData() })
    expect(stopped.message).toMatch(/^Phần xử lý Excel dừng đột ngột/u)
  })

  it.each([
    ['backup.writeManual', { content: '' }],
    ['backup.writeManual', { content: 42 }],
    ['backup.writeDaily', undefined],
    ['backup.read', { name: '../x' }],
    ['backup.read', { name: '/etc/passwd' }],
    ['backup.read', { name: 'ocop-desk-manual-20240105-090307.json/../../x' }],
    ['app.openExternal', { url: 'not a url' }],
    ['app.info', { unexpected: true }],
    ['excel.writeTemplate', { jobId: '../../etc' }],
  ])('refuses %s with payload %j as ipc.invalid-payload', async (channel, payload) => {
    const result = await call(channel, payload)

    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('ipc.invalid-payload')
    expect(jobs.run).not.toHaveBeenCalled()
    expect(ctx.openExternal).not.toHaveBeenCalled()
  })

  it('writes nothing when a backup payload is refused', async () => {
    const refused = await call('backup.writeManual', {
      content: '{"ten":"không phải bản sao lưu"}',
    })

    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.foreign' } })
    await expect(readdir(ctx.backupDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it.each(['backup.write', 'backup.delete', 'file.open', 'constructor', '__proto__'])(
    'refuses channel %s as unknown',
    async (channel) => {
      const result = await call(channel, {})

      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('ipc.unknown-channel')
    },
  )
})
