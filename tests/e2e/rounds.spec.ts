import { expect, test, type Page } from '@playwright/test'
import { openPracticeRegister } from './helpers'

const ROUND = 'Đánh giá sản phẩm OCOP năm 2026 đợt 1'
const MEMBERS: [string, string][] = [
  ['Nguyễn Văn An', 'Chủ tịch'],
  ['Trần Thị Bình', 'Ủy viên thư ký'],
  ['Lê Văn Cường', 'Ủy viên'],
]

/** Creates the round on the practice register and opens its page. */
async function createRound(page: Page) {
  await page.getByRole('navigation').getByText('Đợt đánh giá').click()
  await page.getByTestId('round-add').click()
  const form = page.getByRole('dialog')
  await form.getByLabel('Tên đợt').fill(ROUND)
  await form.locator('input[name="year"]').fill('2026')
  await form.locator('input[name="meetingFrom"]').fill('15/10/2026')
  await form.locator('input[name="councilDecisionNo"]').fill('1201/QĐ-UBND')
  // No council is taken from an earlier round: this one is made by hand.
  await form.getByTestId('round-members-from').locator('.n-base-clear').click({ force: true })
  await form.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByRole('heading', { name: ROUND })).toBeVisible()
  await expect(page.getByTestId('round-meta')).toContainText('QĐ 148')
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
