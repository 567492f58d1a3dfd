import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { serializeBackup } from '../../src-shared/db/backup-format'
import type {
  Evaluation,
  OfficeRecord,
  Producer,
  Product,
  RecordOrigin,
} from '../../src-shared/db/records'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../../src-shared/db/schema'
import { demoRegisterTables } from '../../src-shared/domain/demo-register'
import type { UnitCatalogueEntry } from '../../src-shared/domain/units'
import { openApp } from './helpers'

const XUAN_DUC = 'office-xuan-duc'
const NGOC_LAM = 'office-ngoc-lam'
const READ_ONLY = 'Dữ liệu của UBND xã Xuân Dục — chỉ xem; đơn vị đó sửa và gửi lại'

function office(id: string, name: string, unitName: string, now: string): OfficeRecord {
  return {
    id,
    name,
    unitName,
    unitCode: '',
    publicKey: '',
    trustedAt: now,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The town of Mỹ Hào's register after two communes sent their data packages, as a backup file:
 * the Mỹ Hào practice data under ids of a real register, where Xuân Dục's Ba ba and Ngọc Lâm's Cá
 * nước ngọt — with their producers and evaluations — carry their origin, and the offices table
 * names the two communes. What a merge leaves, restored as the clerk restores any backup.
 */
function registerWithCommunes(): Promise<string> {
  const now = new Date().toISOString()
  const read = (path: string): unknown =>
    JSON.parse(readFileSync(join(__dirname, '../..', path), 'utf8'))
  const catalogue = read('resources/catalogues/units-my-hao.json') as {
    units: UnitCatalogueEntry[]
  }
  const demo = demoRegisterTables(catalogue, read('resources/catalogues/criteria-sets.json'), now)
  // Real ids and names: the practice data's "demo-" ids would be offered for removal.
  const tables = JSON.parse(
    JSON.stringify(demo)
      .replaceAll('"demo-', '"mh-')
      .replaceAll(' (dữ liệu mẫu)', '')
      .replaceAll(' (mẫu)', ''),
  ) as Record<string, unknown[]> & {
    producers: Producer[]
    products: Product[]
    evaluations: Evaluation[]
  }
  const ownerOfProduct = new Map(
    tables.products.flatMap((p) =>
      p.name === 'Ba ba' ? [[p.id, XUAN_DUC]] : p.name === 'Cá nước ngọt' ? [[p.id, NGOC_LAM]] : [],
    ),
  )
  const ownerOfProducer = new Map(
    tables.products.flatMap((p) =>
      ownerOfProduct.has(p.id) ? [[p.producerId, ownerOfProduct.get(p.id)]] : [],
    ),
  )
  const origin = (office: string | undefined, id: string): { origin?: RecordOrigin } =>
    office ? { origin: { office, id: `${office}:${id}`, rev: now } } : {}
  tables.products = tables.products.map((p) => ({
    ...p,
    ...origin(ownerOfProduct.get(p.id), p.id),
  }))
  tables.producers = tables.producers.map((p) => ({
    ...p,
    ...origin(ownerOfProducer.get(p.id), p.id),
  }))
  tables.evaluations = tables.evaluations.map((e) => ({
    ...e,
    ...origin(ownerOfProduct.get(e.productId), e.id),
  }))
  const merged: Partial<Record<TableName, unknown[]>> = {
    ...tables,
    offices: [
      office(XUAN_DUC, 'UBND xã Xuân Dục', 'Xã Xuân Dục', now),
      office(NGOC_LAM, 'UBND xã Ngọc Lâm', 'Xã Ngọc Lâm', now),
    ],
  }
  return serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'e2e',
    kind: 'manual',
    createdAt: now,
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, merged[name] ?? []])) as Record<
      TableName,
      unknown[]
    >,
  })
}

/** Restores the backup through "Khôi phục từ tệp…" in Cài đặt, as a clerk does. */
async function restore(page: Page, content: string) {
  await page.getByRole('navigation').getByText('Cài đặt').click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click()
  await (
    await chooser
  ).setFiles({
    name: 'thi-xa-my-hao.json',
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  })
  await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click()
  await expect(page.getByText('Đã khôi phục dữ liệu từ "thi-xa-my-hao.json".')).toBeVisible()
}

/** The screen at `width`×`height`, saved and checked: nothing wider than the window. */
async function screenshotAt(page: Page, name: string, width: number, height: number) {
  await page.setViewportSize({ width, height })
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
    .toBe(true)
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) })
}

/** Picks the owning office in the view's "Đơn vị sở hữu". */
async function chooseOwner(page: Page, name: string) {
  await page.getByTestId('office-scope').click()
  await page.locator('.n-base-select-option').getByText(name, { exact: true }).click()
}

const productRow = (page: Page, name: string) =>
  page.getByTestId('products-table').getByRole('row').filter({ hasText: name })

