import { expect, test, type Locator, type Page } from '@playwright/test'
import { dumpDatabase, openApp } from './helpers'

/**
 * Presses Tab (or Shift+Tab) until the keyboard is in `target`, as a clerk does; fails when it
 * cannot be reached in a reasonable number of presses.
 */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((el) => el.contains(document.activeElement))) return
    await page.keyboard.press(key)
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

/**
 * Opens a page of the sidebar by Tab and Enter, and waits until it is open: a shortcut pressed
 * before would go to the page being left.
 */
async function goTo(page: Page, name: string) {
  const link = page.getByRole('navigation').getByRole('link', { name })
  await tabTo(page, link)
  await page.keyboard.press('Enter')
  await expect(link).toHaveAttribute('aria-current', 'page')
}

/** Tabs to a field and types into it, replacing what it had. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field)
  await page.keyboard.press('Control+a')
  await page.keyboard.type(text)
}

/** Tabs to a select and picks the option found by typing `text`. */
async function pick(page: Page, select: Locator, text: string) {
  await tabTo(page, select)
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect(select).toContainText(text)
}

test('a clerk adds a producer, a product, an evaluation and a plan with the keyboard only', async ({
  page,
}) => {
  // A long walk of four forms, one key at a time.
  test.slow()
  await openApp(page)

  // The units catalogue, loaded by Tab and Enter.
  await goTo(page, 'Đơn vị hành chính')
  await tabTo(page, page.getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await tabTo(page, dialog.getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Đã nạp 16 đơn vị')).toBeVisible()

  // A producer: Ctrl+N, fields by Tab, choices by typing, Enter saves.
  await goTo(page, 'Chủ thể')
  await page.keyboard.press('Control+n')
  await expect(dialog).toContainText('Thêm chủ thể')
  await typeInto(page, dialog.locator('input[name="name"]'), 'HTX Tương Bần Nhân Hòa')
  await pick(page, page.getByTestId('producer-type'), 'Hợp tác xã')
  await typeInto(page, dialog.locator('input[name="taxCode"]'), '0901234567')
  await pick(page, page.getByTestId('producer-unit'), 'Nhân Hòa')
  await typeInto(page, dialog.locator('input[name="representative"]'), 'Nguyễn Văn An')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Đã thêm chủ thể HTX Tương Bần Nhân Hòa.')).toBeVisible()
  await expect(dialog).toHaveCount(0)

  // A product: the producer picked with ↓ and Enter; Esc on an unchanged form just closes it.
  await goTo(page, 'Sản phẩm')
  await page.keyboard.press('Control+n')
  await expect(dialog).toContainText('Thêm sản phẩm')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.keyboard.press('Control+n')
  await typeInto(page, dialog.locator('input[name="name"]'), 'Tương Bần Mỹ Hào')
  const producer = page.getByTestId('product-producer')
  await tabTo(page, producer)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(producer).toContainText('HTX Tương Bần Nhân Hòa')
  await expect(page.getByTestId('product-unit')).toContainText('Nhân Hòa')
  await tabTo(page, dialog.locator('input[name="name"]'), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('product-name')).toHaveText('Tương Bần Mỹ Hào')

  // An evaluation of it: 62,5 points, recognised 3★ on 05/11/2019.
  await page.keyboard.press('Control+n')
  await expect(dialog).toContainText('Thêm kết quả đánh giá')
  await typeInto(page, dialog.locator('input[name="year"]'), '2019')
  await typeInto(page, dialog.locator('input[name="part-A"]'), '25')
  await typeInto(page, dialog.locator('input[name="part-B"]'), '15')
  await typeInto(page, dialog.locator('input[name="part-C"]'), '22,5')
  await expect(dialog.getByTestId('total')).toHaveText('62,5')
  await pick(page, page.getByTestId('recognised-stars'), '3 sao')
  await typeInto(page, dialog.locator('input[name="decisionNo"]'), '1358/QĐ-UBND')
  await typeInto(page, dialog.locator('input[name="decisionDate"]'), '05/11/2019')
  await tabTo(page, dialog.locator('input[name="decisionNo"]'), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Đã thêm kết quả đánh giá năm 2019.')).toBeVisible()
  await expect(page.getByTestId('timeline')).toContainText('05/11/2019')

  // A plan: two targets, the second moved first with its arrow button, Ctrl+S saves.
  await goTo(page, 'Kế hoạch')
  await page.keyboard.press('Control+n')
  await typeInto(page, page.locator('input[name="name"]'), 'Kế hoạch OCOP 2019-2020')
  await typeInto(page, page.locator('input[name="fromYear"]'), '2019')
  await typeInto(page, page.locator('input[name="toYear"]'), '2020')
  await expect(page.locator('input[name="baselineYear"]')).toHaveValue('2018')
  await typeInto(page, page.locator('input[name="targets.0.value"]'), '6')
  await tabTo(page, page.getByTestId('add-target'))
  await page.keyboard.press('Enter')
  await pick(page, page.getByTestId('target-1-kind'), 'Tỷ lệ xã')
  await typeInto(page, page.locator('input[name="targets.1.value"]'), '100')
  await tabTo(page, page.getByTestId('target-1-up'), 'Shift+Tab')
  await page.keyboard.press('Enter')
  // The keyboard stays with the moved target.
  await expect(page.getByTestId('target-0-kind')).toContainText('Tỷ lệ xã')
  await expect(page.getByTestId('target-0-down')).toBeFocused()
  await page.keyboard.press('Control+s')
  await expect(page.getByText('Đã lưu kế hoạch')).toBeVisible()
  await expect(page.getByTestId('plan-targets').locator('tbody tr td:first-child')).toHaveText([
    'Tỷ lệ xã, phường có sản phẩm OCOP (%)',
    'Sản phẩm 3 sao',
  ])

  const stored = await dumpDatabase(page)
  expect(stored.producers).toHaveLength(1)
  expect(stored.products).toHaveLength(1)
  expect(stored.evaluations).toContainEqual(
    expect.objectContaining({ year: 2019, recognisedStars: 3, decisionNo: '1358/QĐ-UBND' }),
  )
  expect(stored.plans).toHaveLength(1)
})
