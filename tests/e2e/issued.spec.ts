import { createHash } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { docxParagraphs, openPracticeRegister } from './helpers'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The kept copy named `name` in the web host's data folder (playwright.config.ts sets it). */
async function keptCopy(name: string): Promise<Buffer> {
  const folder = join(process.env.OCOP_E2E_DATA!, 'van-ban-da-phat-hanh')
  for (const id of await readdir(folder)) {
    if ((await readdir(join(folder, id))).includes(name)) return readFile(join(folder, id, name))
  }
  throw new Error(`${name} is not kept in ${folder}`)
}

/** Clicks a button that downloads a file; returns its name, path and bytes. */
async function downloadBy(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download')
  await click()
  const file = await download
  const path = await file.path()
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) }
}

async function setSignerName(page: Page, name: string) {
  await page.getByRole('navigation').getByText('Cài đặt').click()
  await page.getByLabel('Họ và tên người ký').fill(name)
  await page.getByLabel('Họ và tên người ký').press('Enter')
  // The message of an earlier save may still be showing beside this one's: the newest counts.
  await expect(page.getByText('Đã lưu thông tin cơ quan.').last()).toBeVisible()
  await expect(page.getByLabel('Họ và tên người ký')).toHaveValue(name)
}

test('a report is issued with the next number, listed, and reopened exactly as signed after the register changed', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openPracticeRegister(page)
  await setSignerName(page, 'Trần Thị Bình')
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await expect(page.getByTestId('issued-link')).toHaveText('Văn bản đã phát hành (0)')

  // The first report of the year gets number 1; the clerk confirms it.
  await page.getByTestId('report-issue').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('issue-number').locator('input')).toHaveValue('1')
  await expect(dialog.getByTestId('issue-reference')).toHaveText(/^01\/BC-/)
  const reference = (await dialog.getByTestId('issue-reference').textContent())!.trim()
  await expect(dialog.getByText('Trần Thị Bình')).toBeVisible()
  await dialog.getByTestId('issue-signed-on').locator('input').fill('05/01/2021')
  await dialog.getByTestId('form-save').click()
  await expect(page.getByText(`Đã phát hành văn bản số ${reference}`)).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('issued-link')).toHaveText('Văn bản đã phát hành (1)')

  // The next one is offered number 2; a number already given is refused before anything is kept.
  await page.getByTestId('report-issue').click()
  const number = dialog.getByTestId('issue-number').locator('input')
  await expect(number).toHaveValue('2')
  await dialog.getByTestId('issue-signed-on').locator('input').fill('06/01/2021')
  await number.fill('1')
  await dialog.getByTestId('form-save').click()
  await expect(dialog.getByText(`Số ${reference} đã cấp cho văn bản`)).toBeVisible()
  await dialog.getByTestId('form-cancel').click()
  await page.getByRole('button', { name: 'Bỏ thay đổi' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // The register changes after signing: the screen follows, the issued document does not.
  await setSignerName(page, 'Lê Văn Cường')
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await expect(page.getByTestId('report-preview')).toContainText('Lê Văn Cường')

  await page.getByTestId('issued-link').click()
  const list = page.getByTestId('issued-list')
  await expect(list.locator('tbody tr')).toHaveCount(1)
  const row = list.locator('tbody tr').first()
  await expect(row).toContainText(reference)
  await expect(row).toContainText('05/01/2021')
  await expect(row).toContainText('Trần Thị Bình')
  // On a 1366×768 laptop the list fits: no column pushed out of sight behind a sideways scroll.
  await page.setViewportSize({ width: 1366, height: 690 })
  const sideways = await list
    .locator('.n-scrollbar-container')
    .first()
    .evaluate((box) => box.scrollWidth - box.clientWidth)
  expect(sideways).toBeLessThanOrEqual(0)

  const opened = await downloadBy(page, () => row.getByTestId('issued-open-docx').click())
  expect(opened.name).toMatch(/^so-01-bc-.*\.docx$/)
  expect(sha256(opened.bytes)).toBe(sha256(await keptCopy(opened.name)))
  const text = (await docxParagraphs(opened.path)).join('\n')
  expect(text).toContain(`Số: ${reference}`)
  expect(text).toContain('ngày 05 tháng 01 năm 2021')
  expect(text).toContain('Trần Thị Bình')
  expect(text).not.toContain('Lê Văn Cường')
  // The annex went along in Excel, kept the same way.
  const annex = await downloadBy(page, () => row.getByTestId('issued-open-annex-xlsx').click())
  expect(annex.name).toMatch(/-phu-luc\.xlsx$/)
  expect(sha256(annex.bytes)).toBe(sha256(await keptCopy(annex.name)))

  // A kept copy lost from the data folder is named, and written again from the kept document.
  await rm(join(process.env.OCOP_E2E_DATA!, 'van-ban-da-phat-hanh'), { recursive: true })
  await row.getByTestId('issued-open-docx').click()
  const missing = page.locator('.n-notification').filter({ hasText: 'Không tìm thấy bản lưu' })
  await expect(missing).toContainText(`“${opened.name}”`)
  await missing.getByRole('button', { name: 'close' }).click()
  await row.getByTestId('issued-more').click()
  await page.getByText('Tạo lại tệp', { exact: true }).click()
  await expect(page.getByText(`Đã tạo lại tệp của văn bản số ${reference}`)).toBeVisible()
  const recreated = await downloadBy(page, () => row.getByTestId('issued-open-docx').click())
  const again = (await docxParagraphs(recreated.path)).join('\n')
  expect(again).toContain(`Số: ${reference}`)
  expect(again).toContain('Trần Thị Bình')
  expect(again).not.toContain('Lê Văn Cường')

  // Searching finds it by its number; a search for something else says so.
  await page.getByPlaceholder('Tìm văn bản').fill('01/BC')
  await expect(list.locator('tbody tr')).toHaveCount(1)
  await page.getByPlaceholder('Tìm văn bản').fill('quyết định thu hồi')
  await expect(list).toContainText('Không có văn bản nào khớp')
})

test('a document recorded by mistake is struck out with a confirmation and put back by undo', async ({
  page,
}) => {
  await openPracticeRegister(page)
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await page.getByTestId('report-issue').click()
  await page.getByRole('dialog').getByTestId('form-save').click()
  await expect(page.getByText('Đã phát hành văn bản số')).toBeVisible()
  await page.getByTestId('issued-link').click()
  const rows = page.getByTestId('issued-list').locator('tbody tr')
  await expect(rows).toHaveCount(1)

  await rows.first().getByTestId('issued-more').click()
  await page.getByText('Xóa khỏi sổ', { exact: true }).click()
  await expect(page.getByText('Dùng khi văn bản được ghi nhầm')).toBeVisible()
  await page.getByRole('button', { name: 'Xóa khỏi sổ' }).click()
  await expect(page.getByText('Chưa có văn bản nào được phát hành')).toBeVisible()
  await page.getByRole('button', { name: 'Hoàn tác' }).click()
  await expect(rows).toHaveCount(1)

  // Lịch sử thay đổi names the issue in words, not as the document's data.
  await page.getByRole('navigation').getByText('Lịch sử thay đổi').click()
  await page.getByTestId('history-list').getByText('Phát hành văn bản số').first().click()
  const detail = page.getByTestId('history-detail')
  await expect(detail).toContainText('Trích yếu')
  await expect(detail).toContainText('Văn bản như lúc ký')
  await expect(detail).not.toContainText('"sections"')
})
