import { expect, test } from '@playwright/test'
import { loadMyHaoUnits, openApp } from './helpers'

test('a clerk loads the Mỹ Hào units, finds one without diacritics, adds, edits and retires units', async ({
  page,
}) => {
  await openApp(page)
  await page.getByRole('navigation').getByText('Đơn vị hành chính').click()
  await expect(page.getByText('Chưa có đơn vị nào.')).toBeVisible()
  await loadMyHaoUnits(page)
  const table = page.getByTestId('units-table')
  await expect(page.getByText('16 / 16 đơn vị')).toBeVisible()

  // Search ignores case, diacritics and tone placement.
  const search = page.getByRole('searchbox')
  await search.fill('hoa phong')
  await expect(table.getByRole('row').filter({ hasText: 'Hòa Phong' })).toHaveCount(1)
  await expect(page.getByText('1 / 16 đơn vị')).toBeVisible()
  await search.fill('Hoà Phong')
  await expect(page.getByText('1 / 16 đơn vị')).toBeVisible()
  await search.fill('')

  // Ctrl+N opens the form; Enter saves.
  await page.keyboard.press('Control+n')
  const form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill('Thị trấn Thử Nghiệm')
  await form.locator('input[name="code"]').fill('99')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(form.getByText('Mã đơn vị chỉ gồm 3 đến 6 chữ số.')).toBeVisible()
  await form.locator('input[name="code"]').fill('99901')
  await form.locator('input[name="code"]').press('Enter')
  await expect(page.getByText('Đã thêm đơn vị Thị trấn Thử Nghiệm.')).toBeVisible()
  await expect(page.getByText('16 / 17 đơn vị').or(page.getByText('17 / 17 đơn vị'))).toBeVisible()

  // Edit, then undo the edit.
  const row = table.getByRole('row').filter({ hasText: 'Thị trấn Thử Nghiệm' })
  await row.getByRole('button', { name: 'Sửa' }).click()
  await page.getByRole('dialog').locator('input[name="name"]').fill('Thử Nghiệm Mới')
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  await expect(table.getByRole('row').filter({ hasText: 'Thử Nghiệm Mới' })).toHaveCount(1)
  await page.getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(page.getByText('Đã hoàn tác.')).toBeVisible()
  await expect(table.getByRole('row').filter({ hasText: 'Thị trấn Thử Nghiệm' })).toHaveCount(1)

  // Retire it into Mỹ Hào ward on 30/06/2025.
  await table
    .getByRole('row')
    .filter({ hasText: 'Thị trấn Thử Nghiệm' })
    .getByRole('button', { name: 'Cho hết hiệu lực' })
    .click()
  const retire = page.getByRole('dialog')
  await retire.getByTestId('retire-date').locator('input').fill('30/06/2025')
  await retire.getByTestId('retire-date').locator('input').press('Tab')
  await retire.getByTestId('retire-successor').click()
  await page.keyboard.type('Mỹ Hào')
  // Enter picks the option; it does not submit the form.
  await page.keyboard.press('Enter')
  await expect(retire.getByTestId('retire-successor')).toContainText('Mỹ Hào')
  await expect(retire).toBeVisible()
  await retire.getByRole('button', { name: 'Cho hết hiệu lực' }).click()
  await expect(
    page.getByText('Đơn vị Thị trấn Thử Nghiệm hết hiệu lực sau ngày 30/06/2025.'),
  ).toBeVisible()
  const retired = table.getByRole('row').filter({ hasText: 'Thị trấn Thử Nghiệm' })
  await expect(retired).toContainText('30/06/2025')
  await expect(retired).toContainText('Mỹ Hào')
  await expect(retired).toContainText('Hết hiệu lực')

  // Only units in force today: the 3 wards of 2025.
  await page.getByText('Hiện cả đơn vị đã hết hiệu lực').click()
  await expect(page.getByText('3 / 17 đơn vị')).toBeVisible()
})
