import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkBackupToWrite, serializeBackup, type BackupTables } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import { backupFileName, type BackupKind } from '@shared/ipc/contract'
import { BACKUP_LIMIT } from '@shared/ipc/payload-limits'
import { BACKUPS_KEPT, createBackupStore } from '../../../../src-main/services/backup-store'
import { thrown } from '../thrown'

let root: string
let backupDir: string

// Main's clock in Hà Nội (UTC+7), whatever the test machine's zone: names carry "+0700".
const machineZone = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Asia/Ho_Chi_Minh'
})
afterAll(() => {
  if (machineZone === undefined) delete process.env.TZ
  else process.env.TZ = machineZone
})

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ocop-backup-'))
  backupDir = join(root, 'du-lieu', 'sao-luu')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

// The check the hosts run in the Excel worker, run here in the test's own thread.
const checkContent = checkBackupToWrite

/** A backup of `kind` as the renderer makes it, holding `note` so that contents differ. */
function backupOf(kind: BackupKind, note = 'Tương Bần – Nhân Hòa'): Promise<string> {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, []]),
  ) as unknown as BackupTables
  tables.settings = [{ key: 'note', value: note }]
  return serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'test',
    kind,
    createdAt: '2024-01-05T02:00:00.000Z',
    tables,
  })
}

/** A clock that ticks one minute per call, from 05/01/2024 09:00:00 local time. */
function tickingClock(start = new Date(2024, 0, 5, 9, 0, 0)) {
  let minutes = 0
  return () => new Date(start.getTime() + 60_000 * minutes++)
}

