import { expect, test, type Page } from '@playwright/test'
import { docxParagraphs, openPracticeRegister, typeDate } from './helpers'

// Two practice certificates not re-evaluated by the end of 2022: a 2018 one (3★, expired
// 19/12/2021) and a 2019 one (expired 17/12/2022). The practice register's own decision revoked
// Ba ba's 2018 certificate on 28/12/2021.
const FISH = 'Cá nước ngọt (dữ liệu mẫu)'
const CHICKEN = 'Gà lông màu (dữ liệu mẫu)'

test.use({ viewport: { width: 1366, height: 690 } })

const nav = (page: Page, section: string) =>
  page.getByRole('navigation').getByText(section, { exact: true }).click()

/** The product's status on its page on `date` (dd/mm/yyyy), opened from the product list. */
async function statusOnPage(page: Page, name: string, date: string) {
  await nav(page, 'Sản phẩm')
  await page.getByTestId('products-table').getByRole('link', { name, exact: true }).click()
  await expect(page.getByTestId('product-name')).toHaveText(name)
  await typeDate(page, 'product-as-of', date)
  return page.getByTestId('product-status')
}

/** Thu hồi giấy chứng nhận from Xếp hạng sao's certificates tab, on the tab's date. */
async function openRevocations(page: Page, date: string) {
  await nav(page, 'Xếp hạng sao')
  await typeDate(page, 'stars-date', date)
  await page.locator('.n-tabs-tab', { hasText: 'Giấy chứng nhận sắp hết hạn' }).click()
  await page.getByRole('button', { name: 'Lập dự thảo thu hồi' }).click()
  await expect(page.getByRole('heading', { name: 'Thu hồi giấy chứng nhận' })).toBeVisible()
}

