import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { openPracticeRegister } from './helpers'

type Line = [kind: string, code: string, text: string, points: number | string, mandatory?: number]

/** The definition template as the clerk fills it in: the sheet's facts, then its lines. */
async function fillTemplate(
  templatePath: string,
  facts: { set: string; groups: string; name: string; source: string },
  lines: Line[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(templatePath)
  const about = workbook.getWorksheet('Thông tin')!
  ;[facts.set, facts.groups, facts.name, facts.source].forEach((value, i) => {
    about.getCell(i + 1, 2).value = value
  })
  const sheet = workbook.getWorksheet('Phiếu chấm')!
  lines.forEach((line, i) => {
    line.forEach((value, column) => {
      sheet.getCell(i + 2, column + 1).value = value
    })
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A small sheet: part A down to its options, parts B and C scored whole. */
function foodLines(criterionMax: number): Line[] {
  return [
    ['Phần', 'A', 'Sản phẩm và sức mạnh cộng đồng', 40],
    ['Mục', 'A1', 'Tổ chức sản xuất', 40],
    ['Tiêu chí', 'A1.1', 'Nguồn nguyên liệu', criterionMax, 3],
    ['Lựa chọn', '', 'Sử dụng nguyên liệu địa phương', criterionMax],
    ['Lựa chọn', '', 'Không sử dụng nguyên liệu địa phương', 0],
    ['Phần', 'B', 'Khả năng tiếp thị', 25],
    ['Phần', 'C', 'Chất lượng sản phẩm', 35],
  ]
}

async function pickFile(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('sheet-load').click()
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
}

/** The screen as it stands at both sizes the office uses: nothing scrolls sideways. */
async function looksRight(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 690],
    [1536, 864],
  ] as const) {
    await page.setViewportSize({ width, height })
    const sideways = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.n-layout-scroll-container, html')).some(
        (scroller) => scroller.scrollWidth > scroller.clientWidth + 1,
      ),
    )
    expect(sideways, `${name} at ${width}×${height}`).toBe(false)
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) })
  }
}

