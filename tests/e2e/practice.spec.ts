import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { dumpDatabase, exportDocx, openApp, openPracticeRegister, todayInPage } from './helpers'

const SAMPLE_MARK = 'DỮ LIỆU MẪU — không phải số liệu thật'
const CLERK_SCREENS = [
  { width: 1366, height: 690 },
  { width: 1536, height: 864 },
]

/** The files in the web host's backup folder (shared by every test of the run). */
async function backupFiles(): Promise<string[]> {
  return readdir(join(process.env.OCOP_E2E_DATA!, 'backups')).catch(() => [])
}

async function setOverviewDate(page: Page, ddmmyyyy: string) {
  const input = page.getByTestId('overview-date').locator('input')
  await input.fill(ddmmyyyy)
  await input.press('Tab')
}

/** Exports the report on screen: its suggested file name and every cell value of its sheet. */
async function exportReport(page: Page): Promise<{ name: string; values: unknown[] }> {
  const download = page.waitForEvent('download')
  await page.getByTestId('report-export-xlsx').click()
  const file = await download
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await file.path())
  const values: unknown[] = []
  workbook.worksheets[0]!.eachRow((row) => values.push(...(row.values as unknown[])))
  return { name: file.suggestedFilename(), values }
}

test.describe('at 1366×690', () => {
  test.use({ viewport: CLERK_SCREENS[0] })

  test('the practice register opens from Cài đặt beside the real one, says so on every screen, and leaves the real register as it was', async ({
    page,
  }) => {
    await openApp(page, '#/cai-dat')
    await page.getByLabel('Tên cơ quan ban hành').fill('UBND HUYỆN THẬT')
    await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click()
    await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible()
    const real = await dumpDatabase(page)
    const backupsBefore = await backupFiles()

    await page.getByRole('button', { name: 'Mở sổ thực hành' }).click()
    const banner = page.getByTestId('practice-banner')
    await expect(banner).toHaveText(/Đang mở sổ thực hành — DỮ LIỆU MẪU, không phải số liệu thật/)
    // The app starts again on Tổng quan, on the practice register's own office and data.
    await expect(page).toHaveURL(/#\/$/)
    await expect(page.getByTestId('dash-ocop')).toHaveText('7')

    // Every section says it is the practice register.
    const sections = page.getByRole('navigation').getByRole('link')
    const names = await sections.allInnerTexts()
    expect(names.length).toBeGreaterThanOrEqual(9)
    for (const [i, name] of names.entries()) {
      await sections.nth(i).click()
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
      await expect(banner).toBeInViewport()
      await page.screenshot({ path: test.info().outputPath(`practice-${i + 1}-${name}.png`) })
    }

    // Its plan is the town's 2019-2020 plan.
    await page.getByRole('navigation').getByText('Kế hoạch').click()
    await expect(
      page.getByText('Kế hoạch thực hiện Chương trình OCOP thị xã Mỹ Hào giai đoạn 2019-2020'),
    ).toBeVisible()

    // Nothing of it is backed up: Cài đặt says so and offers no backup.
    await page.getByRole('navigation').getByText('Cài đặt').click()
    await expect(page.getByTestId('practice-no-backups')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sao lưu ngay' })).toHaveCount(0)
    // Scrolled to the end of a long page, the banner is still there.
    await page.mouse.move(700, 400)
    await page.mouse.wheel(0, 5000)
    await expect(page.getByText('Ngôn ngữ giao diện')).toBeInViewport()
    await expect(banner).toBeInViewport()
    await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue(
      'Ủy ban nhân dân thị xã Mỹ Hào',
    )

    // The choice survives a restart.
    await page.reload()
    await expect(banner).toBeVisible()
    await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue(
      'Ủy ban nhân dân thị xã Mỹ Hào',
    )
    expect(await backupFiles()).toEqual(backupsBefore)

    await banner.getByRole('button', { name: 'Về sổ thật' }).click()
    await expect(banner).toBeHidden()
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    await page.getByRole('navigation').getByText('Cài đặt').click()
    await expect(page.getByLabel('Tên cơ quan ban hành')).toHaveValue('UBND HUYỆN THẬT')
    expect(await dumpDatabase(page)).toEqual(real)
    await page.reload()
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    await expect(banner).toBeHidden()
  })

  test('a first start offers the units list in one step: a CSV list is imported, and the offer is not made again', async ({
    page,
  }) => {
    await openApp(page)
    const offer = page.getByTestId('first-start')
    await expect(offer).toBeVisible()
    await expect(offer.getByRole('button', { name: 'Nạp danh mục thị xã Mỹ Hào' })).toBeVisible()
    await expect(offer.getByRole('button', { name: 'Bắt đầu với sổ trống' })).toBeVisible()
    await expect(offer.getByRole('button', { name: 'Mở sổ thực hành' })).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('first-start-1366x690.png') })

    // A list with a mistake is refused whole, naming its line; nothing is added.
    let chooser = page.waitForEvent('filechooser')
    await offer.getByRole('button', { name: 'Nhập danh sách đơn vị từ tệp CSV…' }).click()
    await (
      await chooser
    ).setFiles({
      name: 'don-vi-loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,kind,name\n12121,Phường,Dị Sử\n12124,Ấp,Bạch Sam\n'),
    })
    await expect(page.getByText('Chưa nạp được danh sách đơn vị')).toBeVisible()
    await expect(
      page.getByText('Danh sách đơn vị "don-vi-loi.csv", dòng 3: không rõ loại đơn vị "Ấp"'),
    ).toBeVisible()
    await expect(offer).toBeVisible()
    await expect(page.getByTestId('units-valid')).toHaveText('0')

    chooser = page.waitForEvent('filechooser')
    await offer.getByRole('button', { name: 'Nhập danh sách đơn vị từ tệp CSV…' }).click()
    await (
      await chooser
    ).setFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFcode,kind,name,valid_from,valid_to\n' +
          '12121,Phường,Dị Sử,,30/06/2025\n' +
          '12124,Phường,Bạch Sam,,30/06/2025\n' +
          '12109,Xã,Cẩm Xá,,30/06/2025\n' +
          ',Phường,Mỹ Hào,01/07/2025,\n',
      ),
    })
    await expect(page.getByText('Đã nạp 4 đơn vị từ "don-vi.csv".')).toBeVisible()
    await expect(offer).toBeHidden()
    // Today only the ward formed on 01/07/2025 is in force.
    await expect(page.getByTestId('units-valid')).toHaveText('1')

    await page.getByRole('navigation').getByText('Đơn vị hành chính').click()
    for (const name of ['Dị Sử', 'Bạch Sam', 'Cẩm Xá', 'Mỹ Hào']) {
      await expect(page.getByRole('cell', { name, exact: true })).toBeVisible()
    }
    await page.reload()
    await page.getByRole('navigation').getByText('Tổng quan').click()
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByTestId('units-valid')).toHaveText('1')
    await expect(offer).toBeHidden()
  })
})

