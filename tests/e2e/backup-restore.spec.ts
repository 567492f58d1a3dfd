import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import {
  parseBackup,
  serializeBackup,
  type BackupTables,
  type ParsedBackup,
} from '../../src-shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION } from '../../src-shared/db/schema'
import type { Producer, Product } from '../../src-shared/db/records'
import { dumpDatabase, loadMyHaoUnits, openApp, openPracticeRegister } from './helpers'

test('back up, change, restore: the data is exactly as it was', async ({ page }) => {
  await openApp(page, '#/cai-dat')
  await page.getByLabel('Tên cơ quan ban hành').fill('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click()
  await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible()
  await loadMyHaoUnits(page)
  const before = await dumpDatabase(page)

  await page.getByRole('navigation').getByText('Cài đặt').click()
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click()
  await expect(page.getByText(/Đã sao lưu: ocop-desk-manual-/)).toBeVisible()
  const backupRow = page.getByTestId('backup-list').getByRole('row').filter({ hasText: 'Thủ công' })
  await expect(backupRow).toHaveCount(1)

  // Change things after the backup.
  await page.getByLabel('Tên cơ quan ban hành').fill('TÊN KHÁC')
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click()
  await expect(page.getByText('Đã lưu thông tin cơ quan.').first()).toBeVisible()
  await page.getByRole('navigation').getByText('Đơn vị hành chính').click()
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click()
  await page.getByRole('dialog').locator('input[name="name"]').fill('Đơn vị thêm sau')
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('17 / 17 đơn vị')).toBeVisible()
  expect(await dumpDatabase(page)).not.toEqual(before)

  // Restore asks first, then brings back exactly the earlier data.
  await page.getByRole('navigation').getByText('Cài đặt').click()
  await backupRow.getByRole('button', { name: 'Khôi phục' }).click()
  await expect(page.getByText('Khôi phục dữ liệu?')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click()
  await expect(page.getByText(/Đã khôi phục dữ liệu từ/)).toBeVisible()
  expect(await dumpDatabase(page)).toEqual(before)
  await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
  // The data replaced by the restore was itself backed up first.
  await expect(
    page.getByTestId('backup-list').getByRole('row').filter({ hasText: 'Trước khi khôi phục' }),
  ).toHaveCount(1)
})

/** Picks `content` as the file to restore, as the clerk does through "Khôi phục từ tệp…". */
async function restoreFromFile(page: Page, name: string, content: string) {
  await page.getByRole('navigation').getByText('Cài đặt').click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click()
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
}

/** Backs up through the app and reads the file main wrote from its folder. */
async function backupNow(page: Page): Promise<ParsedBackup> {
  await page.getByRole('navigation').getByText('Cài đặt').click()
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click()
  const saved = page.getByText(/Đã sao lưu: ocop-desk-manual-/).last()
  await expect(saved).toBeVisible()
  const name = /ocop-desk-manual-[\d+-]+\.json/.exec((await saved.textContent()) ?? '')![0]
  const file = join(process.env.OCOP_E2E_DATA!, 'backups', name)
  return parseBackup(await readFile(file, 'utf8'), name)
}

/**
 * The Mỹ Hào demo register as a backup file: the practice register is never backed up by the app,
 * so its tables are read from the page and written as a backup, and the app goes back to the real
 * register to restore it.
 */
async function demoBackup(page: Page): Promise<ParsedBackup> {
  await openPracticeRegister(page)
  const tables = (await dumpDatabase(page, 'ocop-desk-practice')) as unknown as BackupTables
  await page.getByTestId('practice-banner').getByRole('button', { name: 'Về sổ thật' }).click()
  await expect(page.getByTestId('practice-banner')).toBeHidden()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'e2e',
    kind: 'manual',
    createdAt: new Date().toISOString(),
    tables,
  })
  return parseBackup(content, 'mau-my-hao.json')
}

/**
 * The same backup without the producer of "Tương Bần": its product dangles, and with it its two
 * evaluations, its entry in the 2020 round and the six members' scores of that entry.
 */
async function withoutTuongBanProducer({ backup }: ParsedBackup): Promise<string> {
  const producers = (backup.tables.producers as Producer[]).filter(
    (producer) => producer.name !== 'HTX Tương Bần (mẫu)',
  )
  expect(producers).toHaveLength(backup.tables.producers.length - 1)
  return serializeBackup({ ...backup, tables: { ...backup.tables, producers } })
}

test('a backup whose product lost its producer: cancelling keeps everything as it is', async ({
  page,
}) => {
  const dangling = await withoutTuongBanProducer(await demoBackup(page))
  const before = await dumpDatabase(page)

  await restoreFromFile(page, 'thieu-chu-the.json', dangling)
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Bản sao lưu có 10 bản ghi thiếu liên kết')).toBeVisible()
  await dialog.getByRole('button', { name: 'Hủy' }).click()

  await expect(dialog).toBeHidden()
  expect(await dumpDatabase(page)).toEqual(before)
})

