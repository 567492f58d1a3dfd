import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_OPEN_BYTES } from '../../../../src-main/services/files'
import { createIssuedStore } from '../../../../src-main/services/issued-store'
import { app, BrowserWindow, dialog, shell } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const { createDialogHandlers, safeFileName } = await import('../../../../src-main/dialogs')

let folder: string
const window = new BrowserWindow({})
const issuedFolder = mkdtempSync(join(tmpdir(), 'ocop-issued-'))
const issued = createIssuedStore(issuedFolder)
const handlers = createDialogHandlers(() => window as never, issued)
const filters = [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]

beforeEach(() => {
  vi.clearAllMocks()
  folder = mkdtempSync(join(tmpdir(), 'ocop-dialogs-'))
  app.getPath.mockImplementation((name: string) => join(folder, name))
})

afterEach(() => rmSync(folder, { recursive: true, force: true }))
afterAll(() => rmSync(issuedFolder, { recursive: true, force: true }))

describe('file.open', () => {
  it('returns the bytes and the bare name of the chosen file', async () => {
    const file = join(folder, 'Danh sách xã.xlsx')
    writeFileSync(file, Uint8Array.from([0x50, 0x4b, 3, 4]))
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] })
    const result = await handlers['file.open']({ title: 'Chọn tệp của xã', filters })
    expect(result).toEqual({
      name: 'Danh sách xã.xlsx',
      bytes: Uint8Array.from([0x50, 0x4b, 3, 4]),
    })
    expect(result?.bytes.constructor).toBe(Uint8Array)
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ title: 'Chọn tệp của xã', filters, buttonLabel: 'Mở' }),
    )
  })

  it('returns null when the clerk cancels', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] })
    await expect(handlers['file.open']({ title: '', filters })).resolves.toBeNull()
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ title: 'Chọn tệp' }),
    )
  })

  it('refuses a file over 200 MiB with a Vietnamese message naming it', async () => {
    const file = join(folder, 'quá lớn.xlsx')
    writeFileSync(file, '')
    truncateSync(file, MAX_OPEN_BYTES + 1) // sparse: no disk space used
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] })
    await expect(handlers['file.open']({ title: 'Mở', filters })).rejects.toMatchObject({
      name: 'AppError',
      code: 'file.too-large',
      message: expect.stringMatching(/“quá lớn\.xlsx”.*200 MiB/),
    })
  })

  it('reports a file that vanished as a Vietnamese AppError', async () => {
    dialog.showOpenDialog.mockResolvedValue({
      canceled: false,
      filePaths: [join(folder, 'đã xoá.xlsx')],
    })
    await expect(handlers['file.open']({ title: 'Mở', filters })).rejects.toMatchObject({
      code: 'file.read-failed',
      where: { file: 'đã xoá.xlsx' },
    })
  })
})

describe('file.openMany', () => {
  it('lets the clerk choose several files and returns each with its bare name', async () => {
    const first = join(folder, '01-phieu-cham-an.xlsx')
    const second = join(folder, 'phieu-cham-dot-1.zip')
    writeFileSync(first, Uint8Array.from([0x50, 0x4b, 1]))
    writeFileSync(second, Uint8Array.from([0x50, 0x4b, 2]))
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [first, second] })

    const result = await handlers['file.openMany']({ title: 'Chọn phiếu chấm', filters })

    expect(result).toEqual([
      { name: '01-phieu-cham-an.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 1]) },
      { name: 'phieu-cham-dot-1.zip', bytes: Uint8Array.from([0x50, 0x4b, 2]) },
    ])
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Chọn phiếu chấm',
        properties: expect.arrayContaining(['openFile', 'multiSelections']),
      }),
    )
  })

  it('returns null when the clerk cancels, and names a chosen file that is too large', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await expect(handlers['file.openMany']({ title: '', filters })).resolves.toBeNull()

    const large = join(folder, 'quá lớn.zip')
    writeFileSync(large, '')
    truncateSync(large, MAX_OPEN_BYTES + 1)
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [large] })
    await expect(handlers['file.openMany']({ title: 'Mở', filters })).rejects.toMatchObject({
      code: 'file.too-large',
      where: { file: 'quá lớn.zip' },
    })
  })
})

