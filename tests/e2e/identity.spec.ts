import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { dumpDatabase, loadMyHaoUnits, openApp } from './helpers'

// The content sizes clerks have (layout.spec.ts): the card and its warning are looked at in both.
const SIZES = [
  { width: 1366, height: 690 },
  { width: 1536, height: 864 },
]
const FINGERPRINT = /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/

const card = (page: Page) => page.getByTestId('identity-card')
const nav = (page: Page, section: string) =>
  page.getByRole('navigation').getByText(section, { exact: true }).click()

/** The fingerprint of a raw public key (base64) as two clerks read it on the phone. */
function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256')
    .update(Buffer.from(publicKey, 'base64'))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}

/** The identity the register keeps, read straight from IndexedDB. */
async function storedIdentity(page: Page) {
  const settings = (await dumpDatabase(page)).settings as { key: string; value: unknown }[]
  return settings.find((s) => s.key === 'exchange.identity')?.value as
    { officeId: string; publicKey: string; name: string; unitCode: string } | undefined
}

/** Waits until the passing messages ("Đã lưu …") are gone, for a screenshot of what stays. */
async function toastsGone(page: Page) {
  await expect(page.locator('.n-message')).toHaveCount(0)
}

/** Creates the identity in Cài đặt on the Mỹ Hào units: Thượng Hồng, whose code is 12127. */
async function createIdentity(page: Page) {
  await nav(page, 'Cài đặt')
  await card(page).getByRole('button', { name: 'Tạo danh tính' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('input[name="name"]').fill('Phòng Kinh tế thị xã Mỹ Hào')
  await dialog.getByTestId('identity-unit').click()
  await page.keyboard.type('thuong hong')
  await page.keyboard.press('Enter')
  await dialog.getByRole('button', { name: 'Tạo danh tính' }).click()
  await expect(page.getByText('Đã tạo danh tính trao đổi dữ liệu.')).toBeVisible()
}

/** Backs up through Cài đặt; returns the backup's file name. */
async function backupNow(page: Page): Promise<string> {
  await nav(page, 'Cài đặt')
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click()
  const saved = page.getByText(/Đã sao lưu: ocop-desk-manual-/).last()
  await expect(saved).toBeVisible()
  return /ocop-desk-manual-[\d+-]+\.json/.exec((await saved.textContent()) ?? '')![0]
}

/**
 * Opens the app in another browser profile — another PC — and restores there the backup file
 * `name`, carried over as a clerk does on a USB stick.
 */
async function restoreOnAnotherPc(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.setViewportSize(SIZES[0]!)
  await openApp(page, '#/cai-dat')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click()
  await (await chooser).setFiles(join(process.env.OCOP_E2E_DATA!, 'backups', name))
  await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click()
  await expect(page.getByText(/Đã khôi phục dữ liệu từ/)).toBeVisible()
  return page
}

test('the clerk creates the exchange identity in Cài đặt and reads its fingerprint', async ({
  page,
}, testInfo) => {
  await page.setViewportSize(SIZES[0]!)
  await openApp(page)
  await loadMyHaoUnits(page)
  await nav(page, 'Cài đặt')
  await expect(card(page)).toContainText('ký bằng danh tính này')
  await expect(card(page)).toContainText('qua điện thoại một lần')

  await createIdentity(page)
  const stored = (await storedIdentity(page))!
  await expect(card(page).getByTestId('identity-name')).toHaveText('Phòng Kinh tế thị xã Mỹ Hào')
  await expect(card(page).getByTestId('identity-unit-shown')).toHaveText('Thượng Hồng (mã 12127)')
  await expect(card(page).getByTestId('identity-office-id')).toHaveText(stored.officeId)
  const fingerprint = card(page).getByTestId('identity-fingerprint')
  await expect(fingerprint).toHaveText(FINGERPRINT)
  await expect(fingerprint).toHaveText(fingerprintOf(stored.publicKey))
  await expect(card(page).getByRole('button', { name: 'Tạo danh tính' })).toHaveCount(0)
  await toastsGone(page)
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await card(page).scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`danh-tinh-${size.width}.png`) })
  }
  // One click selects the whole fingerprint, ready for Ctrl+C.
  await fingerprint.click()
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(
    fingerprintOf(stored.publicKey),
  )

  // The name and area stay editable; the id and the key do not change.
  await card(page).getByRole('button', { name: 'Sửa tên và địa bàn' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.locator('input[name="name"]')).toHaveValue('Phòng Kinh tế thị xã Mỹ Hào')
  await expect(dialog.getByTestId('identity-unit')).toContainText('Thượng Hồng (mã 12127)')
  await dialog.locator('input[name="name"]').fill('Ủy ban nhân dân phường Thượng Hồng')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã lưu tên và địa bàn.')).toBeVisible()
  await expect(card(page).getByTestId('identity-name')).toHaveText(
    'Ủy ban nhân dân phường Thượng Hồng',
  )
  await expect(card(page).getByTestId('identity-office-id')).toHaveText(stored.officeId)
  await expect(fingerprint).toHaveText(fingerprintOf(stored.publicKey))

  // Still there when the app starts again.
  await openApp(page, '#/cai-dat')
  await expect(card(page).getByTestId('identity-fingerprint')).toHaveText(
    fingerprintOf(stored.publicKey),
  )
  await expect(page.getByTestId('identity-notice')).toHaveCount(0)
})