test('a first start answered "start empty" is not offered again', async ({ page }) => {
  await openApp(page)
  const offer = page.getByTestId('first-start')
  await offer.getByRole('button', { name: 'Bắt đầu với sổ trống' }).click()
  await expect(offer).toBeHidden()
  await page.reload()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByTestId('units-valid')).toHaveText('0')
  await expect(offer).toBeHidden()
})

test('a first start loads the Mỹ Hào catalogue in one click', async ({ page }) => {
  await openApp(page)
  const offer = page.getByTestId('first-start')
  await offer.getByRole('button', { name: 'Nạp danh mục thị xã Mỹ Hào' }).click()
  await expect(page.getByText(/^Đã nạp 16 đơn vị từ "Thị xã Mỹ Hào/)).toBeVisible()
  await expect(offer).toBeHidden()
  // Today the 13 units of 2019 have merged into 3 wards.
  await expect(page.getByTestId('units-valid')).toHaveText('3')
})

test('a first start can open the practice register instead', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('first-start').getByRole('button', { name: 'Mở sổ thực hành' }).click()
  await expect(page.getByTestId('practice-banner')).toBeVisible()
  await expect(page.getByTestId('first-start')).toHaveCount(0)
})

for (const screen of CLERK_SCREENS) {
  test(`Tổng quan counts as of the date chosen, 31/12/2020 in the practice register, and remembers it (${screen.width}×${screen.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(screen)
    await openPracticeRegister(page)
    const date = page.getByTestId('overview-date').locator('input')
    await expect(date).toHaveValue('31/12/2020')
    await expect(page.getByTestId('dash-ocop')).toHaveText('7')
    await expect(page.getByTestId('dash-stars-5')).toHaveText('5 sao: 1')
    await expect(page.getByTestId('dash-stars-4')).toHaveText('4 sao: 1')
    await expect(page.getByTestId('dash-stars-3')).toHaveText('3 sao: 5')
    await expect(page.getByText('Năm 2020', { exact: true })).toBeVisible()
    await expect(page.getByText(/Kế hoạch thực hiện Chương trình OCOP thị xã Mỹ Hào/)).toBeVisible()
    await page.screenshot({
      path: test.info().outputPath(`overview-${screen.width}x${screen.height}.png`),
    })

    // The end of 2018, the plan's baseline: 4 products at 3★ and 1 at 4★.
    await setOverviewDate(page, '31/12/2018')
    await expect(page.getByTestId('dash-ocop')).toHaveText('5')
    await expect(page.getByTestId('dash-stars-3')).toHaveText('3 sao: 4')
    await expect(page.getByText('Năm 2018', { exact: true })).toBeVisible()
    await page.reload()
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
    await expect(date).toHaveValue('31/12/2018')
    await expect(page.getByTestId('dash-ocop')).toHaveText('5')
    // Its figures open on the same date.
    await page.getByTestId('dash-ocop').click()
    await expect(page.getByTestId('stars-date').locator('input')).toHaveValue('31/12/2018')
    await page.goBack()
    await expect(date).toHaveValue('31/12/2018')
    await page.getByTestId('dash-stars-3').click()
    await expect(page.getByTestId('products-as-of').locator('input')).toHaveValue('31/12/2018')
    await expect(page.getByTestId('products-count')).toHaveText('4 / 9 sản phẩm')
    await page.goBack()
    await expect(date).toHaveValue('31/12/2018')

    // Picking the register's today again follows the calendar from then on.
    await setOverviewDate(page, '31/12/2020')
    await expect(page.getByTestId('dash-ocop')).toHaveText('7')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      screen.width,
    )
  })
}

test('Tổng quan of the real register counts as of today', async ({ page }) => {
  await openApp(page)
  await expect(page.getByTestId('overview-date').locator('input')).toHaveValue(
    await todayInPage(page),
  )
})

test('documents made in the practice register say DỮ LIỆU MẪU; those of the real register do not', async ({
  page,
}) => {
  await openPracticeRegister(page)
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await expect(page.getByTestId('report-date').locator('input')).toHaveValue('31/12/2020')
  await expect(page.getByTestId('report-sample-mark')).toHaveText(SAMPLE_MARK)
  await page.getByTestId('report-kind-plan').click()
  await expect(page.getByTestId('report-sample-mark')).toHaveText(SAMPLE_MARK)
  const sample = await exportReport(page)
  expect(sample.name).toMatch(/^du-lieu-mau-bao-cao-ket-qua-thuc-hien-.*-2020-12-31\.xlsx$/)
  expect(sample.values).toContain(SAMPLE_MARK)
  const sampleWord = await exportDocx(page)
  expect(sampleWord.name).toMatch(/^du-lieu-mau-.*\.docx$/)
  expect(sampleWord.paragraphs).toContain(SAMPLE_MARK)

  await page.getByTestId('practice-banner').getByRole('button', { name: 'Về sổ thật' }).click()
  await expect(page.getByTestId('practice-banner')).toBeHidden()
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await expect(page.getByTestId('report-preview')).toBeVisible()
  await expect(page.getByTestId('report-sample-mark')).toHaveCount(0)
  const real = await exportReport(page)
  expect(real.name).not.toMatch(/du-lieu-mau/)
  expect(real.values).not.toContain(SAMPLE_MARK)
  const realWord = await exportDocx(page)
  expect(realWord.name).not.toMatch(/du-lieu-mau/)
  expect(realWord.paragraphs).not.toContain(SAMPLE_MARK)
})

test('a real register holding demo records from an older version is offered, once, to have them removed', async ({
  page,
}) => {
  // As an older version left it: the demo loaded into the real register (here by a restore).
  await openPracticeRegister(page)
  const tables = await dumpDatabase(page, 'ocop-desk-practice')
  await page.getByTestId('practice-banner').getByRole('button', { name: 'Về sổ thật' }).click()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await page.evaluate(async (tables) => {
    const request = indexedDB.open('ocop-desk')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    const names = ['units', 'producers', 'products']
    const tx = db.transaction([...names, 'evaluationSets'], 'readwrite')
    for (const name of names) for (const record of tables[name]!) tx.objectStore(name).put(record)
    // Evaluations as the app stores them: by product (src-renderer/src/db/evaluation-sets.ts).
    const byProduct = new Map<string, unknown[]>()
    for (const evaluation of tables.evaluations as { productId: string }[]) {
      byProduct.set(evaluation.productId, [
        ...(byProduct.get(evaluation.productId) ?? []),
        evaluation,
      ])
    }
    for (const [productId, evaluations] of byProduct) {
      tx.objectStore('evaluationSets').put({ productId, evaluations })
    }
    await new Promise((resolve) => (tx.oncomplete = resolve))
    db.close()
  }, tables)

  await page.reload()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Sổ thật còn dữ liệu mẫu')).toBeVisible()
  await expect(dialog).toContainText('9 sản phẩm mẫu Mỹ Hào')
  await dialog.getByRole('button', { name: 'Gỡ dữ liệu mẫu' }).click()
  await expect(page.getByText('Đã gỡ dữ liệu mẫu khỏi sổ thật (9 sản phẩm).')).toBeVisible()
  const after = await dumpDatabase(page)
  expect(after.products).toEqual([])
  expect(after.evaluations).toEqual([])
  expect(after.units).toHaveLength(16)

  await page.reload()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test.describe('in a browser in another time zone than the web host', () => {
  test.use({ timezoneId: 'America/New_York' })

  test("Cài đặt says where the web host keeps data, and names and shows backups in the browser's zone", async ({
    page,
  }) => {
    await openApp(page, '#/cai-dat')
    const card = page.locator('.n-card', { hasText: 'Dữ liệu và sao lưu' })
    await expect(card).toContainText(
      'dữ liệu nằm trong trình duyệt này, gắn với địa chỉ http://127.0.0.1',
    )
    await expect(card).not.toContainText('Dữ liệu được lưu trên máy này')
    await expect(page.getByTestId('data-dir')).toHaveCount(0)

    await page.getByRole('button', { name: 'Sao lưu ngay' }).click()
    const saved = page.getByText(/Đã sao lưu: ocop-desk-manual-/)
    await expect(saved).toBeVisible()
    const [, y, mo, d, h, mi, s, zone] =
      /ocop-desk-manual-(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)([+-]\d{4})\.json/.exec(
        (await saved.textContent()) ?? '',
      )!
    const offset =
      (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3))) * (zone![0] === '-' ? -1 : 1)
    // Named in the browser's clock, with the browser's offset from UTC.
    expect(offset).toBe(await page.evaluate(() => -new Date().getTimezoneOffset()))
    const instant = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) - offset * 60_000
    const inNewYork = new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'America/New_York',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(instant))
    await expect(saved).toContainText(`(lúc ${inNewYork})`)
    const row = page.getByTestId('backup-list').getByRole('row').filter({ hasText: inNewYork })
    await expect(row.first()).toContainText('Thủ công')
  })
})
