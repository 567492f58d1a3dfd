import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dropFile, dumpDatabase, loadMyHaoUnits, openApp } from './helpers'

const COMMUNE = join(__dirname, '../fixtures/commune')
// Instructions first, the data on sheet 2 (first product in row 5), hidden column B of codes.
const FILE = '07_sheets_totals.xlsx'

/** Drops a fixture file (onto the import drop zone by default), as a clerk drags it from Explorer. */
function dropFixture(page: Page, name: string, target = page.getByTestId('import-drop')) {
  return dropFile(page, join(COMMUNE, name), target)
}

async function register(page: Page) {
  const tables = await dumpDatabase(page)
  return {
    producers: tables.producers ?? [],
    products: tables.products ?? [],
    evaluations: tables.evaluations ?? [],
  }
}

async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

const filterCount = (page: Page, key: string) => page.getByTestId(`import-filter-${key}`)

test('a commune file: drop, correct a mapping, leave a row out, commit, re-import changes nothing, undo restores', async ({
  page,
}) => {
  await openApp(page)
  await loadMyHaoUnits(page)
  await page.getByRole('navigation').getByText('Nhập dữ liệu').click()
  await expect(page.getByText('Chưa nhập tệp nào')).toBeVisible()
  const before = await register(page)

  await dropFixture(page, FILE)
  // The data sheet is the second one: chosen by its content, not by position.
  await expect(page.getByTestId('import-sheet')).toContainText('Dữ liệu')
  await expect(filterCount(page, 'new')).toHaveText('Mới (24)')

  // Column B ("Mã nội bộ", hidden in the file) is not mapped; keep it as the note.
  await page.getByTestId('map-col-B').click()
  await page.keyboard.type('Ghi chú')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('map-col-B')).toContainText('Ghi chú')
  await expect(page.getByTestId('map-col-B')).toBeEnabled()

  // Leave out the first product row.
  await page.getByTestId('include-row-5').click()
  await expect(filterCount(page, 'excluded')).toHaveText('Bỏ qua (1)')
  await expect(filterCount(page, 'new')).toHaveText('Mới (23)')
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true })
  await page.getByTestId('import-commit').click()
  await expect(page.getByText(`Đã nhập tệp ${FILE}: 23 dòng mới`)).toBeVisible()
  await expect(page.getByTestId('import-history')).toContainText(FILE)

  const imported = await register(page)
  expect(imported.products).toHaveLength(23)
  const names = imported.products.map((p) => (p as { name: string }).name)
  expect(names).toContain('Cao ích mẫu Việt Hà')
  expect(names).not.toContain('Du lịch sinh thái ven sông Mai Linh')
  const notes = imported.evaluations.map((e) => (e as { note: string }).note)
  expect(notes.every((note) => note.startsWith('MH-'))).toBe(true)

  // The products are in the register's list.
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await page.getByRole('searchbox').fill('cao ich mau viet ha')
  await expect(page.getByText('Cao ích mẫu Việt Hà')).toBeVisible()

  // The same file again: the corrected mapping is remembered, every imported row is unchanged.
  await page.getByRole('navigation').getByText('Nhập dữ liệu').click()
  await dropFixture(page, FILE)
  await expect(page.getByText('Đã dùng cách ghép cột đã nhớ')).toBeVisible()
  await expect(filterCount(page, 'unchanged')).toHaveText('Không đổi (23)')
  await expect(filterCount(page, 'new')).toHaveText('Mới (1)')
  await page.getByTestId('include-row-5').click()
  await expect(page.getByTestId('import-commit')).toBeDisabled()
  await expect(page.getByText('sổ đã khớp với tệp này')).toBeVisible()
  expect(await register(page)).toEqual(imported)
  await page.getByRole('button', { name: 'Đóng tệp' }).click()

  // Undo the batch: the register is exactly as before the import.
  await page.getByTestId(`undo-batch-${FILE}`).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(page.getByText(`Đã hoàn tác lần nhập tệp ${FILE}`)).toBeVisible()
  expect(await register(page)).toEqual(before)
})

test('rows with errors stay out; an unknown unit is chosen from the closest ones and the row goes in', async ({
  page,
}) => {
  await openApp(page)
  await loadMyHaoUnits(page)
  await page.getByRole('navigation').getByText('Nhập dữ liệu').click()
  await dropFixture(page, '12_bad_rows.xlsx')
  // Missing product (row 5), score 105, 6 stars, year 1999, date 31/04/2023.
  await expect(filterCount(page, 'error')).toHaveText('Lỗi (5)')
  // The unknown unit "Phường Dị Xử" (row 14) and the duplicate of row 7 (row 17) wait for the clerk.
  await expect(filterCount(page, 'excluded')).toHaveText('Bỏ qua (2)')
  await expect(filterCount(page, 'new')).toHaveText('Mới (13)')
  await expect(page.getByTestId('include-row-5')).toHaveClass(/disabled/)
  await choose(page, 'unit-choice-14', 'Dị Sử')
  await expect(filterCount(page, 'new')).toHaveText('Mới (14)')
  await expect(filterCount(page, 'excluded')).toHaveText('Bỏ qua (1)')
  await page.getByTestId('import-commit').click()
  await expect(page.getByText('Đã nhập tệp 12_bad_rows.xlsx: 14 dòng mới')).toBeVisible()
  const products = (await register(page)).products as { name: string; unitId: string }[]
  expect(products).toHaveLength(14)
})

test('a broken file dropped anywhere on the window opens Nhập dữ liệu with its message and changes nothing', async ({
  page,
}) => {
  await openApp(page, '#/')
  const before = await dumpDatabase(page)
  await dropFixture(page, '../bad/truncated_half.xlsx', page.locator('main'))
  await expect(page).toHaveURL(/#\/nhap-du-lieu/)
  await expect(
    page.getByText('Tệp "truncated_half.xlsx" bị hỏng hoặc chưa tải về đầy đủ'),
  ).toBeVisible()
  await expect(page.getByTestId('import-drop')).toBeVisible()
  expect(await dumpDatabase(page)).toEqual(before)
})
