import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { CHANNELS, contract } from '../../src-shared/ipc/contract'

const root = resolve(__dirname, '../..')

/**
 * The Electron executable, or null when it is not installed. `require('electron')` alone would try
 * to download a missing binary (Electron 45 downloads lazily), so its path.txt and dist/ are
 * checked first and the package is only required once the binary is known to be there.
 */
function electronBinary(): string | null {
  try {
    const requireFromRoot = createRequire(join(root, 'package.json'))
    const packageDir = dirname(requireFromRoot.resolve('electron/package.json'))
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const pathFile = join(packageDir, 'path.txt')
      if (!existsSync(pathFile)) return null
      if (!existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return null
    }
    const executable = requireFromRoot('electron') as unknown
    return typeof executable === 'string' && existsSync(executable) ? executable : null
  } catch {
    return null
  }
}

const executablePath = electronBinary()
if (!executablePath) {
  test.skip(
    true,
    'Electron binary not installed on this machine (cannot be downloaded here); run on Windows/CI with network',
  )
}

/** Starts the built app on a throw-away data folder, failing loudly on any main-process error. */
async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  }
  const app = await electron.launch({
    executablePath: executablePath!,
    // The project folder: Electron reads package.json (name, version, main) as the packaged app does.
    args: ['.'],
    cwd: root,
    env: { ...env, OCOP_USER_DATA: userData, OCOP_STRICT: '1' },
  })
  const page = await app.firstWindow()
  // Only the page load is awaited here: a broken preload or renderer must fail the test that
  // checks it, with its own message, rather than time out inside this helper.
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

let userData: string

test.beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'ocop-electron-'))
})

test.afterEach(() => {
  rmSync(userData, { recursive: true, force: true })
})

test('the window opens as OCOP Desk on the app origin', async () => {
  const { app, page } = await launch(userData)
  try {
    const title = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    )
    expect(title).toContain('OCOP Desk')
    expect(new URL(page.url()).protocol).toBe('app:')
    expect(page.url()).toMatch(/^app:\/\/ocop-desk\//)
  } finally {
    await app.close()
  }
})

test('the preload exposes window.api with exactly the contract methods', async () => {
  // A failed preload still opens the page, so the API is checked directly.
  const { app, page } = await launch(userData)
  try {
    const methods = await page.evaluate(() => {
      const api = (globalThis as unknown as { api?: Record<string, unknown> }).api
      return api ? Object.keys(api).sort() : null
    })
    expect(methods).toEqual([...CHANNELS.map((channel) => contract[channel].method), 'on'].sort())
    const info = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          api: { appInfo(): Promise<{ ok: boolean; value: { host: string } }> }
        }
      ).api
      return api.appInfo()
    })
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } })
    expect(
      await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require),
    ).toBe('undefined')
  } finally {
    await app.close()
  }
})

test('the Vietnamese sidebar shows Cài đặt', async () => {
  const { app, page } = await launch(userData)
  try {
    await expect(page.getByRole('navigation').getByText('Cài đặt')).toBeVisible()
  } finally {
    await app.close()
  }
})

test('the office name saved in Cài đặt is still there after the app restarts', async () => {
  let { app, page } = await launch(userData)
  try {
    await page.getByRole('navigation').getByText('Cài đặt').click()
    await page.getByLabel('Tên cơ quan ban hành').fill('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    await page.getByLabel('Tên cơ quan ban hành').press('Enter')
    await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible()
  } finally {
    await app.close()
  }

  // Same data folder, new process: IndexedDB under app://ocop-desk must come back.
  ;({ app, page } = await launch(userData))
  try {
    await page.getByRole('navigation').getByText('Cài đặt').click()
    await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue(
      'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
    )
  } finally {
    await app.close()
  }
})

test('a commune file dropped on the window is read by the Excel worker and imported', async () => {
  const { app, page } = await launch(userData)
  try {
    const file = '01_clean_list.xlsx'
    const base64 = readFileSync(join(root, 'tests/fixtures/commune', file)).toString('base64')
    await expect(page.getByRole('navigation').getByText('Cài đặt')).toBeVisible()
    const transfer = await page.evaluateHandle(
      ({ base64, file }) => {
        const data = new DataTransfer()
        data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], file))
        return data
      },
      { base64, file },
    )
    // Dropped anywhere: the window opens Nhập dữ liệu with the file.
    await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer })
    await expect(page.getByTestId('import-filter-new')).toHaveText('Mới (20)')
    await page.getByTestId('import-commit').click()
    await expect(page.getByText(`Đã nhập tệp ${file}: 20 dòng mới`)).toBeVisible()
  } finally {
    await app.close()
  }
})