test('records another office sent show their owner, are read-only, and can be counted apart', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openApp(page, '#/san-pham')
  // An office that exchanges nothing sees today's list: no owner filter, no owner column.
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByRole('heading', { name: 'Sản phẩm' })).toBeVisible()
  await expect(page.getByTestId('office-scope')).toHaveCount(0)

  await restore(page, await registerWithCommunes())

  // The list names each product's owner.
  await openApp(page, '#/san-pham?ngay=2020-12-31')
  const table = page.getByTestId('products-table')
  await expect(table.getByRole('columnheader', { name: 'Đơn vị sở hữu' })).toBeVisible()
  await expect(productRow(page, 'Ba ba').getByTestId('product-owner')).toHaveText(
    'UBND xã Xuân Dục',
  )
  await expect(productRow(page, 'Cá nước ngọt').getByTestId('product-owner')).toHaveText(
    'UBND xã Ngọc Lâm',
  )
  await expect(productRow(page, 'Tương Bần').getByTestId('product-owner')).toHaveText('Đơn vị này')
  await expect(page.getByTestId('products-count')).toHaveText('9 / 9 sản phẩm')
  for (const [width, height] of [
    [1366, 690],
    [1536, 864],
  ] as const) {
    await screenshotAt(page, 'products-owner', width, height)
    // Every column is there, none cut off: the table fits its card without scrolling sideways.
    for (const title of ['Tên sản phẩm', 'Đơn vị sở hữu', 'Trạng thái'])
      await expect(table.getByRole('columnheader', { name: title })).toBeInViewport()
    expect(
      await page
        .locator('.scroller')
        .evaluate((scroller) => scroller.scrollWidth <= scroller.clientWidth),
    ).toBe(true)
  }

  // The owning office narrows the list; the choice is the register's, so the star view follows.
  await chooseOwner(page, 'UBND xã Xuân Dục')
  await expect(page.getByTestId('products-count')).toHaveText('1 / 9 sản phẩm')
  await expect(table.getByRole('row').filter({ hasText: 'Ba ba' })).toHaveCount(1)
  await expect(table.getByRole('row').filter({ hasText: 'Tương Bần' })).toHaveCount(0)
  await chooseOwner(page, 'Đơn vị này')
  await expect(page.getByTestId('products-count')).toHaveText('7 / 9 sản phẩm')
  await page.getByRole('navigation').getByText('Xếp hạng sao').click()
  await expect(page.getByTestId('office-scope')).toContainText('Đơn vị này')
  await chooseOwner(page, 'Tất cả đơn vị')

  // The product page says whose the product is; what would change it is locked, saying why.
  await openApp(page, '#/san-pham?ngay=2020-12-31')
  await productRow(page, 'Ba ba').getByRole('link').click()
  await expect(page.getByTestId('product-name')).toHaveText('Ba ba')
  await expect(page.getByTestId('product-origin')).toHaveText(READ_ONLY)
  for (const button of [
    page.getByTestId('product-edit'),
    page.getByRole('button', { name: 'Xóa sản phẩm' }),
    page.getByTestId('evaluation-add'),
  ]) {
    await expect(button).toBeDisabled()
    await expect(button).toHaveAttribute('title', READ_ONLY)
  }
  const evaluations = page.getByTestId('evaluations-table')
  await expect(evaluations.getByRole('columnheader', { name: 'Đơn vị sở hữu' })).toBeVisible()
  await expect(evaluations.getByRole('button', { name: 'Sửa' }).first()).toBeDisabled()
  await expect(evaluations.getByRole('button', { name: 'Sửa' }).first()).toHaveAttribute(
    'title',
    READ_ONLY,
  )
  // Ctrl+N adds no evaluation to it either.
  await page.keyboard.press('Control+n')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  for (const [width, height] of [
    [1366, 690],
    [1536, 864],
  ] as const) {
    await screenshotAt(page, 'product-foreign', width, height)
    await expect(page.getByTestId('product-origin')).toBeInViewport()
    // The evaluations' owner column and their locked buttons fit beside the other columns.
    expect(
      await evaluations
        .locator('.n-data-table-wrapper')
        .evaluate(
          (wrapper) =>
            (wrapper.querySelector('table')?.offsetWidth ?? Infinity) <= wrapper.clientWidth,
        ),
    ).toBe(true)
  }

  // A product of this office is edited as before.
  await openApp(page, '#/san-pham?ngay=2020-12-31')
  await productRow(page, 'Tương Bần').getByRole('link').click()
  await expect(page.getByTestId('product-origin')).toHaveCount(0)
  await expect(page.getByTestId('product-edit')).toBeEnabled()
  await expect(page.getByTestId('evaluation-add')).toBeEnabled()

  // Tổng hợp theo đơn vị gửi: the products report grouped by owning office names both offices.
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await page.getByTestId('report-kind-products').click()
  const date = page.getByTestId('report-date').locator('input')
  await date.fill('31/12/2020')
  await date.press('Tab')
  await page.getByTestId('report-grouping-office').click()
  const preview = page.getByTestId('report-preview')
  const groups = preview.locator('tr.group')
  await expect(groups).toHaveText([
    'I. Ủy ban nhân dân thị xã Mỹ Hào',
    'II. UBND xã Ngọc Lâm',
    'III. UBND xã Xuân Dục',
  ])
  await expect(preview.getByText('Tổng hợp theo đơn vị gửi')).toBeVisible()
})
