import ExcelJS from 'exceljs'
import { expect, test } from '@playwright/test'
import { openApp } from './helpers'

test('the import template downloads from Nhập dữ liệu and opens as a workbook', async ({
  page,
}) => {
  await openApp(page, '#/nhap-du-lieu')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Tải mẫu nhập liệu (.xlsx)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  await expect(page.getByText(/Đã lưu mẫu nhập liệu/)).toBeVisible()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await file.path())
  const header = workbook.worksheets[0]!.getRow(1).values as unknown[]
  expect(header).toContain('Tên sản phẩm')
  expect(header).toContain('Hạng sao')
})
