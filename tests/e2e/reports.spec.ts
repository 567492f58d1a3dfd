import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { exportDocx, openPracticeRegister } from './helpers'

async function setDate(page: Page, testId: 'report-date' | 'report-signed-on', ddmmyyyy: string) {
  const input = page.getByTestId(testId).locator('input')
  await input.fill(ddmmyyyy)
  await input.press('Tab')
}

/**
 * Exports the report on screen (the whole report, or only its annexes) and returns its file name
 * and the rows of each sheet, by sheet name, as arrays of cell values.
 */
async function exportSheets(
  page: Page,
  testId: 'report-export-xlsx' | 'report-export-annex-xlsx' = 'report-export-xlsx',
): Promise<{ name: string; sheets: Map<string, unknown[][]> }> {
  const download = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await file.path())
  const sheets = new Map<string, unknown[][]>()
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = []
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v)))
    })
    sheets.set(sheet.name, rows)
  }
  return { name: file.suggestedFilename(), sheets }
}

/** The cells of the rows of a kind ('total', 'subtotal', 'data') in the preview, or in one of its tables. */
function previewRows(page: Page, kind: string, tableTestId?: string) {
  const scope = tableTestId
    ? page.getByTestId('report-preview').getByTestId(tableTestId)
    : page.getByTestId('report-preview')
  return scope
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

const recipients = (page: Page) => page.getByTestId('report-recipient').allInnerTexts()

test('with the Mỹ Hào demo, every report exports a workbook whose key cells match the screen', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openPracticeRegister(page)
  const nav = page.getByRole('navigation')
  await nav.getByText('Cài đặt').click()
  await page.getByLabel('Tên cơ quan ban hành').fill('Ủy ban nhân dân thị xã Mỹ Hào')
  // A people's committee prints no parent line: Cài đặt says so when one is typed.
  await page.getByLabel('Cơ quan chủ quản trực tiếp (nếu có)').fill('Ủy ban nhân dân tỉnh Hưng Yên')
  await expect(page.getByText('dòng này sẽ không được in')).toBeVisible()
  await page.getByLabel('Địa danh (ghi trước ngày tháng)').fill('Mỹ Hào')
  await page.getByLabel('Chữ viết tắt của cơ quan').fill('UBND')
  await page.getByLabel('Đơn vị soạn thảo (dòng "Lưu: VT, …")').fill('KT')
  await page.getByLabel('Thẩm quyền ký (TM., KT., Q., TL., TUQ.)').fill('TM. Ủy ban nhân dân')
  await page.getByLabel('Dòng ký thay (nếu có)').fill('KT. Chủ tịch')
  await page.getByLabel('Chức vụ người ký').fill('Phó Chủ tịch')
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
  await setDate(page, 'report-date', '31/12/2020')
  await page.locator('input[name="docNumber"]').fill('5')
  const preview = page.getByTestId('report-preview')
  await expect(page.getByTestId('report-number')).toHaveText('Số: 05/BC-UBND')
  await expect(page.getByTestId('report-issuer')).toHaveText(['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'])
  await expect(preview).not.toContainText('TỈNH HƯNG YÊN')
  await expect(page.getByTestId('report-place-date')).toHaveText(
    /^Mỹ Hào, ngày \d\d tháng \d\d năm \d{4}$/,
  )
  await expect(preview.locator('.foot')).toContainText(
    'TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH',
  )
  await expect(page.getByTestId('report-signer')).toHaveText('Nguyễn Văn An')

  // a. Danh sách sản phẩm OCOP: 7 products (1×5★, 1×4★, 5×3★), counted in the body, listed in
  // the annex.
  await page.getByTestId('report-kind-products').click()
  expect((await recipients(page)).at(-1)).toBe('- Lưu: VT, KT.')
  expect(await previewRows(page, 'total', 'report-table-1')).toEqual([
    ['', 'Tổng cộng', '7', '100'],
  ])
  expect(await previewRows(page, 'subtotal', 'report-annex-table-0')).toEqual(
    ['1', '1', '5'].map((n) => ['', `Cộng: ${n} sản phẩm`, ...Array<string>(12).fill('')]),
  )
  const shownNames = (await previewRows(page, 'data', 'report-annex-table-0')).map((r) => r[1])
  expect(shownNames).toHaveLength(7)
  let { sheets } = await exportSheets(page)
  expect([...sheets.keys()]).toEqual(['Báo cáo', 'Phụ lục'])
  const body = sheets.get('Báo cáo')!
  expect(body.some((r) => r.includes('Số: 05/BC-UBND'))).toBe(true)
  expect(numbersOf(body.find((r) => r.includes('Tổng cộng'))!)).toEqual([7, 100])
  let annex = new Set(sheets.get('Phụ lục')!.flat())
  expect(annex).toContain('Tổng cộng: 7 sản phẩm')
  for (const name of shownNames) expect(annex).toContain(name)
  // The annex alone, to go with the Word report.
  const annexOnly = await exportSheets(page, 'report-export-annex-xlsx')
  expect(annexOnly.name).toMatch(/-phu-luc\.xlsx$/)
  expect([...annexOnly.sheets.keys()]).toEqual(['Phụ lục'])
  annex = new Set(annexOnly.sheets.get('Phụ lục')!.flat())
  for (const name of shownNames) expect(annex).toContain(name)

  // c. Tổng hợp theo đơn vị: the total row's figures, as shown and as written; no annex.
  await page.getByTestId('report-kind-units').click()
  await expect(page.getByTestId('report-export-annex-xlsx')).toHaveCount(0)
  const unitTotal = (await previewRows(page, 'total'))[0]!
  ;({ sheets } = await exportSheets(page))
  expect([...sheets.keys()]).toEqual(['Báo cáo'])
  const writtenTotal = sheets.get('Báo cáo')!.find((r) => r.includes('Tổng cộng'))!
  expect(numbersOf(writtenTotal)).toEqual(numbersOf(unitTotal))
  expect(numbersOf(unitTotal)).toEqual([5, 1, 1, 7])

  // e. Danh sách chủ thể: every producer shown is in the file's annex.
  await page.getByTestId('report-kind-producers').click()
  const producers = (await previewRows(page, 'data', 'report-annex-table-0'))
    .map((r) => r[1])
    .filter(Boolean)
  expect(producers.length).toBeGreaterThan(0)
  ;({ sheets } = await exportSheets(page))
  annex = new Set(sheets.get('Phụ lục')!.flat())
  for (const name of producers) expect(annex).toContain(name)

  // b. Kết quả thực hiện kế hoạch: the target's figures, as shown and as written.
  await page.getByTestId('report-kind-plan').click()
  const target = (await previewRows(page, 'data')).find((r) => r.includes('Sản phẩm 3 sao'))!
  ;({ sheets } = await exportSheets(page))
  const writtenTarget = sheets.get('Báo cáo')!.find((r) => r.includes('Sản phẩm 3 sao'))!
  expect(numbersOf(writtenTarget).slice(1)).toEqual(numbersOf(target).slice(1))

  // d. Giấy chứng nhận: on 01/12/2021 the 2018 certificates end within 30 days; the counts stay
  // in the body, the list goes to the annex.
  await page.getByTestId('report-kind-certificates').click()
  await setDate(page, 'report-date', '01/12/2021')
  const expiring = (await previewRows(page, 'data', 'report-annex-table-0')).map((r) => r[1])
  expect(expiring).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Ba ba/),
      expect.stringMatching(/^Cá nước ngọt/),
    ]),
  )
  ;({ sheets } = await exportSheets(page))
  annex = new Set(sheets.get('Phụ lục')!.flat())
  for (const name of expiring) expect(annex).toContain(name)

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

