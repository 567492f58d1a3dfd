/**
 * Reading and writing whole files in main: a file read within a size limit with its problem named
 * in the clerk's words, and a write that leaves either the old file or the complete new one.
 * Plain Node: the Electron app and the web host share it.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '@shared/errors'

/** Larger than any commune spreadsheet; a bigger file is almost certainly the wrong one. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024

export function isBusy(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
}

export function technical(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** Reads a chosen file within the size limit, as a plain Uint8Array (it is sent over IPC). */
export async function readChosenFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = basename(path)
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw new AppError({
      code: 'file.read-failed',
      params: { file: name, problem: isBusy(error) ? 'locked' : 'gone' },
      cause: technical(error),
      where: { file: name },
    })
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      throw new AppError({
        code: 'file.not-a-file',
        params: { file: name },
        where: { file: name },
      })
    }
    if (stats.size > MAX_OPEN_BYTES) {
      throw new AppError({
        code: 'file.too-large',
        params: { file: name, bytes: stats.size, maxBytes: MAX_OPEN_BYTES },
        cause: `${stats.size} bytes > ${MAX_OPEN_BYTES}`,
        where: { file: name },
      })
    }
    const buffer = await handle.readFile()
    // The size is checked again after reading: the file may have grown since `stat`.
    if (buffer.byteLength > MAX_OPEN_BYTES) {
      throw new AppError({
        code: 'file.too-large',
        params: { file: name, maxBytes: MAX_OPEN_BYTES },
        cause: `${buffer.byteLength} bytes after read`,
        where: { file: name },
      })
    }
    return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError({
      code: 'file.read-failed',
      params: { file: name, problem: 'unreadable' },
      cause: technical(error),
      where: { file: name },
    })
  } finally {
    await handle.close()
  }
}

/**
 * Writes next to the target and renames over it, so a crash or a full disk leaves either the old
 * file or the complete new one, never a truncated report.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const name = basename(path)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw new AppError({
      code: 'file.write-failed',
      params: { file: name, busy: isBusy(error) },
      cause: technical(error),
      where: { file: name },
    })
  }
}