describe('write', () => {
  it('writes a large backup byte for byte, a character of two UTF-16 units across slices too', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    // Written in slices of 2^20 units: make one emoji's two halves fall on either side of the first cut.
    const cut = 2 ** 20
    let content = await backupOf('manual', '🌾'.repeat(cut / 2))
    if (content.charCodeAt(cut - 1) !== '🌾'.charCodeAt(0)) {
      content = await backupOf('manual', `x${'🌾'.repeat(cut / 2)}`)
    }
    expect(content.charCodeAt(cut - 1)).toBe('🌾'.charCodeAt(0))

    const entry = await store.write('manual', content)

    const written = await readFile(join(backupDir, entry.name))
    expect(written.equals(Buffer.from(content, 'utf8')), 'the file holds the UTF-8 bytes').toBe(
      true,
    )
  })

  it('names the file after the kind and the local time, creating the folder', async () => {
    const store = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 0, 5, 9, 3, 7),
    })
    const content = await backupOf('manual')

    const entry = await store.write('manual', content)

    expect(entry.name).toBe('ocop-desk-manual-20240105-090307+0700.json')
    expect(backupFileName.safeParse(entry.name).success).toBe(true)
    expect(entry.kind).toBe('manual')
    expect(entry.size).toBe(Buffer.byteLength(content, 'utf8'))
    const info = await stat(join(backupDir, entry.name))
    // The instant of the name, the same for a reader in any time zone.
    expect(entry.createdAt).toBe('2024-01-05T02:03:07.000Z')
    expect(info.isFile()).toBe(true)
    expect(await readFile(join(backupDir, entry.name), 'utf8')).toBe(content)
  })

  it("names the file in the page's clock when the page gives its offset, the same instant", async () => {
    const store = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date('2024-01-05T02:03:07.000Z'),
    })

    const entry = await store.write('manual', await backupOf('manual'), -300)

    expect(entry.name).toBe('ocop-desk-manual-20240104-210307-0500.json')
    expect(entry.createdAt).toBe('2024-01-05T02:03:07.000Z')
    expect((await store.list()).map((listed) => listed.createdAt)).toEqual([
      '2024-01-05T02:03:07.000Z',
    ])
  })

  it.skipIf(process.platform === 'win32')(
    'makes files readable by their owner only (0600), in a folder only the owner opens (0700)',
    async () => {
      const store = createBackupStore(backupDir, { checkContent, now: tickingClock() })
      const { name } = await store.write('manual', await backupOf('manual'))

      expect((await stat(join(backupDir, name))).mode & 0o777).toBe(0o600)
      expect((await stat(backupDir)).mode & 0o777).toBe(0o700)
    },
  )

  it.skipIf(process.platform === 'win32')(
    'closes a folder and backups that an older version left readable by others',
    async () => {
      await mkdir(backupDir, { recursive: true, mode: 0o755 })
      const old = join(backupDir, 'ocop-desk-auto-20231231-080000.json')
      await writeFile(old, await backupOf('auto'), { mode: 0o644 })
      await chmod(old, 0o644)
      await chmod(backupDir, 0o755)

      await createBackupStore(backupDir, { checkContent, now: tickingClock() }).write(
        'auto',
        await backupOf('auto'),
      )

      expect((await stat(old)).mode & 0o777).toBe(0o600)
      expect((await stat(backupDir)).mode & 0o777).toBe(0o700)
    },
  )

  it('adds -2, -3 when backups are written in the same second, even concurrently', async () => {
    const store = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 0, 5, 9, 3, 7),
    })
    const contents = await Promise.all(['một', 'hai', 'ba'].map((note) => backupOf('auto', note)))

    const entries = await Promise.all(contents.map((content) => store.write('auto', content)))

    // The checks run side by side, so which backup takes which name may vary; none is lost.
    expect(entries.map((e) => e.name).sort()).toEqual([
      'ocop-desk-auto-20240105-090307+0700-2.json',
      'ocop-desk-auto-20240105-090307+0700-3.json',
      'ocop-desk-auto-20240105-090307+0700.json',
    ])
    for (const [i, entry] of entries.entries()) {
      expect(backupFileName.safeParse(entry.name).success).toBe(true)
      expect(await readFile(join(backupDir, entry.name), 'utf8')).toBe(contents[i])
    }
  })

  it('leaves no temporary files behind', async () => {
    const store = createBackupStore(backupDir, { checkContent, now: tickingClock() })
    await store.write('manual', await backupOf('manual'))
    await store.write('pre-upgrade', await backupOf('pre-upgrade'))

    const files = await readdir(backupDir)
    expect(files.sort()).toEqual([
      'ocop-desk-manual-20240105-090000+0700.json',
      'ocop-desk-pre-upgrade-20240105-090100+0700.json',
    ])
  })

  it('removes temp files left by a crashed write, but not recent ones', async () => {
    await mkdir(backupDir, { recursive: true })
    const stale = join(backupDir, '.ocop-desk-auto-20240101-000000.123.abcd.tmp')
    const fresh = join(backupDir, '.ocop-desk-auto-20240105-085959.456.ef01.tmp')
    await writeFile(stale, 'cut off')
    await writeFile(fresh, 'in progress elsewhere')
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    await utimes(stale, twoHoursAgo, twoHoursAgo)

    await createBackupStore(backupDir, { checkContent }).write('auto', await backupOf('auto'))

    const files = await readdir(backupDir)
    expect(files).not.toContain('.ocop-desk-auto-20240101-000000.123.abcd.tmp')
    expect(files).toContain('.ocop-desk-auto-20240105-085959.456.ef01.tmp')
  })

  it.each([
    ['is cut off', async () => (await backupOf('manual')).slice(0, 150), 'backup.corrupt'],
    ['is not a backup', async () => '{"ten":"Gạo nếp"}', 'backup.foreign'],
    ['is of another kind', () => backupOf('manual'), 'backup.wrong-kind'],
  ])('refuses content that %s in Vietnamese, writing nothing', async (_why, content, code) => {
    const store = createBackupStore(backupDir, { checkContent })

    const error = await thrown(store.write('auto', await content()))

    expect(error.code).toBe(code)
    expect(error.message).toContain('Chưa ghi tệp nào')
    await expect(readdir(backupDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('explains in Vietnamese when the folder cannot be created', async () => {
    // A file where the folder should be: mkdir fails the same way a locked drive would.
    await writeFile(join(root, 'du-lieu'), 'not a folder')
    const store = createBackupStore(backupDir, { checkContent })

    const error = await thrown(store.write('manual', await backupOf('manual')))

    expect(error.code).toBe('backup.write-failed')
    expect(error.message).toContain('Không ghi được bản sao lưu')
    expect(error.message).toContain(backupDir)
    expect(error.technicalCause).toMatch(/ENOTDIR|EEXIST/)
  })
})

describe('list', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await createBackupStore(backupDir, { checkContent }).list()).toEqual([])
  })

  it('lists backups newest first by the time in their names, and only ours', async () => {
    const store = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 0, 5, 9, 3, 7),
    })
    const auto = await backupOf('auto')
    await store.write('auto', auto)
    await store.write('auto', auto)
    const later = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 1, 1, 8, 0, 0),
    })
    await later.write('pre-restore', await backupOf('pre-restore'))
    const earlier = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2023, 11, 31, 23, 59, 59),
    })
    await earlier.write('manual', await backupOf('manual'))
    // Things a clerk or another program may put in the folder.
    await writeFile(join(backupDir, 'ghi-chu.txt'), 'x')
    await writeFile(join(backupDir, 'ocop-desk-weird-20240105-090307.json'), 'x')
    await writeFile(join(backupDir, 'ocop-desk-manual-2024-01-05.json'), 'x')
    await mkdir(join(backupDir, 'ocop-desk-manual-20240301-000000.json'))

    const entries = await store.list()

    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['ocop-desk-pre-restore-20240201-080000+0700.json', 'pre-restore'],
      ['ocop-desk-auto-20240105-090307+0700-2.json', 'auto'],
      ['ocop-desk-auto-20240105-090307+0700.json', 'auto'],
      ['ocop-desk-manual-20231231-235959+0700.json', 'manual'],
    ])
  })

  it('orders names of any zone, and names from before zones were written, by the instant they say', async () => {
    const store = createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 0, 5, 9, 0, 0),
    })
    const written = await store.write('manual', await backupOf('manual'))
    await mkdir(backupDir, { recursive: true })
    // 08:30 in Hà Nội, written by an older version in local time.
    await writeFile(
      join(backupDir, 'ocop-desk-manual-20240105-083000.json'),
      await backupOf('manual'),
    )
    // 21:15 the day before in New York (UTC-5) is 09:15 in Hà Nội: the newest.
    await writeFile(
      join(backupDir, 'ocop-desk-manual-20240104-211500-0500.json'),
      await backupOf('manual'),
    )

    const entries = await store.list()

    expect(entries.map((e) => [e.name, e.createdAt])).toEqual([
      ['ocop-desk-manual-20240104-211500-0500.json', '2024-01-05T02:15:00.000Z'],
      [written.name, '2024-01-05T02:00:00.000Z'],
      ['ocop-desk-manual-20240105-083000.json', '2024-01-05T01:30:00.000Z'],
    ])
  })
})

