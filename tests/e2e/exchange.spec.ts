import { expect, test, type Browser, type Page } from '@playwright/test'
import { seedRegister } from '../bench/seed-register.mjs'
import { loadMyHaoUnits, openApp } from './helpers'

// Two browser profiles are two offices: each has its own IndexedDB, as two PCs have.
async function officeProfile(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 690 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await openApp(page)
  await loadMyHaoUnits(page)
  return page
}

const nav = (page: Page, section: string) =>
  page.getByRole('navigation').getByText(section, { exact: true }).click()

/** Creates the office's exchange identity in Cài đặt; returns its key's fingerprint. */
async function createIdentity(page: Page, name: string): Promise<string> {
  await nav(page, 'Cài đặt')
  const card = page.getByTestId('identity-card')
  await card.getByRole('button', { name: 'Tạo danh tính' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('input[name="name"]').fill(name)
  await dialog.getByRole('button', { name: 'Tạo danh tính' }).click()
  await expect(page.getByText('Đã tạo danh tính trao đổi dữ liệu.')).toBeVisible()
  return (await card.getByTestId('identity-fingerprint').textContent())!.trim()
}

test('a commune sends its register, the district previews, merges and undoes it', async ({
  browser,
}) => {
  const commune = await officeProfile(browser)
  await seedRegister(commune, 3, 2)
  await openApp(commune)
  const communeFingerprint = await createIdentity(commune, 'UBND xã Cẩm Xá')

  await nav(commune, 'Trao đổi dữ liệu')
  await commune.getByTestId('send-full').click()
  const download = commune.waitForEvent('download')
  await commune.getByTestId('send-package').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^ocop-ubnd-xa-cam-xa-\d{8}-day-du\.ocop$/)
  await expect(commune.getByText(/Đã lưu gói .*3 Sản phẩm, 6 Kết quả đánh giá/)).toBeVisible()
  const packagePath = await file.path()

  const district = await officeProfile(browser)
  await createIdentity(district, 'Phòng Kinh tế thị xã Mỹ Hào')
  await nav(district, 'Trao đổi dữ liệu')
  await district.locator('.n-tabs-tab', { hasText: 'Nhận dữ liệu' }).click()
  const chooser = district.waitForEvent('filechooser')
  await district.getByTestId('receive-pick').click()
  await (await chooser).setFiles(packagePath)

  const preview = district.getByTestId('receive-preview')
  await expect(preview).toContainText('Gói của UBND xã Cẩm Xá')
  // First contact: the fingerprint is the one the commune reads out, and must be confirmed.
  await expect(district.getByTestId('sender-fingerprint')).toHaveText(communeFingerprint)
  const outcome = district.getByTestId('receive-outcome')
  await expect(outcome.getByRole('row', { name: /^Sản phẩm 3 0 0 0 0$/ })).toBeVisible()
  await expect(outcome.getByRole('row', { name: /^Kết quả đánh giá 6 0 0 0 0$/ })).toBeVisible()
  const commit = district.getByTestId('receive-commit')
  await expect(commit).toBeDisabled()
  await district.getByTestId('confirm-fingerprint').click()
  await commit.click()
  await district.getByRole('dialog').getByRole('button', { name: 'Ghi vào sổ' }).click()
  await expect(district.getByText('Đã ghi gói của UBND xã Cẩm Xá.')).toBeVisible()

  // The records are the commune's here, named by their office.
  await nav(district, 'Sản phẩm')
  const row = district.getByRole('row', { name: /số 1/ }).first()
  await expect(row).toContainText('UBND xã Cẩm Xá')
  // Editing one is refused, saying why: its owner edits it and sends it again.
  await row.getByRole('link').click()
  const readOnly = 'Dữ liệu của UBND xã Cẩm Xá — chỉ xem; đơn vị đó sửa và gửi lại'
  await expect(district.getByTestId('product-origin')).toHaveText(readOnly)
  await expect(district.getByTestId('product-edit')).toBeDisabled()
  await expect(district.getByTestId('product-edit')).toHaveAttribute('title', readOnly)

  // The office is known from now on, with its package.
  await nav(district, 'Trao đổi dữ liệu')
  await district.locator('.n-tabs-tab', { hasText: 'Đơn vị gửi' }).click()
  await expect(district.getByTestId('exchange-offices')).toContainText('UBND xã Cẩm Xá')
  await expect(district.getByTestId('exchange-offices')).toContainText('3 Sản phẩm')

  // Undo puts the register back: no product of the commune is left.
  await district.locator('.n-tabs-tab', { hasText: 'Nhận dữ liệu' }).click()
  await district.getByTestId('receive-history').getByRole('button', { name: 'Hoàn tác' }).click()
  await district.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(district.getByTestId('receive-history')).toContainText('Đã hoàn tác')
  await nav(district, 'Sản phẩm')
  await expect(district.getByRole('row', { name: /số 1/ })).toHaveCount(0)
})