test('a backup restored on another PC is noticed, and the clerk chooses which PC keeps the identity', async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize(SIZES[0]!)
  await openApp(page)
  await loadMyHaoUnits(page)
  await createIdentity(page)
  // A producer made on the first PC, before the backup.
  await nav(page, 'Chủ thể')
  await page.getByRole('button', { name: 'Thêm chủ thể' }).click()
  await page.getByRole('dialog').locator('input[name="name"]').fill('HTX Tương Bần')
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã thêm chủ thể HTX Tương Bần.')).toBeVisible()
  const first = (await storedIdentity(page))!
  const backup = await backupNow(page)

  // The second PC takes a new identity: what the first PC made is the old office's, read-only.
  const second = await restoreOnAnotherPc(browser, backup)
  // Every screen says so, with the way to the choice.
  const notice = second.getByTestId('identity-notice')
  await expect(notice).toContainText('danh tính trao đổi dữ liệu của một máy khác')
  await nav(second, 'Tổng quan')
  await toastsGone(second)
  for (const size of SIZES) {
    await second.setViewportSize(size)
    await expect(notice).toBeInViewport()
    await second.screenshot({ path: testInfo.outputPath(`thong-bao-may-khac-${size.width}.png`) })
  }
  await notice.getByRole('button', { name: 'Chọn ở Cài đặt' }).click()
  const warning = second.getByTestId('identity-other-install')
  await expect(warning).toBeInViewport()
  await expect(card(second).getByRole('button', { name: 'Sửa tên và địa bàn' })).toHaveCount(0)
  for (const size of SIZES) {
    await second.setViewportSize(size)
    await warning.scrollIntoViewIfNeeded()
    await second.screenshot({ path: testInfo.outputPath(`danh-tinh-may-khac-${size.width}.png`) })
  }

  await warning.getByRole('button', { name: 'Máy này nhận danh tính mới' }).click()
  const confirm = second.getByRole('dialog')
  await expect(confirm).toContainText(
    'trở thành của đơn vị cũ "Phòng Kinh tế thị xã Mỹ Hào", ở máy này chỉ xem được',
  )
  await second.screenshot({ path: testInfo.outputPath('danh-tinh-nhan-moi.png') })
  await confirm.getByRole('button', { name: 'Máy này nhận danh tính mới' }).click()
  await expect(second.getByText('Máy này đã nhận danh tính mới; 1 bản ghi')).toBeVisible()
  await expect(notice).toHaveCount(0)
  await expect(warning).toHaveCount(0)
  const taken = (await storedIdentity(second))!
  expect(taken.officeId).not.toBe(first.officeId)
  await expect(card(second).getByTestId('identity-office-id')).toHaveText(taken.officeId)
  await expect(card(second).getByTestId('identity-fingerprint')).toHaveText(
    fingerprintOf(taken.publicKey),
  )
  const tables = await dumpDatabase(second)
  expect(tables.producers).toEqual([
    expect.objectContaining({
      name: 'HTX Tương Bần',
      origin: expect.objectContaining({ office: first.officeId }),
    }),
  ])
  expect(tables.offices).toEqual([
    expect.objectContaining({
      id: first.officeId,
      name: 'Phòng Kinh tế thị xã Mỹ Hào',
      publicKey: first.publicKey,
    }),
  ])
  await second.context().close()

  // A third PC keeps the identity instead: nothing else changes.
  const third = await restoreOnAnotherPc(browser, backup)
  await third.getByTestId('identity-notice').getByRole('button', { name: 'Chọn ở Cài đặt' }).click()
  await third
    .getByTestId('identity-other-install')
    .getByRole('button', { name: 'Máy này giữ danh tính' })
    .click()
  await expect(third.getByRole('dialog')).toContainText('Máy kia phải chọn danh tính mới')
  await third.getByRole('dialog').getByRole('button', { name: 'Máy này giữ danh tính' }).click()
  await expect(third.getByText('Máy này giữ danh tính trao đổi dữ liệu.')).toBeVisible()
  await expect(third.getByTestId('identity-notice')).toHaveCount(0)
  await expect(card(third).getByTestId('identity-office-id')).toHaveText(first.officeId)
  const kept = await dumpDatabase(third)
  expect(kept.producers).toEqual([expect.not.objectContaining({ origin: expect.anything() })])
  expect(kept.offices).toEqual([])
  await third.context().close()
})
