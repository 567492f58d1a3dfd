/**
 * The `file.open`, `file.openMany` and `file.save` channels in the desktop app: the system dialogs pick the path,
 * main reads or writes the bytes, and only a bare file name goes back to the renderer. Paths never
 * cross the boundary, so a compromised page cannot name a file to read or overwrite.
 */
import { basename, dirname, join } from 'node:path'
import {
  app,
  dialog,
  shell,
  type BrowserWindow,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import { AppError } from '@shared/errors'
import type { Channel } from '@shared/ipc/contract'
import type { Handlers, ServiceChannel } from './ipc/dispatch'
import { readChosenFile, writeFileAtomically } from './services/files'
import type { IssuedStore } from './services/issued-store'

export type DialogChannel = Exclude<Channel, ServiceChannel>

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

function filtersOf(
  filters: readonly { name: string; extensions: readonly string[] }[],
): FileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }))
}

/** The dialog channels' handlers; dialogs are modal to the main window when it exists. */
export function createDialogHandlers(
  getWindow: () => BrowserWindow | null,
  issued: IssuedStore,
): Handlers<DialogChannel> {
  const parent = (): BrowserWindow | null => {
    const window = getWindow()
    return window && !window.isDestroyed() ? window : null
  }
  /** The paths the clerk chose in the open dialog; none when cancelled. */
  const choose = async (
    request: { title: string; filters: { name: string; extensions: string[] }[] },
    many: boolean,
  ): Promise<string[]> => {
    const options: OpenDialogOptions = {
      title: request.title.trim() || DEFAULT_OPEN_TITLE,
      buttonLabel: 'Mở',
      filters: filtersOf(request.filters),
      properties: many
        ? ['openFile', 'multiSelections', 'dontAddToRecent']
        : ['openFile', 'dontAddToRecent'],
    }
    const window = parent()
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  }
  return {
    'file.open': async (request) => {
      const paths = await choose(request, false)
      return paths[0] ? readChosenFile(paths[0]) : null
    },
    'file.openMany': async (request) => {
      const paths = await choose(request, true)
      if (paths.length === 0) return null
      const files = []
      // One at a time: each may be large, and a problem names the first file that has one.
      for (const path of paths) files.push(await readChosenFile(path))
      return files
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
    'issued.open': async ({ sha256, ...ref }) => {
      // Only a checked copy in the issued folder is handed to the system, never a path from the page.
      const path = await issued.pathOf(ref, sha256)
      const failure = await shell.openPath(path)
      if (failure !== '') {
        throw new AppError({
          code: 'issued.open-failed',
          params: { file: ref.name, folder: dirname(path) },
          cause: failure,
        })
      }
      return { opened: true }
    },
  }
}
