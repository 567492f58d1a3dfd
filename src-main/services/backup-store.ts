/**
 * Backup files in the backup folder: every one checked by the restore's own parser before it is
 * written (in the Excel worker, through the check the host passes in), written atomically and
 * readable by the clerk's account only, listed newest first, read back by bare name only, and
 * rotated per kind so no flood of one kind pushes out another.
 * Plain Node: the Electron app and the web host share it.
 */
import { randomBytes } from 'node:crypto'
import {
  chmod,
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError } from '@shared/errors'
import {
  BACKUP_KINDS,
  backupFileName,
  type BackupEntry,
  type BackupKind,
} from '@shared/ipc/contract'
import { BACKUP_LIMIT } from '@shared/ipc/payload-limits'

/**
 * How many backups of each kind survive a rotation; null: never deleted (manual backups are the
 * clerk's). A month of daily backups, and the last ten restores and upgrades.
 */
export const BACKUPS_KEPT: Readonly<Record<BackupKind, number | null>> = {
  auto: 30,
  'pre-restore': 10,
  'pre-upgrade': 10,
  manual: null,
}

// Backups hold the whole register: on Linux and macOS only the clerk's account may read them. On
// Windows the folder is inside the user's profile, whose permissions already say the same.
const FILE_MODE = 0o600
const FOLDER_MODE = 0o700
const POSIX = process.platform !== 'win32'

// Temp files start with a dot and end in .tmp, so no crash can leave one that looks like a backup.
const TEMP_PREFIX = '.ocop-desk-'
const TEMP_SUFFIX = '.tmp'
// A temp file older than this belongs to a write that crashed, not to one in progress.
const STALE_TEMP_MS = 60 * 60 * 1000

// `ocop-desk-<kind>-YYYYMMDD-HHMMSS±HHMM(-n).json`: main's local time and its offset from UTC, so
// the name says one instant wherever it is read (the web host's page may be in another zone).
// Names before the offset was written have none: they are in main's local time.
const NAME_PARTS =
  /^ocop-desk-([a-z-]+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})([+-]\d{4})?(?:-(\d+))?\.json$/

export interface BackupStore {
  /**
   * Writes `content` as a new backup of `kind`, then rotates that kind. Content a restore would
   * refuse, or of another kind, is refused and nothing is written. The name is in the writer's
   * clock when it gives its offset from UTC in minutes (the web host's page may be in another zone
   * than main), else in main's.
   */
  write(kind: BackupKind, content: string, utcOffset?: number): Promise<BackupEntry>
  /** Whether today (local time) has a daily backup that parses; a damaged one does not count. */
  hasDailyToday(): Promise<boolean>
  /** Every backup in the folder, newest first. */
  list(): Promise<BackupEntry[]>
  /** Reads one backup by its bare file name. */
  read(name: string): Promise<{ name: string; content: string }>
}

export interface BackupStoreOptions {
  /**
   * Checks content as a backup of `kind` with the restore's parser (checkBackupToWrite); rejects
   * with its AppError. The hosts run it in the Excel worker: parsing a large register takes
   * seconds, which main's event loop cannot spare.
   */
  checkContent: (content: string, kind: BackupKind) => Promise<unknown>
  /** The clock used for file names and for "today"; tests pass a fixed one. */
  now?: () => Date
}

interface ParsedName {
  kind: BackupKind
  /** When the backup was made, in ms since the epoch. */
  at: number
  /** 1 for the first file of a second, 2 for `-2`, … */
  sequence: number
}

