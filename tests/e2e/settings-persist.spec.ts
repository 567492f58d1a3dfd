import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test } from '@playwright/test'
import { chromiumLaunch } from '../../playwright.config'
import { appAddress } from './helpers'

test('the office identity is still there after the browser is closed and opened again', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'ocop-profile-'))
  // launchPersistentContext ignores use.launchOptions: pass them again (docs/stack.md).
  const launch = () =>
    chromium.launchPersistentContext(profile, { ...chromiumLaunch, baseURL, locale: 'vi-VN' })
  try {
    let context = await launch()
    let page = context.pages()[0] ?? (await context.newPage())
    await page.goto(appAddress('#/cai-dat'))
    await page.getByLabel('Tên cơ quan ban hành').fill('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    await page.getByLabel('Địa danh (ghi trước ngày tháng)').fill('Mỹ Hào')
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An')
    await page.getByLabel('Họ và tên người ký').press('Enter')
    await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible()
    await context.close()

    context = await launch()
    page = context.pages()[0] ?? (await context.newPage())
    // The access cookie lasts as long as the browser: a browser opened again needs the address.
    await page.goto(appAddress('#/cai-dat'))
    await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue(
      'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
    )
    await expect(page.getByLabel('Họ và tên người ký')).toHaveValue('Nguyễn Văn An')
    // The fields left empty are still said to be missing (a parent body is optional).
    await expect(page.getByText('Còn thiếu:')).toContainText('Chữ viết tắt của cơ quan')
    await context.close()
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
