import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { expect, test, type Page } from '@playwright/test'
import { docxParagraphs, openPracticeRegister } from './helpers'

const ROUND = 'Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh năm 2020 đợt 2'
const MEMBERS: [string, string][] = [
  ['Nguyễn Văn An', 'Chủ tịch'],
  ['Trần Thị Bình', 'Ủy viên thư ký'],
  ['Lê Văn Cường', 'Ủy viên'],
]
const PRODUCTS = ['Ba ba (dữ liệu mẫu)', 'Bò thịt (dữ liệu mẫu)', 'Cá nước ngọt (dữ liệu mẫu)']
/** A, B, C points by product, then by member: averages 76 (4★), 56 (3★) and 29,67 (1★). */
const SCORES = [
  [
    [30, 20, 25],
    [32, 20, 26],
    [31, 19, 25],
  ],
  [
    [20, 15, 20],
    [22, 15, 20],
    [21, 14, 21],
  ],
  [
    [10, 10, 8],
    [12, 10, 9],
    [11, 9, 10],
  ],
]

const tab = (page: Page, name: string | RegExp) =>
  page.locator('.n-tabs-tab', { hasText: name }).click()

/** Clicks a button that downloads a file; returns its name and path. */
async function downloadBy(page: Page, testId: string) {
  const download = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  const file = await download
  return { name: file.suggestedFilename(), path: await file.path() }
}

async function createRound(page: Page) {
  await page.getByRole('navigation').getByText('Đợt đánh giá').click()
  await page.getByTestId('round-add').click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="meetingFrom"]').fill('20/11/2020')
  await form.locator('input[name="name"]').fill(ROUND)
  await form.locator('input[name="councilDecisionNo"]').fill('1201/QĐ-UBND')
  await form.locator('input[name="place"]').fill('Hội trường UBND tỉnh')
  // This council is made by hand, not taken from the 2020 district round.
  await form.getByTestId('round-members-from').hover()
  await form.getByTestId('round-members-from').locator('.n-base-clear').click()
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByRole('heading', { name: ROUND })).toBeVisible()
  // The set in force on 20/11/2020, and the level that recognises under it.
  await expect(page.getByTestId('round-meta')).toHaveText(/Cấp tỉnh · .*QĐ 1048/)
}

async function addMembers(page: Page) {
  for (const [name, role] of MEMBERS) {
    await page.getByTestId('member-add').click()
    const form = page.getByRole('dialog')
    await form.locator('input[name="memberName"]').fill(name)
    await form.getByTestId('member-role').click()
    await page.locator('.n-base-select-option').getByText(role, { exact: true }).click()
    await form.getByRole('button', { name: 'Lưu' }).click()
    await expect(page.getByTestId('member-list')).toContainText(name)
  }
}

async function registerProducts(page: Page) {
  await tab(page, /Sản phẩm đăng ký/)
  await page.getByTestId('entry-add').click()
  await page.getByTestId('entry-picker').click()
  for (const name of PRODUCTS) {
    await page.keyboard.type(name.slice(0, 6))
    await page.locator('.n-base-select-option').getByText(name).first().click()
  }
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Thêm 3 sản phẩm' }).click()
  const list = page.getByTestId('entry-list')
  for (const name of PRODUCTS) await expect(list).toContainText(name)
  await expect(list).toContainText('Thiếu 5 mục')

  // An incomplete dossier blocks scoring; the checklist marked complete frees it.
  await tab(page, 'Chấm điểm')
  await expect(page.getByTestId('score-grid')).toContainText('Hồ sơ thiếu, chưa chấm')
  await tab(page, /Sản phẩm đăng ký/)
  for (let i = 0; i < PRODUCTS.length; i++) {
    await page.getByTestId('entry-dossier').nth(i).click()
    await page.getByTestId('dossier-all').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
    await expect(page.getByRole('dialog')).toBeHidden()
  }
  await expect(list.getByText('Đủ hồ sơ')).toHaveCount(3)
}

async function typeScores(page: Page, member: number) {
  await page.getByTestId('score-member').getByText(MEMBERS[member]![0]).click()
  for (const [p, product] of SCORES.entries()) {
    for (const [k, part] of ['A', 'B', 'C'].entries()) {
      const cell = page.getByTestId(`score-${p + 1}-${part}`).locator('input')
      await cell.fill(String(product[member]![k]))
      await cell.press('Enter')
    }
  }
  const first = SCORES[0]![member]!
  await expect(page.getByTestId('score-grid').locator('tbody tr').first()).toContainText(
    String(first.reduce((a, b) => a + b, 0)),
  )
}