describe('rotation', () => {
  it('keeps 30 daily, 10 before-restore and 10 before-upgrade backups, the newest of each', async () => {
    expect(BACKUPS_KEPT).toEqual({ auto: 30, 'pre-restore': 10, 'pre-upgrade': 10, manual: null })
    const store = createBackupStore(backupDir, { checkContent, now: tickingClock() })
    const contents = {
      auto: await backupOf('auto'),
      'pre-restore': await backupOf('pre-restore'),
      'pre-upgrade': await backupOf('pre-upgrade'),
      manual: await backupOf('manual'),
    }
    const written: { name: string; kind: BackupKind }[] = []
    const plan: BackupKind[] = [
      ...Array<BackupKind>(33).fill('auto'),
      ...Array<BackupKind>(12).fill('pre-restore'),
      ...Array<BackupKind>(11).fill('pre-upgrade'),
    ]
    for (const kind of plan) written.push(await store.write(kind, contents[kind]))

    const left = (await store.list()).map((e) => e.name)

    for (const kind of ['auto', 'pre-restore', 'pre-upgrade'] as const) {
      const ofKind = written.filter((e) => e.kind === kind).map((e) => e.name)
      const kept = BACKUPS_KEPT[kind]!
      // Written in time order, so the ones kept are the last written.
      expect(left.filter((name) => ofKind.includes(name)).sort()).toEqual(
        ofKind.slice(-kept).sort(),
      )
    }
    expect(left).toHaveLength(50)
  })

  it('never lets a flood of one kind push out another, nor ever deletes a manual backup', async () => {
    const store = createBackupStore(backupDir, { checkContent, now: tickingClock() })
    const manual = await store.write('manual', await backupOf('manual'))
    const upgrade = await store.write('pre-upgrade', await backupOf('pre-upgrade'))
    const daily = await store.write('auto', await backupOf('auto'))
    const restoreContent = await backupOf('pre-restore')
    for (let i = 0; i < 25; i += 1) await store.write('pre-restore', restoreContent)
    const manualContent = await backupOf('manual')
    for (let i = 0; i < 35; i += 1) await store.write('manual', manualContent)

    const entries = await store.list()
    const count = (kind: BackupKind) => entries.filter((e) => e.kind === kind).length

    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining([manual.name, upgrade.name, daily.name]),
    )
    expect(count('pre-restore')).toBe(10)
    expect(count('manual')).toBe(36)
  })
})

