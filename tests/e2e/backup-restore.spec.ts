import { expect, test } from '@playwright/test'
import { dumpDatabase, loadMyHaoUnits, openApp } from './helpers'

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

for (const bad of [
  { name: 'rong.json', content: '', says: 'trống' },
  {
    name: 'bi-cat.json',
    content: '{"format":"ocop-desk-backup","formatVersion":1,"schemaVersion":1,"tab',
    says: 'bị hỏng hoặc bị cắt dở',
  },
  {
    name: 'la.json',
    content: '{"name":"something else"}',
    says: 'không phải là tệp sao lưu của OCOP Desk',
  },
]) {
  test(`restoring ${bad.name} is refused in Vietnamese and changes nothing`, async ({ page }) => {
    await openApp(page, '#/don-vi')
    await loadMyHaoUnits(page)
    const before = await dumpDatabase(page)
    await page.getByRole('navigation').getByText('Cài đặt').click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click()
    await (
      await chooser
    ).setFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.content) })
    // The confirmation names the file; the check happens before anything is replaced.
    await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click()
    await expect(page.getByText('Không khôi phục được')).toBeVisible()
    await expect(page.getByText(bad.says)).toBeVisible()
    await expect(page.getByText(`"${bad.name}"`).last()).toBeVisible()
    expect(await dumpDatabase(page)).toEqual(before)
  })
}
