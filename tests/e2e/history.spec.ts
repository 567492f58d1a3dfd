import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dumpDatabase, loadMyHaoUnits, openApp } from './helpers'

const FILE = '01_clean_list.xlsx'
const PRODUCT = 'Trà long nhãn Quang Vinh'
const RENAMED = 'Trà long nhãn Quang Vinh loại 1'

/** The register's records, to compare before and after. */
async function register(page: Page) {
  const { producers, products, evaluations } = await dumpDatabase(page)
  return { producers, products, evaluations }
}

/** Imports a commune file as a clerk does: Ctrl+O in Nhập dữ liệu, pick it, commit. */
async function importFile(page: Page) {
  await page.getByRole('navigation').getByText('Nhập dữ liệu').click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-drop').click()
  await (await chooser).setFiles(join(__dirname, '../fixtures/commune', FILE))
  await page.getByTestId('import-commit').click()
  await expect(page.getByText(`Đã nhập tệp ${FILE}`)).toBeVisible()
}

async function renameProduct(page: Page) {
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await page.getByRole('searchbox').fill('quang vinh')
  await page.getByRole('link', { name: PRODUCT }).click()
  await page.getByRole('button', { name: 'Sửa sản phẩm' }).click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill(RENAMED)
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByTestId('product-name')).toHaveText(RENAMED)
}

async function undoImport(page: Page) {
  await page.getByRole('navigation').getByText('Nhập dữ liệu').click()
  await page.getByTestId(`undo-batch-${FILE}`).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click()
}

/** Every column header of the list lies inside its table, and the page does not scroll sideways. */
async function expectFits(page: Page, name: string) {
  const list = page.getByTestId('history-list')
  const box = await list.boundingBox()
  expect(box).not.toBeNull()
  for (const header of await list.getByRole('columnheader').all()) {
    const cell = await header.boundingBox()
    expect(cell!.x).toBeGreaterThanOrEqual(box!.x)
    expect(cell!.x + cell!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5)
  }
  const sideways = await page.evaluate(() => {
    const scroller = document.querySelector('.n-layout-content .n-layout-scroll-container')
    const element = scroller ?? document.documentElement
    return element.scrollWidth - element.clientWidth
  })
  expect(sideways).toBeLessThanOrEqual(0)
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) })
}

test('an import undo refused by a later edit: the history reverts the edit, then the import undoes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 690 })
  await openApp(page)
  await loadMyHaoUnits(page)
  const before = await register(page)
  await importFile(page)
  await renameProduct(page)

  // The undo is refused: the message names the edit and links to its history.
  await undoImport(page)
  const refusal = page.locator('.n-notification').filter({ hasText: 'Không hoàn tác được' })
  await expect(refusal).toContainText(
    `sản phẩm "${RENAMED}" đã được sửa sau đó (Sửa sản phẩm ${RENAMED}, lúc`,
  )
  await refusal.getByRole('link', { name: 'Xem trong Lịch sử thay đổi' }).click()
  await expect(page).toHaveURL(/#\/lich-su-thay-doi\?table=products&record=/)
  await expect(refusal).toBeHidden()

  // The history of that record: the edit, revertible, and the import that added it.
  await expect(page.getByTestId('history-record')).toContainText(`Sản phẩm "${RENAMED}"`)
  const list = page.getByTestId('history-list')
  const rows = list.getByRole('row').filter({ has: page.getByRole('gridcell') })
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText(`Sửa sản phẩm ${RENAMED}`)
  await expect(rows.nth(0)).toContainText('Hoàn tác…')
  await expect(rows.nth(1)).toContainText(`Nhập tệp ${FILE}`)
  await expect(rows.nth(1).getByRole('link', { name: 'Hoàn tác ở Nhập dữ liệu' })).toBeVisible()
  await expectFits(page, 'history-1366x690')
  await page.setViewportSize({ width: 1536, height: 864 })
  await expectFits(page, 'history-1536x864')

  // By keyboard: the import's line explains itself; the edit shows before → after and reverts.
  await list.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const detail = page.getByTestId('history-detail')
  await expect(page.getByTestId('history-refusal')).toContainText(
    `Thay đổi này thuộc việc nhập tệp ${FILE} (trang "Danh sách OCOP"): việc đó chỉ hoàn tác được cả lần, ở mục Nhập dữ liệu`,
  )
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  await expect(list).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  const nameRow = detail.getByRole('row').filter({ hasText: 'Tên' })
  await expect(nameRow).toContainText(PRODUCT)
  await expect(nameRow).toContainText(RENAMED)
  await expect(page.getByTestId('history-revert')).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: test.info().outputPath('history-detail-1536x864.png') })
  await page.setViewportSize({ width: 1366, height: 690 })
  await expect(page.getByTestId('history-revert')).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: test.info().outputPath('history-detail-1366x690.png') })
  await page.getByTestId('history-revert').click()
  await page
    .getByRole('dialog')
    .filter({ hasText: 'Hoàn tác thay đổi này?' })
    .getByRole('button', { name: 'Hoàn tác', exact: true })
    .click()
  await expect(page.getByText(`Đã hoàn tác "Sửa sản phẩm ${RENAMED}"`)).toBeVisible()
  // The revert is a change of its own, at the top, and can be reverted in turn.
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText(`Hoàn tác: Sửa sản phẩm ${RENAMED}`)
  await expect(rows.nth(0)).toContainText('Hoàn tác…')
  await expect(rows.nth(1)).toContainText('Đã thay đổi sau đó')
  await expect(page.getByTestId('history-record')).toContainText(`Sản phẩm "${PRODUCT}"`)

  // The edit itself no longer reverts: its line says why, and offers no revert.
  await rows.nth(1).click()
  await expect(page.getByTestId('history-refusal')).toContainText(
    `Không hoàn tác được thay đổi này: sản phẩm "${PRODUCT}" đã được thay đổi sau đó (Hoàn tác: Sửa sản phẩm ${RENAMED}, lúc`,
  )
  await expect(page.getByTestId('history-revert')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('history-refusal-1366x690.png') })
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()

  // Now the import undoes from its own history, reached from its line, and the register is as it
  // was before it.
  await rows.nth(2).getByRole('link', { name: 'Hoàn tác ở Nhập dữ liệu' }).click()
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu' })).toBeVisible()
  await page.getByTestId(`undo-batch-${FILE}`).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(page.getByText(`Đã hoàn tác lần nhập tệp ${FILE}`)).toBeVisible()
  expect(await register(page)).toEqual(before)
})

test('the history lists every change newest first, filtered by record type and text', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 690 })
  await openApp(page)
  await loadMyHaoUnits(page)
  await page.getByRole('navigation').getByText('Lịch sử thay đổi').click()
  const rows = page
    .getByTestId('history-list')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
  await expect(rows.first()).toContainText('Nạp đơn vị')
  await expectFits(page, 'history-all-1366x690')

  await page.getByTestId('history-table').click()
  await page.keyboard.type('Bộ tiêu chí')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/table=criteriaSets/)
  await expect(rows.first()).toContainText('Nạp bộ tiêu chí')

  await page.keyboard.press('Control+f')
  await page.keyboard.type('1048')
  await expect(page).toHaveURL(/q=1048/)
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('QĐ 1048')
})