test('the date line is the signing date: changing "Ngày ký" moves it, changing the data date does not', async ({
  page,
}) => {
  await openPracticeRegister(page)
  await page.getByRole('navigation').getByText('Báo cáo').click()
  const placeDate = page.getByTestId('report-place-date')
  // Both start on the register's today (31/12/2020 in the practice register).
  await expect(page.getByTestId('report-signed-on').locator('input')).toHaveValue('31/12/2020')
  await expect(placeDate).toHaveText('Mỹ Hào, ngày 31 tháng 12 năm 2020')

  await setDate(page, 'report-signed-on', '05/01/2021')
  await expect(placeDate).toHaveText('Mỹ Hào, ngày 05 tháng 01 năm 2021')
  await expect(page.getByTestId('report-annex-label').locator('..')).toContainText(
    '(Kèm theo Báo cáo số      /BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)',
  )

  await setDate(page, 'report-date', '30/06/2020')
  const preview = page.getByTestId('report-preview')
  await expect(preview).toContainText('(Tính đến ngày 30/06/2020)')
  await expect(preview).toContainText('Đến 30/06/2020, toàn thị xã có')
  await expect(placeDate).toHaveText('Mỹ Hào, ngày 05 tháng 01 năm 2021')
  await expect(page.getByTestId('report-signed-on').locator('input')).toHaveValue('05/01/2021')
})