/** Opens the backup folder at `backupDir`; the folder is created on first write. */
export function createBackupStore(backupDir: string, options: BackupStoreOptions): BackupStore {
  const { checkContent } = options
  const now = options.now ?? (() => new Date())
  // Writes run one at a time: choosing a free name and renaming onto it must not interleave, or
  // two backups in the same second would take the same name and one would replace the other.
  let queue: Promise<unknown> = Promise.resolve()

  async function write(kind: BackupKind, content: string, utcOffset?: number) {
    await checkContent(content, kind)
    const result = queue.then(() => writeNow(kind, content, utcOffset))
    queue = result.catch(() => undefined)
    return result
  }

  async function writeNow(
    kind: BackupKind,
    content: string,
    utcOffset: number | undefined,
  ): Promise<BackupEntry> {
    const stamp = nameStamp(now(), utcOffset)
    const tempPath = join(
      backupDir,
      `${TEMP_PREFIX}${kind}-${stamp}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
    )
    let name: string
    try {
      await mkdir(backupDir, { recursive: true, mode: FOLDER_MODE })
      // A folder made by an older version (or by hand) may be open to others: close it.
      if (POSIX) await chmod(backupDir, FOLDER_MODE)
      await writeDurably(tempPath, content)
      name = await freeName(kind, stamp)
      await rename(tempPath, join(backupDir, name))
      await syncDirectory(backupDir)
    } catch (error) {
      await unlink(tempPath).catch(() => undefined)
      throw new AppError({
        code: 'backup.write-failed',
        params: { folder: backupDir },
        cause: describe(error),
      })
    }
    const info = await stat(join(backupDir, name))
    await rotate(kind)
    await removeStaleTempFiles()
    return { name, kind, createdAt: createdAtOf(name, info.mtime), size: info.size }
  }

  async function freeName(kind: BackupKind, stamp: string): Promise<string> {
    const base = `ocop-desk-${kind}-${stamp}`
    for (let sequence = 1; ; sequence += 1) {
      const candidate = sequence === 1 ? `${base}.json` : `${base}-${sequence}.json`
      if (!(await exists(join(backupDir, candidate)))) return candidate
    }
  }

  async function list(): Promise<BackupEntry[]> {
    let names: string[]
    try {
      names = await readdir(backupDir)
    } catch (error) {
      if (isCode(error, 'ENOENT')) return []
      throw new AppError({
        code: 'backup.list-failed',
        params: { folder: backupDir },
        cause: describe(error),
      })
    }
    const found: { entry: BackupEntry; parsed: ParsedName }[] = []
    for (const name of names) {
      const parsed = parseName(name)
      if (!parsed) continue
      // The file may vanish between readdir and lstat (a rotation elsewhere): skip it.
      const info = await lstat(join(backupDir, name)).catch(() => null)
      if (!info?.isFile()) continue
      found.push({
        entry: {
          name,
          kind: parsed.kind,
          createdAt: createdAtOf(name, info.mtime),
          size: info.size,
        },
        parsed,
      })
    }
    // Newest by the time in the name, not the mtime: copying a file into the folder changes its
    // mtime but not when it was made.
    found.sort((a, b) => compareParsed(b.parsed, a.parsed))
    return found.map((item) => item.entry)
  }

  async function read(name: string): Promise<{ name: string; content: string }> {
    if (!isBackupName(name)) {
      throw new AppError({
        code: 'backup.bad-name',
        params: { name },
        cause: `refused backup name ${JSON.stringify(name)}`,
      })
    }
    const path = join(backupDir, name)
    // lstat, not stat: a symbolic link in the folder could point anywhere on the disk.
    const info = await lstat(path).catch((error: unknown) => {
      if (isCode(error, 'ENOENT')) return null
      throw readFailed(name, error)
    })
    if (!info?.isFile()) {
      throw new AppError({
        code: 'backup.not-found',
        params: { name, folder: backupDir },
        cause: info ? `${path} is not a regular file` : `${path} does not exist`,
      })
    }
    if (info.size > BACKUP_LIMIT.maxBytes) {
      throw new AppError({
        code: 'backup.too-large',
        params: { name, maxBytes: BACKUP_LIMIT.maxBytes },
        cause: `${path} is ${info.size} bytes`,
      })
    }
    try {
      return { name, content: await readFile(path, 'utf8') }
    } catch (error) {
      // V8 strings stop at about 512 Mi characters; a file of valid size can still hold more.
      if (isCode(error, 'ERR_STRING_TOO_LONG')) {
        throw new AppError({
          code: 'backup.too-large',
          params: { name, maxBytes: null },
          cause: describe(error),
        })
      }
      throw readFailed(name, error)
    }
  }

  function readFailed(name: string, error: unknown): AppError {
    return new AppError({
      code: 'backup.read-failed',
      params: { name, folder: backupDir },
      cause: describe(error),
    })
  }

  async function rotate(kind: BackupKind): Promise<void> {
    const keep = BACKUPS_KEPT[kind]
    const entries = await list()
    const sameKind = entries.filter((entry) => entry.kind === kind)
    for (const entry of keep === null ? [] : sameKind.slice(keep)) {
      // A failed delete must not fail the backup that was just written; the next rotation retries.
      await unlink(join(backupDir, entry.name)).catch((error: unknown) => {
        console.warn(`[backup] could not delete old backup ${entry.name}: ${describe(error)}`)
      })
    }
    if (POSIX) await closeToOthers(entries)
  }

  /** Backups written before files were made private get the same mode as new ones. */
  async function closeToOthers(entries: BackupEntry[]): Promise<void> {
    for (const entry of entries) {
      const path = join(backupDir, entry.name)
      const info = await lstat(path).catch(() => null)
      if (info?.isFile() && (info.mode & 0o077) !== 0) {
        await chmod(path, FILE_MODE).catch(() => undefined)
      }
    }
  }

  async function hasDailyToday(): Promise<boolean> {
    const today = localDay(now())
    const candidates = (await list()).filter((entry) => {
      const parsed = parseName(entry.name)
      return entry.kind === 'auto' && parsed !== null && localDay(new Date(parsed.at)) === today
    })
    for (const entry of candidates) {
      try {
        const { content } = await read(entry.name)
        await checkContent(content, 'auto')
        return true
      } catch (error) {
        console.warn(`[backup] today's daily backup ${entry.name} is unusable: ${describe(error)}`)
      }
    }
    return false
  }

  async function removeStaleTempFiles(): Promise<void> {
    const names = await readdir(backupDir).catch(() => [] as string[])
    const cutoff = Date.now() - STALE_TEMP_MS
    for (const name of names) {
      if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue
      const path = join(backupDir, name)
      const info = await lstat(path).catch(() => null)
      if (info?.isFile() && info.mtimeMs < cutoff) await unlink(path).catch(() => undefined)
    }
  }

  return { write, hasDailyToday, list, read }
}

