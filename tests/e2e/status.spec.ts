import { expect, test, type Page } from '@playwright/test'
import { openApp, typeDate } from './helpers'

/** Picks an option of a Naive UI select by typing, as a clerk does with the keyboard. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(testId)).toContainText(text)
}

/** Adds a product of `producer` from the product list; its page opens. */
async function addProduct(page: Page, name: string, producer: string) {
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill(name)
  await choose(page, 'product-producer', producer)
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByTestId('product-name')).toHaveText(name)
}

/** Adds an evaluation on the product's page: parts A, B, C, the recognised star and its decision. */
async function addEvaluation(
  page: Page,
  e: { year: string; parts: [string, string, string]; stars: string; decision: string },
) {
  await page.getByRole('button', { name: 'Thêm kết quả đánh giá' }).click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="year"]').fill(e.year)
  await typeDate(page, 'decision-date', e.decision)
  await form.locator('input[name="part-A"]').fill(e.parts[0])
  await form.locator('input[name="part-B"]').fill(e.parts[1])
  await form.locator('input[name="part-C"]').fill(e.parts[2])
  await form.locator('input[name="part-C"]').press('Tab')
  await choose(page, 'recognised-stars', e.stars)
  await form.locator('input[name="decisionNo"]').fill(`${e.year}/QĐ-UBND`)
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText(`Đã thêm kết quả đánh giá năm ${e.year}.`)).toBeVisible()
}

/** The product list's status cell of the product named `name`. */
const listedStatus = (page: Page, name: string) =>
  page.getByRole('row').filter({ hasText: name }).locator('[data-status]')

// The office laptop's screen less the taskbar and the window's bars.
test.use({ viewport: { width: 1366, height: 690 } })

test('a product’s status follows its evaluations on the date asked about, and a 1★-2★ result lapses', async ({
  page,
}, testInfo) => {
  // A clerk's whole walk: two products entered and evaluated by the forms, four screens, a reload.
  test.setTimeout(150_000)
  await openApp(page)
  await page.getByRole('navigation').getByText('Chủ thể').click()
  await page.keyboard.press('Control+n')
  const form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill('HTX Nông nghiệp Dị Sử')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã thêm chủ thể HTX Nông nghiệp Dị Sử.')).toBeVisible()

  // A 2★ result in 2018 (41 points): evaluated, never an OCOP product.
  await addProduct(page, 'Gạo nếp cái hoa vàng', 'HTX Nông nghiệp Dị Sử')
  await expect(page.getByTestId('product-status')).toHaveText('Chưa đánh giá')
  await addEvaluation(page, {
    year: '2018',
    parts: ['15', '10', '16'],
    stars: '2 sao',
    decision: '01/10/2018',
  })
  await typeDate(page, 'product-as-of', '31/12/2019')
  await expect(page.getByTestId('product-status')).toHaveText('Đã đánh giá 2 sao')
  await expect(page.getByTestId('current-rank')).toContainText('được tính đến hết 30/09/2021')
  // 36 months after its decision the 2★ no longer stands.
  await typeDate(page, 'product-as-of', '31/12/2022')
  await expect(page.getByTestId('product-status')).toHaveText('Hết hạn (2 sao)')

  // A 4★ recognition in 2021: an OCOP product from its decision, whatever was typed before.
  await addProduct(page, 'Tương Bần Mỹ Hào', 'HTX Nông nghiệp Dị Sử')
  await addEvaluation(page, {
    year: '2021',
    parts: ['30', '20', '21'],
    stars: '4 sao',
    decision: '15/06/2021',
  })
  await typeDate(page, 'product-as-of', '14/06/2021')
  await expect(page.getByTestId('product-status')).toHaveText('Chưa đánh giá')
  await typeDate(page, 'product-as-of', '31/12/2021')
  await expect(page.getByTestId('product-status')).toHaveText('Đạt OCOP 4 sao')

  // The product list says the same on its own date, and its status filter agrees.
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await typeDate(page, 'products-as-of', '31/12/2019')
  await expect(listedStatus(page, 'Gạo nếp cái hoa vàng')).toHaveText('Đã đánh giá 2 sao')
  await expect(listedStatus(page, 'Tương Bần Mỹ Hào')).toHaveText('Chưa đánh giá')
  await typeDate(page, 'products-as-of', '31/12/2021')
  await expect(listedStatus(page, 'Tương Bần Mỹ Hào')).toHaveText('Đạt OCOP 4 sao')
  await page.getByTestId('filter-status').click()
  await page.locator('.n-base-select-option').getByText('Đạt OCOP', { exact: true }).click()
  await expect(page.getByTestId('products-count')).toHaveText('1 / 2 sản phẩm')
  await expect(listedStatus(page, 'Gạo nếp cái hoa vàng')).toHaveCount(0)
  // The product's page opens on the list's date.
  await page.getByRole('link', { name: 'Tương Bần Mỹ Hào' }).click()
  await expect(page.getByTestId('product-status')).toHaveText('Đạt OCOP 4 sao')
  await page.screenshot({ path: testInfo.outputPath('product-page.png') })

  // Xếp hạng sao on 31/12/2022: the 2018 2★ no longer counts, the 4★ does.
  const starCounts = async (twoStars: string, none: string) => {
    await page.getByRole('navigation').getByText('Xếp hạng sao').click()
    await typeDate(page, 'stars-date', '31/12/2022')
    await page.locator('.n-tabs-tab', { hasText: 'Theo hạng sao' }).click()
    await expect(page.getByTestId('count-star-4')).toHaveText('1')
    await expect(page.getByTestId('count-ocop')).toHaveText('1')
    await expect(page.getByTestId('count-star-2')).toHaveText(twoStars)
    await expect(page.getByTestId('count-star-none')).toHaveText(none)
  }
  await starCounts('0', '1')

  // The office lets a 1★-2★ result stand 60 months: the 2018 2★ counts again in 2022, never as OCOP.
  await page.getByRole('navigation').getByText('Cài đặt').click()
  const rules = page.getByTestId('ranking-rules')
  await expect(rules).toContainText('QĐ 148/QĐ-TTg')
  const months = rules.getByRole('textbox', { name: 'Số tháng' })
  await expect(months).toHaveValue('36')
  await months.fill('0')
  await expect(rules.getByText('Nhập một số nguyên từ 1 đến 120.')).toBeVisible()
  await expect(rules.getByRole('button', { name: 'Lưu' })).toBeDisabled()
  await months.fill('60')
  await months.press('Enter')
  await expect(page.getByText('Đã lưu: kết quả 1-2 sao được tính 60 tháng.')).toBeVisible()
  await rules.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('ranking-rules.png') })

  await starCounts('1', '0')
  await page.getByTestId('count-star-2').click()
  await expect(page.getByTestId('stars-list').locator('[data-status]')).toHaveText(
    'Đã đánh giá 2 sao',
  )
  // The status column is in view at 1366 px, not scrolled off to the right.
  const list = await page.getByTestId('stars-list').boundingBox()
  const header = await page
    .getByTestId('stars-list')
    .getByRole('columnheader', { name: 'Trạng thái' })
    .boundingBox()
  expect(header!.x + header!.width).toBeLessThanOrEqual(list!.x + list!.width)
  await page.screenshot({ path: testInfo.outputPath('stars-two.png') })

  // The setting is kept: after a reload the list still reads 60 months.
  await page.reload()
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await typeDate(page, 'products-as-of', '31/12/2022')
  await expect(listedStatus(page, 'Gạo nếp cái hoa vàng')).toHaveText('Đã đánh giá 2 sao')
})
