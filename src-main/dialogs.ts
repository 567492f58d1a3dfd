/**
 * The `file.open` and `file.save` channels in the desktop app: the system dialogs pick the path,
 * main reads or writes the bytes, and only a bare file name goes back to the renderer. Paths never
 * cross the boundary, so a compromised page cannot name a file to read or overwrite.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  app,
  dialog,
  type BrowserWindow,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import { AppError } from '@shared/errors'
import type { Channel } from '@shared/ipc/contract'
import type { Handlers, ServiceChannel } from './ipc/dispatch'

export type DialogChannel = Exclude<Channel, ServiceChannel>

/** Larger than any commune spreadsheet; a bigger file is almost certainly the wrong one. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024

const DEFAULT_OPEN_TITLE = 'Chọn tệp'
const DEFAULT_SAVE_TITLE = 'Lưu tệp'

/**
 * Windows refuses these characters in file names; a suggested name from the renderer is also cut
 * to its last segment so it can only ever pre-fill a name, never a folder.
 */
export function safeFileName(suggestedName: string): string {
  const lastSegment = suggestedName.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = lastSegment.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '')
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'tep' : cleaned
}

function isBusy(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
}

function technical(error: unknown): string {
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

function filtersOf(
  filters: readonly { name: string; extensions: readonly string[] }[],
): FileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }))
}

/** The dialog channels' handlers; dialogs are modal to the main window when it exists. */
export function createDialogHandlers(
  getWindow: () => BrowserWindow | null,
): Handlers<DialogChannel> {
  const parent = (): BrowserWindow | null => {
    const window = getWindow()
    return window && !window.isDestroyed() ? window : null
  }
  return {
    'file.open': async (request) => {
      const options: OpenDialogOptions = {
        title: request.title.trim() || DEFAULT_OPEN_TITLE,
        buttonLabel: 'Mở',
        filters: filtersOf(request.filters),
        properties: ['openFile', 'dontAddToRecent'],
      }
      const window = parent()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      const path = result.filePaths[0]
      if (result.canceled || !path) return null
      return readChosenFile(path)
    },
    'file.save': async (request) => {
      const options: SaveDialogOptions = {
        title: request.title.trim() || DEFAULT_SAVE_TITLE,
        buttonLabel: 'Lưu',
        defaultPath: join(app.getPath('documents'), safeFileName(request.suggestedName)),
        filters: filtersOf(request.filters),
        properties: ['showOverwriteConfirmation', 'dontAddToRecent'],
      }
      const window = parent()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return { saved: false }
      await writeFileAtomically(result.filePath, request.bytes)
      return { saved: true, name: basename(result.filePath) }
    },
    'report.printPdf': async (request) => {
      const window = parent()
      if (!window) return { saved: false }
      // The page's print style shows the report alone; @page in it sets A4, margins, numbering.
      const pdf = await window.webContents.printToPDF({
        landscape: request.landscape,
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      })
      const result = await dialog.showSaveDialog(window, {
        title: request.title.trim() || DEFAULT_SAVE_TITLE,
        buttonLabel: 'Lưu',
        defaultPath: join(app.getPath('documents'), safeFileName(request.suggestedName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation', 'dontAddToRecent'],
      })
      if (result.canceled || !result.filePath) return { saved: false }
      await writeFileAtomically(result.filePath, new Uint8Array(pdf))
      return { saved: true, name: basename(result.filePath) }
    },
  }
}
