import {
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
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupFileName, type BackupKind } from '@shared/ipc/contract'
import {
  MAX_BACKUP_READ_BYTES,
  createBackupStore,
} from '../../../../src-main/services/backup-store'
import { thrown } from '../thrown'

let root: string
let backupDir: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ocop-backup-'))
  backupDir = join(root, 'du-lieu', 'sao-luu')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A clock that ticks one minute per call, from 05/01/2024 09:00:00 local time. */
function tickingClock(start = new Date(2024, 0, 5, 9, 0, 0)) {
  let minutes = 0
  return () => new Date(start.getTime() + 60_000 * minutes++)
}

describe('write', () => {
  it('names the file after the kind and the local time, creating the folder', async () => {
    const store = createBackupStore(backupDir, { now: () => new Date(2024, 0, 5, 9, 3, 7) })
    const content = '{"ghiChu":"Tương Bần – Nhân Hòa"}'

    const entry = await store.write('manual', content)

    expect(entry.name).toBe('ocop-desk-manual-20240105-090307.json')
    expect(backupFileName.safeParse(entry.name).success).toBe(true)
    expect(entry.kind).toBe('manual')
    expect(entry.size).toBe(Buffer.byteLength(content, 'utf8'))
    const info = await stat(join(backupDir, entry.name))
    expect(entry.createdAt).toBe(info.mtime.toISOString())
    expect(await readFile(join(backupDir, entry.name), 'utf8')).toBe(content)
  })

  it('adds -2, -3 when backups are written in the same second, even concurrently', async () => {
    const store = createBackupStore(backupDir, { now: () => new Date(2024, 0, 5, 9, 3, 7) })

    const entries = await Promise.all([
      store.write('auto', 'một'),
      store.write('auto', 'hai'),
      store.write('auto', 'ba'),
    ])

    expect(entries.map((e) => e.name)).toEqual([
      'ocop-desk-auto-20240105-090307.json',
      'ocop-desk-auto-20240105-090307-2.json',
      'ocop-desk-auto-20240105-090307-3.json',
    ])
    for (const name of entries.map((e) => e.name)) {
      expect(backupFileName.safeParse(name).success).toBe(true)
    }
    expect(await readFile(join(backupDir, entries[2]!.name), 'utf8')).toBe('ba')
  })

  it('leaves no temporary files behind', async () => {
    const store = createBackupStore(backupDir, { now: tickingClock() })
    await store.write('manual', 'a')
    await store.write('pre-upgrade', 'b')

    const files = await readdir(backupDir)
    expect(files.sort()).toEqual([
      'ocop-desk-manual-20240105-090000.json',
      'ocop-desk-pre-upgrade-20240105-090100.json',
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

    await createBackupStore(backupDir).write('auto', '{}')

    const files = await readdir(backupDir)
    expect(files).not.toContain('.ocop-desk-auto-20240101-000000.123.abcd.tmp')
    expect(files).toContain('.ocop-desk-auto-20240105-085959.456.ef01.tmp')
  })

  it('explains in Vietnamese when the folder cannot be created', async () => {
    // A file where the folder should be: mkdir fails the same way a locked drive would.
    await writeFile(join(root, 'du-lieu'), 'not a folder')
    const store = createBackupStore(backupDir)

    const error = await thrown(store.write('manual', '{}'))

    expect(error.code).toBe('backup.write-failed')
    expect(error.message).toContain('Không ghi được bản sao lưu')
    expect(error.message).toContain(backupDir)
    expect(error.technicalCause).toMatch(/ENOTDIR|EEXIST/)
  })
})

describe('list', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await createBackupStore(backupDir).list()).toEqual([])
  })

  it('lists backups newest first by the time in their names, and only ours', async () => {
    const store = createBackupStore(backupDir, { now: () => new Date(2024, 0, 5, 9, 3, 7) })
    await store.write('auto', 'x')
    await store.write('auto', 'x')
    const later = createBackupStore(backupDir, { now: () => new Date(2024, 1, 1, 8, 0, 0) })
    await later.write('pre-restore', 'x')
    const earlier = createBackupStore(backupDir, { now: () => new Date(2023, 11, 31, 23, 59, 59) })
    await earlier.write('manual', 'x')
    // Things a clerk or another program may put in the folder.
    await writeFile(join(backupDir, 'ghi-chu.txt'), 'x')
    await writeFile(join(backupDir, 'ocop-desk-weird-20240105-090307.json'), 'x')
    await writeFile(join(backupDir, 'ocop-desk-manual-2024-01-05.json'), 'x')
    await mkdir(join(backupDir, 'ocop-desk-manual-20240301-000000.json'))

    const entries = await store.list()

    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['ocop-desk-pre-restore-20240201-080000.json', 'pre-restore'],
      ['ocop-desk-auto-20240105-090307-2.json', 'auto'],
      ['ocop-desk-auto-20240105-090307.json', 'auto'],
      ['ocop-desk-manual-20231231-235959.json', 'manual'],
    ])
    expect(entries.every((e) => e.size === 1)).toBe(true)
  })
})