/** The third member's workbook from the council's .zip, filled as the member would in Excel. */
async function fillThirdMembersWorkbook(zipPath: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await readFile(zipPath))
  const names = Object.keys(zip.files).sort()
  expect(names).toEqual([
    '01-phieu-cham-nguyen-van-an.xlsx',
    '02-phieu-cham-tran-thi-binh.xlsx',
    '03-phieu-cham-le-van-cuong.xlsx',
  ])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await zip.file(names[2]!)!.async('nodebuffer')) as never)
  const sheets = workbook.worksheets.filter((sheet) => sheet.state === 'visible')
  expect(sheets).toHaveLength(3)
  for (const [p, sheet] of sheets.entries()) {
    // The score cells are the unlocked ones, in the order of the parts.
    const cells: ExcelJS.Cell[] = []
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false) cells.push(cell)
      }),
    )
    expect(cells).toHaveLength(3)
    cells.forEach((cell, k) => (cell.value = SCORES[p]![2]![k]!))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

test('a round from council to recognition: scores typed and imported, results, documents, closing and undo', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await openPracticeRegister(page)
  await createRound(page)
  await addMembers(page)
  await registerProducts(page)

  // Two members' sheets typed in the grid.
  await tab(page, 'Chấm điểm')
  await typeScores(page, 0)
  await typeScores(page, 1)

  // The third member fills the workbook the app wrote; the secretary imports it.
  const saved = await downloadBy(page, 'round-workbooks-save')
  expect(saved.name).toMatch(/^phieu-cham-.*\.zip$/)
  const filled = await fillThirdMembersWorkbook(saved.path)
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('round-workbooks-import').click()
  await (
    await chooser
  ).setFiles({
    name: '03-phieu-cham-le-van-cuong.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  })
  const preview = page.getByTestId('score-import-preview')
  await expect(preview).toContainText('Lê Văn Cường')
  await expect(preview).toContainText('3 sản phẩm có điểm mới')
  await page.getByTestId('score-import-commit').click()
  await expect(preview).toBeHidden()

  // Results: every member's total, the averages and the stars.
  await tab(page, 'Kết quả')
  const results = page.getByTestId('result-grid')
  const row = (i: number) => results.locator('tbody tr').nth(i)
  await expect(row(0)).toContainText('75 · 78 · 75')
  await expect(row(0)).toContainText('76')
  await expect(row(0)).toContainText('4★')
  await expect(row(1)).toContainText('56')
  await expect(row(1)).toContainText('3★')
  await expect(row(2)).toContainText('29,67')
  await expect(row(2)).toContainText('1★')
  await expect(results.getByText('Đủ điều kiện')).toHaveCount(3)

  // The minutes and the recognition decision, as Word files.
  await page.getByTestId('round-document-kind').getByText('Biên bản họp Hội đồng').click()
  const minutes = await docxParagraphs((await downloadBy(page, 'round-document-docx')).path)
  expect(minutes).toContain('BIÊN BẢN')
  expect(minutes.join('\n')).toContain('Nguyễn Văn An')
  await page.getByTestId('round-document-kind').getByText('Quyết định công nhận kết quả').click()
  const decision = await docxParagraphs((await downloadBy(page, 'round-document-docx')).path)
  expect(decision).toContain('QUYẾT ĐỊNH:')
  expect(decision.join('\n')).toContain('Bò thịt (dữ liệu mẫu)')

  // Closing with the province's decision: 4★ and 3★ recognised, 1★ recorded as a result.
  await tab(page, 'Đóng đợt')
  const plan = page.getByTestId('closing-plan')
  await expect(plan.getByText('Công nhận tại cấp này')).toHaveCount(2)
  await expect(plan).toContainText('Ghi kết quả (dưới 3★)')
  await page.getByLabel('Số giấy chứng nhận của Ba ba (dữ liệu mẫu)').fill('GCN-2020-11')
  await page.getByLabel('Số quyết định').fill('2345/QĐ-UBND')
  await page.locator('input[name="decisionDate"]').fill('30/11/2020')
  await page.getByTestId('round-close').click()
  await page.getByRole('button', { name: 'Đóng đợt' }).last().click()
  await expect(page.getByTestId('closing-outcomes').getByText('Đã ghi kết quả')).toHaveCount(3)
  await expect(page.getByText('Đợt đã đóng: kết quả đã ghi vào sổ')).toBeVisible()

  // The evaluation is on the product's page, with its decision and certificate.
  const productPage = async () => {
    await tab(page, /Sản phẩm đăng ký/)
    await page.getByTestId('entry-list').getByRole('link', { name: PRODUCTS[0]! }).click()
    await expect(page.getByTestId('product-name')).toHaveText(PRODUCTS[0]!)
  }
  await productPage()
  // 4★ recognised by decision 2345/QĐ-UBND, valid 36 months; a raise from its 2018 3★.
  await expect(page.locator('main')).toContainText('2345/QĐ-UBND — 30/11/2020')
  await expect(page.locator('main')).toContainText('Còn hiệu lực (29/11/2023)')
  await expect(page.locator('main')).toContainText('3 sao → 4 sao')
  await page.goBack()

  // Reopening the round undoes its closing: the evaluation leaves the product's page.
  await tab(page, 'Đóng đợt')
  await page.getByTestId('batch-undo-round-close').click()
  await page.getByRole('button', { name: 'Mở lại đợt' }).last().click()
  await expect(page.getByTestId('round-close')).toBeVisible()
  await productPage()
  await expect(page.locator('main')).not.toContainText('2345/QĐ-UBND')
})
