import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, Menu } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const { buildMenuTemplate, installApplicationMenu } = await import('../../../../src-main/menu')

type Item = MenuItemConstructorOptions

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label === label)
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`)
  return menu.submenu
}

function item(items: Item[], label: string): Item {
  const found = items.find((entry) => entry.label === label)
  if (!found) throw new Error(`no item ${label}`)
  return found
}

const labels = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label)

beforeEach(() => vi.clearAllMocks())

describe('application menu', () => {
  it('has the Vietnamese top-level menus', () => {
    const template = buildMenuTemplate({ isPackaged: true, sendCommand: vi.fn() })
    expect(template.map((menu) => menu.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp'])
  })

  it('sends the data commands to the renderer', () => {
    const sendCommand = vi.fn()
    const template = buildMenuTemplate({ isPackaged: true, sendCommand })
    const file = submenu(template, 'Tệp')
    expect(labels(file)).toEqual(['Sao lưu ngay', 'Cài đặt', 'Thoát'])
    const click = (entry: Item) => (entry.click as () => void)()
    click(item(file, 'Sao lưu ngay'))
    click(item(file, 'Cài đặt'))
    click(item(submenu(template, 'Trợ giúp'), 'Giới thiệu OCOP Desk'))
    expect(sendCommand.mock.calls).toEqual([['backup-now'], ['open-settings'], ['about']])
    expect(item(file, 'Thoát').role).toBe('quit')
  })

  it('uses the system roles for editing', () => {
    const edit = submenu(buildMenuTemplate({ isPackaged: true, sendCommand: vi.fn() }), 'Chỉnh sửa')
    expect(edit.filter((i) => i.type !== 'separator').map((i) => [i.label, i.role])).toEqual([
      ['Hoàn tác', 'undo'],
      ['Làm lại', 'redo'],
      ['Cắt', 'cut'],
      ['Sao chép', 'copy'],
      ['Dán', 'paste'],
      ['Chọn tất cả', 'selectAll'],
    ])
  })

  it('offers developer tools only in an unpackaged app', () => {
    const packaged = submenu(buildMenuTemplate({ isPackaged: true, sendCommand: vi.fn() }), 'Xem')
    expect(labels(packaged)).toEqual(['Phóng to', 'Thu nhỏ', 'Cỡ thật', 'Toàn màn hình'])
    expect(packaged.some((i) => i.role === 'toggleDevTools')).toBe(false)
    const dev = submenu(buildMenuTemplate({ isPackaged: false, sendCommand: vi.fn() }), 'Xem')
    expect(item(dev, 'Công cụ phát triển').role).toBe('toggleDevTools')
  })

  it('installs the menu and sends commands to the window as menu.command events', () => {
    const window = new BrowserWindow({})
    installApplicationMenu(() => window as never, true)
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as Item[]
    ;(item(submenu(template, 'Tệp'), 'Sao lưu ngay').click as () => void)()
    expect(window.webContents.send).toHaveBeenCalledWith('menu.command', { command: 'backup-now' })
  })
})