describe('rotation', () => {
  it('keeps the 30 newest automatic backups and every manual one', async () => {
    const store = createBackupStore(backupDir, { now: tickingClock() })
    const automaticKinds: BackupKind[] = ['auto', 'pre-upgrade', 'pre-restore']
    const written: { name: string; kind: BackupKind }[] = []
    for (let i = 0; i < 40; i += 1) {
      const kind: BackupKind = i % 8 === 0 ? 'manual' : automaticKinds[i % 3]!
      written.push(await store.write(kind, `{"i":${i}}`))
    }
    const manual = written.filter((e) => e.kind === 'manual').map((e) => e.name)
    const automatic = written.filter((e) => e.kind !== 'manual').map((e) => e.name)
    expect(manual).toHaveLength(5)
    expect(automatic).toHaveLength(35)

    const left = (await store.list()).map((e) => e.name)

    expect(left).toHaveLength(35)
    expect(left).toEqual(expect.arrayContaining(manual))
    // Written in time order, so the newest 30 are the last 30 written.
    expect(left.filter((name) => !manual.includes(name)).sort()).toEqual(
      automatic.slice(-30).sort(),
    )
    for (const gone of automatic.slice(0, 5)) expect(left).not.toContain(gone)
  })

  it('never deletes manual backups, however many there are', async () => {
    const store = createBackupStore(backupDir, { now: tickingClock(), keepAutomatic: 2 })
    for (let i = 0; i < 4; i += 1) await store.write('manual', 'm')
    for (let i = 0; i < 3; i += 1) await store.write('auto', 'a')

    const kinds = (await store.list()).map((e) => e.kind)

    expect(kinds.filter((k) => k === 'manual')).toHaveLength(4)
    expect(kinds.filter((k) => k === 'auto')).toHaveLength(2)
  })
})

describe('read', () => {
  it('returns what was written, Vietnamese text intact', async () => {
    const store = createBackupStore(backupDir)
    const content = JSON.stringify({ ten: 'Gạo nếp Hưng Yên', xa: 'Hoà Phong', sao: '★★★' })
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
    const store = createBackupStore(backupDir)

    const error = await thrown(store.read(name))

    expect(error.code).toBe('backup.bad-name')
    expect(error.message).toContain('không phải là tên một bản sao lưu')
  })

  it('refuses an absolute path to a real backup', async () => {
    const store = createBackupStore(backupDir)
    const { name } = await store.write('manual', '{}')

    const error = await thrown(store.read(join(backupDir, name)))

    expect(error.code).toBe('backup.bad-name')
  })

  it('says which backup is missing, where, and what to do', async () => {
    const store = createBackupStore(backupDir)
    await store.write('manual', '{}')

    const error = await thrown(store.read('ocop-desk-auto-20200101-000000.json'))

    expect(error.code).toBe('backup.not-found')
    expect(error.message).toContain(
      'Không tìm thấy bản sao lưu "ocop-desk-auto-20200101-000000.json"',
    )
    expect(error.message).toContain(backupDir)
    expect(error.message).toContain('chọn một bản khác')
  })

  it('does not follow a symbolic link out of the folder', async () => {
    const store = createBackupStore(backupDir)
    await store.write('manual', '{}')
    const secret = join(root, 'bi-mat.json')
    await writeFile(secret, 'secret')
    const linkName = 'ocop-desk-manual-20240101-000000.json'
    await symlink(secret, join(backupDir, linkName))

    const error = await thrown(store.read(linkName))

    expect(error.code).toBe('backup.not-found')
    expect((await store.list()).map((e) => e.name)).not.toContain(linkName)
  })

  it('refuses a file larger than 1 GiB', async () => {
    const store = createBackupStore(backupDir)
    const { name } = await store.write('manual', '{}')
    // Sparse: grows the file's size without writing a gigabyte to the disk.
    await truncate(join(backupDir, name), MAX_BACKUP_READ_BYTES + 1)

    const error = await thrown(store.read(name))

    expect(error.code).toBe('backup.too-large')
    expect(error.message).toContain(name)
  })
})