test('a backup whose product lost its producer: the list, then restore with them set aside', async ({
  page,
}) => {
  const dangling = await withoutTuongBanProducer(await demoBackup(page))

  await restoreFromFile(page, 'thieu-chu-the.json', dangling)
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Bản sao lưu có 10 bản ghi thiếu liên kết')).toBeVisible()
  // The clerk sees each record, its table and what it misses.
  const list = dialog.getByTestId('dangling-list')
  const productRow = list.getByRole('row').filter({ hasText: /^Sản phẩm(?! đăng ký)/ })
  await expect(productRow).toContainText('Tương Bần (dữ liệu mẫu)')
  await expect(productRow).toContainText('Chủ thể mã "demo-producer-tuong-ban" không có')
  const evaluations = list.getByRole('row').filter({ hasText: /^Kết quả đánh giá/ })
  await expect(evaluations).toHaveCount(2)
  await expect(evaluations.first()).toContainText(
    'Sản phẩm "Tương Bần (dữ liệu mẫu)" (cũng đang chờ xử lý)',
  )
  await expect(list.getByRole('row').filter({ hasText: 'Điểm chấm lần 1' })).toHaveCount(6)
  await dialog.getByRole('button', { name: 'Khôi phục, để riêng 10 bản ghi' }).click()
  await expect(page.getByText(/10 bản ghi được để riêng trong danh sách "Cần xử lý"/)).toBeVisible()

  const data = await dumpDatabase(page)
  expect(data.products).toHaveLength(8)
  expect((data.products as Product[]).map((p) => p.name)).not.toContain('Tương Bần (dữ liệu mẫu)')
  expect(data.setAside).toHaveLength(10)

  // Cài đặt lists them; the product cannot go back while its producer is missing.
  const setAside = page.getByTestId('set-aside-list')
  const product = setAside.getByRole('row').filter({ hasText: /^Sản phẩm(?! đăng ký)/ })
  await expect(product.getByRole('button', { name: 'Đưa trở lại' })).toBeDisabled()
  const evaluation = setAside.getByRole('row').filter({ hasText: 'Đánh giá năm 2018' })
  await evaluation.getByRole('button', { name: 'Xóa' }).click()
  await expect(page.getByText('Xóa bản ghi cần xử lý?')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click()
  await expect(page.getByText(/Đã xóa "Đánh giá năm 2018, lần 1"/)).toBeVisible()
  await expect(setAside.getByRole('row').filter({ hasText: /^Kết quả đánh giá/ })).toHaveCount(1)
  expect((await dumpDatabase(page)).setAside).toHaveLength(9)
})

test('a backup from before checksums restores, after a notice that it has none', async ({
  page,
}) => {
  const { backup } = await demoBackup(page)
  const { setAside: _notInVersion2, ...tables } = backup.tables
  const old = JSON.stringify({ ...backup, formatVersion: 1, schemaVersion: 2, tables })

  await restoreFromFile(page, 'ban-cu.json', old)
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('không có mã kiểm tra (SHA-256)')).toBeVisible()
  await dialog.getByRole('button', { name: 'Khôi phục' }).click()
  await expect(page.getByText('Đã khôi phục dữ liệu từ "ban-cu.json".')).toBeVisible()
})

for (const bad of [
  { name: 'rong.json', content: async () => '', says: 'trống' },
  {
    name: 'bi-cat.json',
    content: async () => '{"format":"ocop-desk-backup","formatVersion":2,"schemaVersion":3,"tab',
    says: 'bị hỏng hoặc bị cắt dở',
  },
  {
    name: 'la.json',
    content: async () => '{"name":"something else"}',
    says: 'không phải là tệp sao lưu của OCOP Desk',
  },
  {
    name: 'bi-sua.json',
    // A unit renamed by hand: still valid JSON and a valid record, only the checksum shows it.
    content: async (page: Page) => {
      const { backup } = await backupNow(page)
      const text = await serializeBackup(backup)
      expect(text).toContain('"Cẩm Xá"')
      return text.replace('"Cẩm Xá"', '"Cẩm Xá (đã sửa)"')
    },
    says: 'không khớp mã kiểm tra',
  },
]) {
  test(`restoring ${bad.name} is refused in Vietnamese and changes nothing`, async ({ page }) => {
    await openApp(page, '#/don-vi')
    await loadMyHaoUnits(page)
    const content = await bad.content(page)
    const before = await dumpDatabase(page)

    // The file is checked before the clerk is asked anything, and before anything is replaced.
    await restoreFromFile(page, bad.name, content)
    await expect(page.getByText('Không khôi phục được')).toBeVisible()
    await expect(page.getByText(bad.says)).toBeVisible()
    await expect(page.getByText(`"${bad.name}"`).last()).toBeVisible()
    await expect(page.getByRole('dialog')).toBeHidden()
    expect(await dumpDatabase(page)).toEqual(before)
  })
}
