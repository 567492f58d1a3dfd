/**
 * The Vietnamese application menu. Commands that act on the clerk's data (backup, settings, about)
 * are sent to the renderer as `menu.command` events, because the data and its stores live there.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc/contract'

export interface MenuOptions {
  /** Developer tools are a way into the page's data and IPC: never in a shipped build. */
  isPackaged: boolean
  sendCommand(command: MenuCommand): void
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string) => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.sendCommand(name),
  })
  const view: MenuItemConstructorOptions[] = [
    { label: 'Phóng to', role: 'zoomIn' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { label: 'Cỡ thật', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' },
  ]
  if (!options.isPackaged) {
    view.push(
      { type: 'separator' },
      { label: 'Tải lại', role: 'reload' },
      { label: 'Công cụ phát triển', role: 'toggleDevTools' },
    )
  }
  return [
    {
      label: 'Tệp',
      submenu: [
        command('Sao lưu ngay', 'backup-now', 'CmdOrCtrl+Shift+S'),
        command('Cài đặt', 'open-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [command('Giới thiệu OCOP Desk', 'about')] },
  ]
}

export function installApplicationMenu(
  getWindow: () => BrowserWindow | null,
  isPackaged: boolean,
): void {
  const template = buildMenuTemplate({
    isPackaged,
    sendCommand: (command) => {
      const window = getWindow()
      if (window && !window.isDestroyed()) window.webContents.send('menu.command', { command })
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