test('the clerk rewrites "Đánh giá chung" and the recipients; the report kind keeps them after a restart, and the Word file has them', async ({
  page,
}) => {
  await openPracticeRegister(page)
  const nav = page.getByRole('navigation')
  await nav.getByText('Báo cáo').click()
  await page.getByTestId('report-kind-products').click()
  const preview = page.getByTestId('report-preview')
  const generated = 'Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực'
  await expect(preview).toContainText(generated)

  await page.getByTestId('report-content-toggle').click()
  const general = page.getByTestId('report-narrative-general').locator('textarea')
  await expect(general).toHaveValue(new RegExp(`^${generated}`))
  const edited =
    'Năm 2020, thị xã Mỹ Hào có thêm 3 sản phẩm OCOP được công nhận, nâng tổng số lên 7 sản phẩm.'
  await general.fill(edited)
  // Applied when the field is left, not on every key.
  await expect(preview).toContainText(generated)
  await general.blur()
  await expect(preview).toContainText(edited)
  await expect(preview).not.toContainText(generated)

  // A report sent up to the province: "Kính gửi", then "Như trên" heads the usual recipients.
  const usual = await recipients(page)
  const addressees = page.getByTestId('report-addressees').locator('textarea')
  await addressees.fill('Ủy ban nhân dân tỉnh Hưng Yên')
  await addressees.blur()
  await expect(preview).toContainText('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
  expect(await recipients(page)).toEqual(['- Như trên;', ...usual])

  // The other report kinds keep their own text.
  await page.getByTestId('report-kind-units').click()
  await expect(preview).toContainText(generated)
  await expect(preview).not.toContainText(edited)
  await expect(preview).not.toContainText('Kính gửi')

  await page.reload()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await page.getByTestId('report-kind-products').click()
  await expect(preview).toContainText(edited)
  await expect(preview).toContainText('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
  await setDate(page, 'report-signed-on', '05/01/2021')

  const word = await exportDocx(page)
  expect(word.name).toMatch(/^du-lieu-mau-.*-2020-12-31\.docx$/)
  expect(word.paragraphs).toContain(edited)
  expect(word.paragraphs).not.toContain(expect.stringContaining(generated))
  expect(word.paragraphs).toContain('Mỹ Hào, ngày 05 tháng 01 năm 2021')
  expect(word.paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
  const from = word.paragraphs.indexOf('Nơi nhận:')
  expect(from).toBeGreaterThan(-1)
  expect(word.paragraphs.slice(from + 1, from + 2 + usual.length)).toEqual([
    '- Như trên;',
    ...usual,
  ])

  // "Tạo lại từ số liệu" goes back to the sentences made from the figures.
  await page.getByTestId('report-content-toggle').click()
  await page.getByTestId('report-regenerate').click()
  await expect(preview).toContainText(generated)
  await expect(preview).not.toContainText(edited)
})
