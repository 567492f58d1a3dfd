import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

// Each run gets a fresh data folder for the web host (backups land there).
const dataDir = process.env.OCOP_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'ocop-e2e-'))
process.env.OCOP_E2E_DATA = dataDir
const port = Number(process.env.OCOP_E2E_PORT ?? 5199)
// The web host's access token for this run: the server reads it from the environment, the tests
// open `/?token=…` with it (helpers.ts). Set once here so the workers, which load this file again,
// share it.
process.env.OCOP_WEB_TOKEN ??= randomBytes(32).toString('base64url')

/** Debian's Chromium; Playwright cannot download its own browsers on the build machines. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: chromiumLaunch,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    // As a clerk with Windows' animations turned off: dialogs and menus appear at once, so a test's
    // click never lands on one still moving in (clicks were lost that way on a loaded CI machine).
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node tools/ensure-built.mjs && node out/main/web-host.js --port ${port} --data "${dataDir}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