describe('file.save', () => {
  const bytes = Uint8Array.from([1, 2, 3])

  it('suggests the name in Documents and writes the bytes', async () => {
    const target = join(folder, 'Báo cáo OCOP 2025.xlsx')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const result = await handlers['file.save']({
      title: 'Lưu báo cáo',
      suggestedName: 'Báo cáo OCOP 2025.xlsx',
      filters,
      bytes,
    })
    expect(result).toEqual({ saved: true, name: 'Báo cáo OCOP 2025.xlsx' })
    expect([...readFileSync(target)]).toEqual([1, 2, 3])
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: join(folder, 'documents', 'Báo cáo OCOP 2025.xlsx'),
      }),
    )
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('replaces an existing file whole', async () => {
    const target = join(folder, 'cũ.xlsx')
    writeFileSync(target, 'old content that is longer')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    await handlers['file.save']({ title: 'Lưu', suggestedName: 'cũ.xlsx', filters, bytes })
    expect([...readFileSync(target)]).toEqual([1, 2, 3])
  })

  it('saves nothing when the clerk cancels', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    await expect(
      handlers['file.save']({ title: 'Lưu', suggestedName: 'x.xlsx', filters, bytes }),
    ).resolves.toEqual({ saved: false })
  })

  it('fails with a Vietnamese AppError when the folder cannot be written', async () => {
    const target = join(folder, 'không có', 'thư mục.xlsx')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    await expect(
      handlers['file.save']({ title: 'Lưu', suggestedName: 'x.xlsx', filters, bytes }),
    ).rejects.toMatchObject({ code: 'file.write-failed', message: /Không lưu được tệp/ })
  })

  it('keeps a suggested name from reaching outside the default folder', () => {
    expect(safeFileName('..\\..\\Windows\\system.ini')).toBe('system.ini')
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('Báo cáo: quý 1?.xlsx')).toBe('Báo cáo_ quý 1_.xlsx')
    expect(safeFileName('..')).toBe('tep')
  })
})

describe('report.printPdf', () => {
  it('prints the page to an A4 PDF in the orientation asked and saves it where the clerk chose', async () => {
    const target = join(folder, 'danh-sach.pdf')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const result = await handlers['report.printPdf']({
      title: 'Xuất PDF',
      suggestedName: 'danh-sach.pdf',
      landscape: true,
    })
    expect(result).toEqual({ saved: true, name: 'danh-sach.pdf' })
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ landscape: true, pageSize: 'A4', preferCSSPageSize: true }),
    )
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 báo cáo')
  })

  it('writes nothing when the clerk cancels the save dialog', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    const result = await handlers['report.printPdf']({
      title: '',
      suggestedName: 'x.pdf',
      landscape: false,
    })
    expect(result).toEqual({ saved: false })
    expect(readdirSync(folder)).toEqual([])
  })
})

describe('issued.open', () => {
  const documentId = '0b6f5a52-4c1e-4f7a-9d55-2f3a1c9e7b10'
  const bytes = Uint8Array.from([0x50, 0x4b, 3, 4, 9])

  it('hands the system only a kept copy that is still the issued file', async () => {
    const kept = await issued.keep({ documentId, name: 'so-06-bc-ubnd.docx' }, bytes)
    await expect(
      handlers['issued.open']({ documentId, name: kept.name, sha256: kept.sha256 }),
    ).resolves.toEqual({ opened: true })
    expect(shell.openPath).toHaveBeenCalledWith(
      join(issuedFolder, documentId, 'so-06-bc-ubnd.docx'),
    )

    vi.clearAllMocks()
    await expect(
      handlers['issued.open']({ documentId, name: kept.name, sha256: '0'.repeat(64) }),
    ).rejects.toMatchObject({ code: 'issued.changed', message: /không còn giống tệp đã phát hành/ })
    expect(shell.openPath).not.toHaveBeenCalled()
  })

  it('says in Vietnamese when no program opens the file', async () => {
    const kept = await issued.keep({ documentId, name: 'so-06-bc-ubnd.docx' }, bytes, true)
    shell.openPath.mockResolvedValueOnce('No application is associated with the file')
    await expect(
      handlers['issued.open']({ documentId, name: kept.name, sha256: kept.sha256 }),
    ).rejects.toMatchObject({
      code: 'issued.open-failed',
      message: /Không mở được “so-06-bc-ubnd\.docx”/,
    })
  })
})
