import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { openPracticeRegister } from './helpers'

async function setDate(page: Page, ddmmyyyy: string) {
  const input = page.getByTestId('report-date').locator('input')
  await input.fill(ddmmyyyy)
  await input.press('Tab')
}

/** Exports the report on screen and returns the rows of its sheet as arrays of cell values. */
async function exportRows(page: Page): Promise<unknown[][]> {
  const download = page.waitForEvent('download')
  await page.getByTestId('report-export-xlsx').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await file.path())
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v)))
  })
  return rows
}

/** The cells of the preview's rows of a kind ('total', 'subtotal', 'data'), as shown. */
function previewRows(page: Page, kind: string) {
  return page
    .getByTestId('report-preview')
    .locator(`tr[data-row-kind="${kind}"]`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
      ),
    )
}

const numbersOf = (cells: unknown[]) =>
  cells
    .filter((c) => typeof c === 'number' || (typeof c === 'string' && /^\d+$/.test(c)))
    .map(Number)

test('with the Mỹ Hào demo, every report exports a workbook whose key cells match the screen', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openPracticeRegister(page)
  const nav = page.getByRole('navigation')
  await nav.getByText('Cài đặt').click()
  await page.getByLabel('Tên cơ quan ban hành').fill('Ủy ban nhân dân thị xã Mỹ Hào')
  await page.getByLabel('Địa danh (ghi trước ngày tháng)').fill('Mỹ Hào')
  await page.getByLabel('Chữ viết tắt của cơ quan').fill('UBND')
  await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An')
  await page.getByLabel('Họ và tên người ký').press('Enter')
  await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible()

  // A plan to report on.
  await nav.getByText('Kế hoạch').click()
  await page.getByTestId('plan-add').click()
  await page.locator('input[name="name"]').fill('Kế hoạch OCOP 2019-2020')
  await page.locator('input[name="fromYear"]').fill('2019')
  await page.locator('input[name="toYear"]').fill('2020')
  await page.locator('input[name="baselineYear"]').fill('2018')
  await page.locator('input[name="targets.0.value"]').fill('6')
  await page.getByTestId('plan-save').click()
  await expect(page.getByText('Đã lưu kế hoạch')).toBeVisible()

  await nav.getByText('Báo cáo').click()
  await setDate(page, '31/12/2020')
  await page.locator('input[name="docNumber"]').fill('5')
  await expect(page.getByTestId('report-number')).toHaveText('Số: 05/BC-UBND')
  await expect(page.getByTestId('report-place-date')).toHaveText(
    /^Mỹ Hào, ngày \d\d tháng \d\d năm \d{4}$/,
  )
  await expect(page.getByTestId('report-signer')).toHaveText('Nguyễn Văn An')

  // a. Danh sách sản phẩm OCOP: 7 products (1×5★, 1×4★, 5×3★).
  await page.getByTestId('report-kind-products').click()
  const productTotals = await previewRows(page, 'total')
  expect(productTotals[0]?.[0]).toBe('7')
  let rows = await exportRows(page)
  expect(rows.some((r) => r.includes('Số: 05/BC-UBND'))).toBe(true)
  const totalRow = rows.find((r) => r.includes('Tổng cộng'))!
  expect(numbersOf(totalRow)).toEqual([7])
  const subtotals = (await previewRows(page, 'subtotal')).map((r) => Number(r[0]))
  expect(subtotals).toEqual([1, 1, 5])
  const shownNames = (await previewRows(page, 'data')).map((r) => r[1])
  const written = new Set(rows.flat())
  for (const name of shownNames) expect(written).toContain(name)

  // c. Tổng hợp theo đơn vị: the total row's figures, as shown and as written.
  await page.getByTestId('report-kind-units').click()
  const unitTotal = (await previewRows(page, 'total'))[0]!
  rows = await exportRows(page)
  expect(numbersOf(rows.find((r) => r.includes('Tổng cộng'))!)).toEqual(numbersOf(unitTotal))
  expect(numbersOf(unitTotal)).toEqual([5, 1, 1, 7])

  // e. Danh sách chủ thể: every producer shown is in the file.
  await page.getByTestId('report-kind-producers').click()
  const producers = (await previewRows(page, 'data')).map((r) => r[1]).filter(Boolean)
  expect(producers.length).toBeGreaterThan(0)
  rows = await exportRows(page)
  for (const name of producers) expect(new Set(rows.flat())).toContain(name)

  // b. Kết quả thực hiện kế hoạch: the target's figures, and the chart in the file.
  await page.getByTestId('report-kind-plan').click()
  const target = (await previewRows(page, 'data')).find((r) => r.includes('Sản phẩm 3 sao'))!
  rows = await exportRows(page)
  const writtenTarget = rows.find((r) => r.includes('Sản phẩm 3 sao'))!
  expect(numbersOf(writtenTarget).slice(1)).toEqual(numbersOf(target).slice(1))

  // d. Giấy chứng nhận: on 01/12/2021 the 2018 certificates end within 30 days.
  await page.getByTestId('report-kind-certificates').click()
  await setDate(page, '01/12/2021')
  const expiring = (await previewRows(page, 'data')).map((r) => r[1])
  expect(expiring).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Ba ba/),
      expect.stringMatching(/^Cá nước ngọt/),
    ]),
  )
  rows = await exportRows(page)
  for (const name of expiring) expect(new Set(rows.flat())).toContain(name)

  // PDF: the browser prints the report alone (the app around it is hidden by the print style).
  await page.evaluate(() => {
    window.print = () => {
      const root = document.querySelector('.print-root')
      document.body.dataset.printed = root?.querySelector('[data-testid="report-preview"]')
        ? 'report'
        : 'nothing'
    }
  })
  await page.getByTestId('report-export-pdf').click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'report')
  await page.screenshot({ path: test.info().outputPath('report-preview.png'), fullPage: true })
})