test('a round loads the full scoring sheet of a product group from its filled template, and a broken one is refused by row', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openPracticeRegister(page)
  await page.getByRole('navigation').getByText('Đợt đánh giá').click()
  await page.getByTestId('round-add').click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill('Đánh giá sản phẩm OCOP năm 2026 đợt 1')
  await form.locator('input[name="year"]').fill('2026')
  await form.locator('input[name="meetingFrom"]').fill('15/10/2026')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByTestId('round-meta')).toContainText('QĐ 148')
  await page.locator('.n-tabs-tab').getByText('Chấm điểm', { exact: true }).click()

  const card = page.getByTestId('round-sheets')
  await expect(card).toContainText('được chấm theo phần')
  await expect(card).toContainText('không tự đặt ra điểm chính thức')
  await expect(card).toContainText('Chưa nạp phiếu chấm đầy đủ nào')
  const set = /mã bộ tiêu chí "([^"]+)"/.exec((await card.textContent()) ?? '')![1]!

  const download = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Tải mẫu phiếu chấm (.xlsx)' }).click()
  const template = await (await download).path()
  await expect(page.getByText('Đã lưu mẫu khai báo phiếu chấm')).toBeVisible()

  const facts = {
    set,
    groups: 'I',
    name: 'Phiếu chấm nhóm Thực phẩm',
    source: 'QĐ 148/QĐ-TTg, Phụ lục III',
  }
  await pickFile(page, 'phieu-thuc-pham.xlsx', await fillTemplate(template, facts, foodLines(40)))
  const confirm = page.getByTestId('sheet-confirm')
  await expect(confirm).toContainText('Phiếu chấm nhóm Thực phẩm')
  await expect(confirm).toContainText('Thực phẩm')
  await expect(confirm).toContainText('3 phần, 1 mục, 1 tiêu chí, trong đó 1 tiêu chí bắt buộc')
  await looksRight(page, 'nap-phieu-cham')
  await confirm.getByRole('button', { name: 'Nạp phiếu chấm' }).click()
  const list = card.getByTestId('sheet-list')
  await expect(list.getByRole('row')).toHaveCount(2)
  await expect(list).toContainText('Phiếu chấm nhóm Thực phẩm')
  await expect(list).toContainText('phieu-thuc-pham.xlsx')
  await looksRight(page, 'phieu-cham')

  // Criteria that do not add up to their section: refused with the row, nothing saved.
  const broken = { ...facts, groups: 'II', name: 'Phiếu chấm nhóm Đồ uống' }
  await pickFile(page, 'phieu-do-uong.xlsx', await fillTemplate(template, broken, foodLines(30)))
  const problems = page.getByTestId('sheet-problems')
  await expect(problems).toContainText('chưa có gì được lưu')
  await expect(problems.getByRole('listitem').first()).toHaveText(
    'Tệp phieu-do-uong.xlsx, trang "Phiếu chấm", dòng 3: các tiêu chí của mục A1 cộng lại được 30 điểm, khác điểm tối đa của mục (40). Hãy đối chiếu điểm tối đa của từng tiêu chí với văn bản. Hãy sửa trong tệp khai báo rồi nạp lại.',
  )
  await looksRight(page, 'phieu-cham-loi')
  await problems.getByRole('button', { name: 'Đóng' }).click()
  await expect(list.getByRole('row')).toHaveCount(2)

  // Removed, then put back.
  await list.getByRole('button', { name: 'Bỏ Phiếu chấm nhóm Thực phẩm' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Bỏ' }).click()
  await expect(card).toContainText('Chưa nạp phiếu chấm đầy đủ nào')
  await page
    .locator('.n-message')
    .filter({ hasText: 'Đã bỏ phiếu chấm' })
    .getByRole('button', { name: 'Hoàn tác' })
    .click()
  await expect(card.getByTestId('sheet-list')).toContainText('Phiếu chấm nhóm Thực phẩm')

  // A product of the group is scored criterion by criterion; its parts are their sums.
  await page.locator('.n-tabs-tab').getByText('Thông tin & Hội đồng').click()
  await page.getByTestId('member-add').click()
  await page.getByRole('dialog').locator('input[name="memberName"]').fill('Nguyễn Văn An')
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  await page.locator('.n-tabs-tab', { hasText: 'Sản phẩm đăng ký' }).click()
  await page.getByTestId('entry-add').click()
  await page.getByTestId('entry-picker').click()
  await page.locator('.n-base-select-option').first().click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Thêm 1 sản phẩm' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.getByTestId('entry-list').locator('.n-base-selection').first().click()
  await page.locator('.n-base-select-option').getByText('Thực phẩm', { exact: true }).click()
  await page.getByTestId('entry-dossier').click()
  await page.getByTestId('dossier-all').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  await page.locator('.n-tabs-tab').getByText('Chấm điểm', { exact: true }).click()
  await page.getByTestId('score-items').click()
  const items = page.getByTestId('item-scores')
  const typed: [string, string][] = [
    ['A1.1 Nguồn nguyên liệu', '30'],
    ['B Khả năng tiếp thị', '20'],
    ['C Chất lượng sản phẩm', '25,5'],
  ]
  for (const [label, points] of typed) {
    await items.getByLabel(label).fill(points)
    await items.getByLabel(label).press('Tab')
  }
  // A point over its criterion's maximum stays in its cell, marked, and is not taken.
  await items.getByLabel('B Khả năng tiếp thị').fill('26')
  await items.getByLabel('B Khả năng tiếp thị').press('Tab')
  await expect(items.getByLabel('B Khả năng tiếp thị')).toHaveAttribute('aria-invalid', 'true')
  await items.getByLabel('B Khả năng tiếp thị').fill('20')
  await items.getByLabel('B Khả năng tiếp thị').press('Tab')
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
  const row = page.getByTestId('score-grid').locator('tbody tr').first()
  await expect(row).toContainText('75,5')
  await expect(row.locator('input').first()).toHaveValue('30')
})
