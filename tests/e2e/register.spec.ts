import { expect, test, type Page } from '@playwright/test'
import { loadMyHaoUnits, openApp } from './helpers'

/** Picks an option of a Naive UI select by typing, as a clerk does with the keyboard. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(testId)).toContainText(text)
}
async function fillDate(page: Page, testId: string, value: string) {
  const input = page.getByRole('dialog').getByTestId(testId).locator('input')
  await input.fill(value)
  await input.press('Tab')
}

async function addEvaluation(
  page: Page,
  e: {
    year: string
    parts: [string, string, string]
    stars: string
    decisionNo: string
    decisionDate: string
    kind?: string
  },
) {
  await page.getByRole('button', { name: 'Thêm kết quả đánh giá' }).click()
  const form = page.getByRole('dialog')
  await form.locator('input[name="year"]').fill(e.year)
  await fillDate(page, 'decision-date', e.decisionDate)
  await form.locator('input[name="part-A"]').fill(e.parts[0])
  await form.locator('input[name="part-B"]').fill(e.parts[1])
  await form.locator('input[name="part-C"]').fill(e.parts[2])
  await form.locator('input[name="part-C"]').press('Tab')
  await choose(page, 'recognised-stars', e.stars)
  if (e.kind) await choose(page, 'evaluation-kind', e.kind)
  await form.locator('input[name="decisionNo"]').fill(e.decisionNo)
  return form
}

test('a clerk registers a producer and a product, evaluates it twice and sees its history', async ({
  page,
}) => {
  await openApp(page)
  await loadMyHaoUnits(page)

  // A producer.
  await page.getByRole('navigation').getByText('Chủ thể').click()
  await expect(page.getByText('Chưa có chủ thể nào.')).toBeVisible()
  await page.keyboard.press('Control+n')
  let form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill('HTX Tương Bần Nhân Hòa')
  await choose(page, 'producer-unit', 'Nhân Hòa')
  await form.locator('input[name="taxCode"]').fill('0901234567')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã thêm chủ thể HTX Tương Bần Nhân Hòa.')).toBeVisible()

  // A product of that producer; its unit follows the producer's.
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
  form = page.getByRole('dialog')
  await form.locator('input[name="name"]').fill('Tương Bần Mỹ Hào')
  await choose(page, 'product-producer', 'HTX Tương Bần')
  await expect(page.getByTestId('product-unit')).toContainText('Nhân Hòa')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByTestId('product-name')).toHaveText('Tương Bần Mỹ Hào')
  await expect(page.getByTestId('current-rank')).toHaveText('Chưa xếp hạng')

  // First evaluation, 2019 under QĐ 1048 (chosen by date): 62,5 points → 3★.
  form = await addEvaluation(page, {
    year: '2019',
    parts: ['25', '15', '22,5'],
    stars: '3 sao',
    decisionNo: '1358/QĐ-UBND',
    decisionDate: '05/11/2019',
  })
  await expect(form.getByTestId('criteria-set')).toContainText('QĐ 1048')
  await expect(form.getByTestId('total')).toHaveText('62,5')
  await expect(form.getByTestId('computed-stars')).toHaveText('3 sao')
  await expect(form.getByTestId('expiry')).toHaveText('04/11/2022')
  await expect(form.getByTestId('stars-disagree')).toHaveCount(0)
  // A part above its maximum is refused with the maximum named.
  await form.locator('input[name="part-A"]').fill('36')
  await form.locator('input[name="part-A"]').press('Tab')
  await expect(form.getByText('Điểm phần này tối đa là 35.')).toBeVisible()
  await form.locator('input[name="part-A"]').fill('25')
  await form.locator('input[name="part-A"]').press('Tab')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã thêm kết quả đánh giá năm 2019.')).toBeVisible()

  // Upgrade in 2021 to 4★; the recognised star is kept even where the score says otherwise.
  form = await addEvaluation(page, {
    year: '2021',
    parts: ['30', '20', '21'],
    stars: '4 sao',
    decisionNo: '210/QĐ-UBND',
    decisionDate: '15/06/2021',
    kind: 'Nâng hạng',
  })
  await expect(form.getByTestId('total')).toHaveText('71')
  await expect(form.getByTestId('computed-stars')).toHaveText('4 sao')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Đã thêm kết quả đánh giá năm 2021.')).toBeVisible()

  const timeline = page.getByTestId('timeline')
  await expect(timeline).toContainText('Được công nhận lần đầu')
  await expect(timeline).toContainText('05/11/2019')
  await expect(timeline).toContainText('Nâng hạng')
  await expect(timeline).toContainText('3 sao → 4 sao')
  await expect(page.getByTestId('evaluations-table').getByRole('row')).toHaveCount(3)

  // The star views follow: at the end of 2019 Nhân Hòa has one 3★ product, at the end of 2021 one
  // 4★ product, and 2020 → 2021 counts one upgrade.
  await page.getByRole('navigation').getByText('Xếp hạng sao').click()
  const asOf = page.getByTestId('stars-date').locator('input')
  const showOn = async (date: string) => {
    await asOf.fill(date)
    await asOf.press('Tab')
  }
  await showOn('31/12/2019')
  await page.locator('.n-tabs-tab', { hasText: 'Theo hạng sao' }).click()
  await expect(page.getByTestId('count-star-3')).toHaveText('1')
  await expect(page.getByTestId('count-star-4')).toHaveText('0')
  await page.locator('.n-tabs-tab', { hasText: 'Theo đơn vị' }).click()
  const nhanHoa = page.getByTestId('matrix-row-Nhân Hòa')
  await expect(nhanHoa.getByTestId('cell-3')).toHaveText('1')
  await expect(page.getByTestId('matrix-row-Dị Sử').getByTestId('no-ocop')).toBeVisible()
  await showOn('31/12/2021')
  await expect(nhanHoa.getByTestId('cell-3')).toHaveText('0')
  await expect(nhanHoa.getByTestId('cell-4')).toHaveText('1')
  await expect(page.getByTestId('matrix-total').getByTestId('cell-total')).toHaveText('1')
  await page.locator('.n-tabs-tab', { hasText: 'So sánh năm' }).click()
  await expect(page.getByTestId('change-upgraded')).toHaveText('1')
  await expect(page.getByTestId('years-list')).toContainText('Tương Bần Mỹ Hào')

  // Found again from the list by typing without diacritics.
  await page.getByRole('navigation').getByText('Sản phẩm').click()
  await page.getByRole('searchbox').fill('tuong ban')
  await expect(page.getByTestId('products-count')).toHaveText('1 / 1 sản phẩm')
  await expect(page.getByTestId('products-table')).toContainText('Tương Bần Mỹ Hào')
  await page.getByRole('searchbox').fill('nuoc mam')
  await expect(page.getByTestId('products-count')).toHaveText('0 / 1 sản phẩm')
})