test('a revocation drafted from the certificates tab makes its product "Bị thu hồi" from the decision date, until undone', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openPracticeRegister(page)
  await openRevocations(page, '31/12/2022')

  // The draft proposes the two certificates expired with no re-evaluation, on the tab's date.
  const draft = page.getByTestId('draft-table')
  await expect(page.getByTestId('revocation-date').locator('input')).toHaveValue('31/12/2022')
  await expect(page.getByTestId('draft-count')).toHaveText('Số giấy chứng nhận trong dự thảo: 2')
  for (const [name, expiry] of [
    [FISH, '19/12/2021'],
    [CHICKEN, '17/12/2022'],
  ] as const) {
    const row = draft.getByRole('row').filter({ hasText: name })
    await expect(row).toContainText('Hết thời hạn, không đánh giá lại')
    await expect(row).toContainText(expiry)
  }
  // The practice register's own decision is listed.
  await expect(
    page.getByTestId('revocations-list').getByRole('row').filter({ hasText: '3268/QĐ-UBND' }),
  ).toContainText('28/12/2021')
  // The owners to notify are in the certificates report, linked from the draft.
  await expect(page.getByTestId('revocation-notify')).toHaveAttribute(
    'href',
    /#\/bao-cao\?loai=certificates&ngay=2022-12-31/,
  )

  // The clerk keeps one certificate and records the decision.
  await page.getByRole('button', { name: `Bỏ ${CHICKEN} khỏi dự thảo` }).click()
  await expect(page.getByTestId('draft-count')).toHaveText('Số giấy chứng nhận trong dự thảo: 1')
  await page.getByTestId('revocation-number').locator('input').fill('12/QĐ-UBND')
  // The province recognised it: the office asks the province, at the level it recognised.
  await page.getByTestId('issuer-higher').click()
  await expect(page.getByTestId('revocation-level')).toContainText('Cấp tỉnh')
  // The Tờ trình goes up before the province decides: it is exported from the draft, with its
  // own number and date.
  // Neither it nor the decision is made before the province is named: the paper is addressed to it.
  const proposalButton = page.getByRole('button', { name: 'Xuất tờ trình (.docx)' })
  const signerNeeded = page.getByText('Hãy ghi Cơ quan ký')
  await page.getByRole('button', { name: 'Ghi quyết định', exact: true }).click()
  await expect(signerNeeded).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(signerNeeded).toBeHidden()
  await proposalButton.click()
  await expect(signerNeeded).toBeVisible()
  await page.getByTestId('revocation-signer').locator('input').fill('Ủy ban nhân dân tỉnh Hưng Yên')
  await page.getByTestId('proposal-number').locator('input').fill('7')
  await typeDate(page, 'proposal-date', '20/12/2022')
  const proposal = page.waitForEvent('download')
  await proposalButton.click()
  const proposed = (await docxParagraphs(await (await proposal).path())).join('\n')
  expect(proposed).toContain('TỜ TRÌNH')
  expect(proposed).toContain('Số: 07/TTr-UBND')
  expect(proposed).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
  expect(proposed).toContain('Mỹ Hào, ngày 20 tháng 12 năm 2022')
  expect(proposed).toContain(FISH)
  expect(proposed).not.toContain(CHICKEN)
  await expect(page.getByTestId('revocation-decision-date').locator('input')).toHaveValue(
    '31/12/2022',
  )
  await page.getByRole('button', { name: 'Ghi quyết định', exact: true }).click()
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText('thu hồi 1 giấy chứng nhận')
  await confirm.getByRole('button', { name: 'Ghi quyết định' }).click()
  await expect(
    page.getByText('Đã ghi Quyết định thu hồi số 12/QĐ-UBND: 1 giấy chứng nhận.'),
  ).toBeVisible()

  const list = page.getByTestId('revocations-list')
  const recorded = list.getByRole('row').filter({ hasText: '12/QĐ-UBND' })
  await expect(recorded).toContainText('31/12/2022')
  await expect(recorded.locator('td').nth(3)).toHaveText('1')
  // Its paper: the Tờ trình asking the province to revoke (the province recognised the product).
  const download = page.waitForEvent('download')
  await page.getByTestId('revocation-docx-12/QĐ-UBND').click()
  const paper = await download
  expect(paper.suggestedFilename()).toMatch(/\.docx$/)
  const paragraphs = await docxParagraphs(await paper.path())
  expect(paragraphs).toContain('TỜ TRÌNH')
  expect(paragraphs.join('\n')).toContain(FISH)
  expect(paragraphs.join('\n')).toContain('Hết thời hạn, không đánh giá lại')

  // The revoked certificate leaves the draft; the one removed is proposed again.
  await expect(page.getByTestId('draft-count')).toHaveText('Số giấy chứng nhận trong dự thảo: 1')
  await expect(draft).toContainText(CHICKEN)
  await expect(draft).not.toContainText(FISH)

  // On the product's page: revoked from the decision's date, expired the day before.
  const status = await statusOnPage(page, FISH, '31/12/2022')
  await expect(status).toHaveText('Bị thu hồi (3 sao)')
  await expect(page.getByTestId('revoked-by')).toHaveText(
    'Thu hồi theo Quyết định số 12/QĐ-UBND ngày 31/12/2022',
  )
  await typeDate(page, 'product-as-of', '30/12/2022')
  await expect(status).toHaveText(/^Hết hạn/)
  await expect(page.getByTestId('revoked-by')).toHaveCount(0)

  // Undone from the list of decisions: the product is back as it was.
  await openRevocations(page, '31/12/2022')
  await page.getByTestId('undo-revocation-12/QĐ-UBND').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(page.getByText('Đã hoàn tác Quyết định thu hồi số 12/QĐ-UBND.')).toBeVisible()
  await expect(recorded).toContainText('Đã hoàn tác lúc')
  await expect(page.getByTestId('draft-count')).toHaveText('Số giấy chứng nhận trong dự thảo: 2')

  const after = await statusOnPage(page, FISH, '31/12/2022')
  await expect(after).toHaveText(/^Hết hạn/)
  await expect(page.getByTestId('revoked-by')).toHaveCount(0)
})
