import { expect, test, type Page } from '@playwright/test'
import { openPracticeRegister, todayInPage } from './helpers'

async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

async function setDate(page: Page, testId: string, ddmmyyyy: string) {
  const input = page.getByTestId(testId).locator('input')
  await input.fill(ddmmyyyy)
  await input.press('Tab')
}

/** The targets table row of a target: its cells' texts. */
async function targetRow(page: Page, label: string) {
  const row = page.getByTestId('plan-targets').locator('tr', { hasText: label })
  return row.locator('td').allInnerTexts()
}

test('the Mỹ Hào 2019-2020 plan, created through the forms, shows its progress at the end of 2018 and 2020', async ({
  page,
}) => {
  await openPracticeRegister(page)

  await page.getByRole('navigation').getByText('Kế hoạch').click()
  await page.getByTestId('plan-add').click()
  await page.locator('input[name="name"]').fill('Kế hoạch OCOP thị xã Mỹ Hào giai đoạn 2019-2020')
  await page.locator('input[name="docNo"]').fill('45/KH-UBND')
  await page.locator('input[name="fromYear"]').fill('2019')
  await page.locator('input[name="toYear"]').fill('2020')
  await page.locator('input[name="baselineYear"]').fill('2018')

  // 6 products at 3★, 2 at 4★, 1 at 5★, 9 at 3★ or more, every commune/ward with a product.
  await page.locator('input[name="targets.0.value"]').fill('6')
  const targets: [string, string | null, string][] = [
    ['đúng N sao', '4', '2'],
    ['đúng N sao', '5', '1'],
    ['từ N sao trở lên', '3', '9'],
    ['Tỷ lệ xã', null, '100'],
  ]
  for (const [i, [kind, stars, value]] of targets.entries()) {
    const n = i + 1
    await page.getByTestId('add-target').click()
    await choose(page, `target-${n}-kind`, kind)
    if (stars) await choose(page, `target-${n}-stars`, stars)
    await page.locator(`input[name="targets.${n}.value"]`).fill(value)
  }
  await page.getByTestId('plan-save').click()
  await expect(page.getByText('Đã lưu kế hoạch')).toBeVisible()
  await expect(
    page.getByRole('heading', { name: 'Kế hoạch OCOP thị xã Mỹ Hào giai đoạn 2019-2020' }),
  ).toBeVisible()

  // What the chart shows, read from the page: baseline / now / target per star level.
  const level = (stars: number) => page.getByTestId(`star-level-${stars}`)
  const levelValues = async (stars: number) => [
    await level(stars).getAttribute('data-baseline'),
    await level(stars).getAttribute('data-current'),
    await level(stars).getAttribute('data-target'),
  ]

  await setDate(page, 'plan-date', '31/12/2018')
  expect(await levelValues(3)).toEqual(['4', '4', '6'])
  expect(await levelValues(4)).toEqual(['1', '1', '2'])
  expect(await levelValues(5)).toEqual(['0', '0', '1'])
  expect(await targetRow(page, 'Sản phẩm 3 sao')).toEqual([
    'Sản phẩm 3 sao',
    '4',
    '4',
    '6',
    '2',
    '31/12/2020',
    'Đang thực hiện',
  ])

  await setDate(page, 'plan-date', '31/12/2020')
  expect(await levelValues(3)).toEqual(['4', '5', '6'])
  expect(await levelValues(4)).toEqual(['1', '1', '2'])
  expect(await levelValues(5)).toEqual(['0', '1', '1'])
  expect(await targetRow(page, 'Sản phẩm 5 sao')).toEqual([
    'Sản phẩm 5 sao',
    '0',
    '1',
    '1',
    '0',
    '31/12/2020',
    'Đạt',
  ])
  expect(await targetRow(page, 'Sản phẩm từ 3 sao')).toEqual([
    'Sản phẩm từ 3 sao',
    '5',
    '7',
    '9',
    '2',
    '31/12/2020',
    'Chậm',
  ])
  // Units with an OCOP product: 7 of the 13 of 2019 (the charts below draw once scrolled to).
  await page.getByTestId('plan-targets').scrollIntoViewIfNeeded()
  await page.mouse.wheel(0, 2000)
  await expect(page.getByTestId('unit-coverage')).toHaveCount(13)
  await expect(page.locator('[data-testid="unit-coverage"][data-empty="true"]')).toHaveCount(6)
  await page.getByTestId('plan-star-chart').screenshot({
    path: test.info().outputPath('plan-chart-2020.png'),
  })

  // The period is over: what was missed is not reached.
  await setDate(page, 'plan-date', '01/01/2021')
  expect(await targetRow(page, 'Sản phẩm 4 sao')).toEqual([
    'Sản phẩm 4 sao',
    '1',
    '1',
    '2',
    '1',
    '31/12/2020',
    'Không đạt',
  ])
})

test('Tổng quan shows the register in numbers, each a link to its list', async ({ page }) => {
  await openPracticeRegister(page)
  // The practice register's "today" is 31/12/2020: the 2018-2020 recognitions stand.
  await expect(page.getByTestId('dash-ocop')).toHaveText('7')
  await expect(page.getByTestId('dash-units-without')).toHaveText('6')
  // Today on the calendar (2026 and later) every demo certificate of 2018-2020 has expired.
  const date = page.getByTestId('overview-date').locator('input')
  await date.fill(await todayInPage(page))
  await date.press('Tab')
  await expect(page.getByTestId('dash-ocop')).toHaveText('0')
  await expect(page.getByTestId('dash-units-without')).toHaveText('3')
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true })
  await page.getByTestId('dash-units-without').click()
  await expect(page).toHaveURL(/xep-hang-sao\?tab=by-unit/)
})
