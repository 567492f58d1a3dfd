import { defineConfig } from '@playwright/test'

// The Electron suite drives the built app (out/main/index.js) through Playwright's `_electron`.
// It needs the Electron binary, which the build machines cannot download: there the suite skips
// itself with a one-line reason, and it runs for real on Windows CI (.github/workflows/electron-e2e.yml).
export default defineConfig({
  testDir: 'tests/e2e-electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e-electron',
  use: { trace: 'retain-on-failure' },
})