describe("today's daily backup", () => {
  const nineAm = () => new Date(2024, 0, 5, 9, 0, 0)

  it('counts only when one written today parses', async () => {
    const store = createBackupStore(backupDir, { checkContent, now: nineAm })
    expect(await store.hasDailyToday()).toBe(false)

    // Yesterday's and a manual one of today do not count.
    await createBackupStore(backupDir, {
      checkContent,
      now: () => new Date(2024, 0, 4, 23, 59, 0),
    }).write('auto', await backupOf('auto'))
    await store.write('manual', await backupOf('manual'))
    expect(await store.hasDailyToday()).toBe(false)

    await store.write('auto', await backupOf('auto'))
    expect(await store.hasDailyToday()).toBe(true)
  })

  it("counts a daily backup of today's date where main is, written in another zone", async () => {
    await mkdir(backupDir, { recursive: true })
    // 23:30 UTC on the 4th is 06:30 on the 5th in Hà Nội.
    await writeFile(
      join(backupDir, 'ocop-desk-auto-20240104-233000+0000.json'),
      await backupOf('auto'),
    )

    expect(await createBackupStore(backupDir, { checkContent, now: nineAm }).hasDailyToday()).toBe(
      true,
    )
  })

  it('does not count a daily backup that was cut off on the disk', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = createBackupStore(backupDir, { checkContent, now: nineAm })
    const { name, size } = await store.write('auto', await backupOf('auto'))
    await truncate(join(backupDir, name), Math.floor(size / 2))

    expect(await store.hasDailyToday()).toBe(false)
    await store.write('auto', await backupOf('auto'))
    expect(await store.hasDailyToday()).toBe(true)
  })
})

describe('read', () => {
  it('returns what was written, Vietnamese text intact', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    const content = await backupOf('manual', 'Gạo nếp Hưng Yên ★★★')
    const { name } = await store.write('manual', content)

    expect(await store.read(name)).toEqual({ name, content })
  })

  it.each([
    ['a parent folder', '../x'],
    ['a path with a folder', 'sub/ocop-desk-manual-20240105-090307.json'],
    ['a traversal ending in a valid name', '../ocop-desk-manual-20240105-090307.json'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['a name of the wrong pattern', 'backup.json'],
    ['an unknown kind', 'ocop-desk-weird-20240105-090307.json'],
    ['an empty name', ''],
  ])('refuses %s without touching the disk', async (_why, name) => {
    const store = createBackupStore(backupDir, { checkContent })

    const error = await thrown(store.read(name))

    expect(error.code).toBe('backup.bad-name')
    expect(error.message).toContain('không phải là tên một bản sao lưu')
  })

  it('refuses an absolute path to a real backup', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    const { name } = await store.write('manual', await backupOf('manual'))

    const error = await thrown(store.read(join(backupDir, name)))

    expect(error.code).toBe('backup.bad-name')
  })

  it('says which backup is missing, where, and what to do', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    await store.write('manual', await backupOf('manual'))

    const error = await thrown(store.read('ocop-desk-auto-20200101-000000.json'))

    expect(error.code).toBe('backup.not-found')
    expect(error.message).toContain(
      'Không tìm thấy bản sao lưu "ocop-desk-auto-20200101-000000.json"',
    )
    expect(error.message).toContain(backupDir)
    expect(error.message).toContain('chọn một bản khác')
  })

  it('does not follow a symbolic link out of the folder', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    await store.write('manual', await backupOf('manual'))
    const secret = join(root, 'bi-mat.json')
    await writeFile(secret, 'secret')
    const linkName = 'ocop-desk-manual-20240101-000000.json'
    await symlink(secret, join(backupDir, linkName))

    const error = await thrown(store.read(linkName))

    expect(error.code).toBe('backup.not-found')
    expect((await store.list()).map((e) => e.name)).not.toContain(linkName)
  })

  it('refuses a file larger than a backup may be', async () => {
    const store = createBackupStore(backupDir, { checkContent })
    const { name } = await store.write('manual', await backupOf('manual'))
    // Sparse: grows the file's size without writing hundreds of megabytes to the disk.
    await truncate(join(backupDir, name), BACKUP_LIMIT.maxBytes + 1)

    const error = await thrown(store.read(name))

    expect(error.code).toBe('backup.too-large')
    expect(error.message).toContain(name)
  })
})