/** True when `name` is a bare backup file name as the contract defines it. */
export function isBackupName(name: string): boolean {
  return (
    backupFileName.safeParse(name).success && basename(name) === name && parseName(name) !== null
  )
}

function parseName(name: string): ParsedName | null {
  const match = NAME_PARTS.exec(name)
  if (!match || !backupFileName.safeParse(name).success) return null
  const kind = match[1] as BackupKind
  if (!BACKUP_KINDS.includes(kind)) return null
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = match
    .slice(2, 8)
    .map(Number)
  const offset = match[8]
  const at =
    offset === undefined
      ? new Date(year, month - 1, day, hours, minutes, seconds).getTime()
      : Date.UTC(year, month - 1, day, hours, minutes, seconds) - offsetMinutes(offset) * 60_000
  return { kind, at, sequence: match[9] ? Number(match[9]) : 1 }
}

/**
 * When a backup was made: the time in its name (copying a file into the folder changes its mtime,
 * not when it was made), as an ISO instant the page shows in its own time zone.
 */
function createdAtOf(name: string, mtime: Date): string {
  return new Date(parseName(name)?.at ?? mtime.getTime()).toISOString()
}

function compareParsed(a: ParsedName, b: ParsedName): number {
  return a.at !== b.at ? a.at - b.at : a.sequence - b.sequence
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `YYYYMMDD` of a date in main's local time. */
function localDay(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`
}

/**
 * `YYYYMMDD-HHMMSS+0700`: the time on the clerk's clock (main's, unless the page gave its offset
 * from UTC), and that offset, which makes it one instant anywhere.
 */
function nameStamp(date: Date, utcOffset = -date.getTimezoneOffset()): string {
  const clock = new Date(date.getTime() + utcOffset * 60_000)
  const day = `${clock.getUTCFullYear()}${pad(clock.getUTCMonth() + 1)}${pad(clock.getUTCDate())}`
  const time = `${pad(clock.getUTCHours())}${pad(clock.getUTCMinutes())}${pad(clock.getUTCSeconds())}`
  const sign = utcOffset < 0 ? '-' : '+'
  const zone = `${sign}${pad(Math.floor(Math.abs(utcOffset) / 60))}${pad(Math.abs(utcOffset) % 60)}`
  return `${day}-${time}${zone}`
}

/** '+0700' → 420, '-0330' → -210. */
function offsetMinutes(written: string): number {
  const minutes = Number(written.slice(1, 3)) * 60 + Number(written.slice(3, 5))
  return written.startsWith('-') ? -minutes : minutes
}

// Encoding a 70 MB backup to UTF-8 in one piece blocks main's event loop for a few hundred ms;
// a slice of this many characters takes a few ms.
const WRITE_SLICE_CHARS = 1 << 20

/** `content` in slices, never splitting a surrogate pair (each half would be written as U+FFFD). */
function* slices(content: string): Generator<string> {
  for (let start = 0; start < content.length;) {
    let end = Math.min(start + WRITE_SLICE_CHARS, content.length)
    const last = content.charCodeAt(end - 1)
    if (end < content.length && last >= 0xd800 && last <= 0xdbff) end -= 1
    yield content.slice(start, end)
    start = end
  }
}

async function writeDurably(path: string, content: string): Promise<void> {
  // 'wx': the temp name is unique, so finding it already there means something is wrong.
  const handle = await open(path, 'wx', FILE_MODE)
  try {
    await writeFile(handle, slices(content), 'utf8')
    // Without fsync a power cut after the rename can leave an empty file under the final name.
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open a folder for this, which is fine
  // because NTFS journals the rename.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Best effort only.
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false
    throw error
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
