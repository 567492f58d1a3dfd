import { expect, test } from '@playwright/test'
import { openApp } from './helpers'

test('first start shows the Vietnamese shell with every section and no invented figures', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await openApp(page)
  const nav = page.getByRole('navigation')
  for (const section of [
    'Tổng quan',
    'Sản phẩm',
    'Xếp hạng sao',
    'Chủ thể',
    'Đơn vị hành chính',
    'Kế hoạch',
    'Nhập dữ liệu',
    'Báo cáo',
    'Cài đặt',
  ]) {
    await expect(nav.getByText(section, { exact: true })).toBeVisible()
  }
  await expect(page.getByText('Chưa nhập đủ thông tin cơ quan')).toBeVisible()
  await expect(page.getByTestId('units-valid')).toContainText('0')
  await expect(page.getByText('Sổ chưa có sản phẩm nào.')).toBeVisible()

  // The API the renderer talks to exists and answers (a broken host would still render the page).
  const info = await page.evaluate(async () => {
    const api = (window as unknown as { api: { appInfo(): Promise<unknown> } }).api
    return api.appInfo()
  })
  expect(info).toMatchObject({ ok: true, value: { host: 'web' } })

  // Empty lists say what to do.
  await nav.getByText('Kế hoạch').click()
  await expect(page.getByText('Chưa có kế hoạch nào.')).toBeVisible()
  // Reports say the office identity is missing; the products report of an empty register says
  // there is none, and its summary counts 0.
  await nav.getByText('Báo cáo').click()
  await expect(page.getByText('Thông tin cơ quan chưa đủ')).toBeVisible()
  await expect(page.getByTestId('report-preview')).toContainText(
    'chưa có sản phẩm OCOP nào còn hiệu lực.',
  )
  await expect(
    page.getByTestId('report-table-1').locator('tr[data-row-kind="total"] td').nth(2),
  ).toHaveText('0')
  expect(errors).toEqual([])
})

test('the font that covers Vietnamese is bundled, not fetched', async ({ page }) => {
  const remote: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) remote.push(request.url())
  })
  await openApp(page)
  await page.evaluate(() => document.fonts.ready)
  const loaded = await page.evaluate(() =>
    document.fonts.check('16px "Be Vietnam Pro"', 'Đường Hào ỹ'),
  )
  expect(loaded).toBe(true)
  expect(remote).toEqual([])
})
