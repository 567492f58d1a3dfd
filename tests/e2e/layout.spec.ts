import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dropFile, openApp, openGeneratedRegister, openPracticeRegister } from './helpers'

// Every screen at the content sizes clerks really have: a 1366×768 screen less the taskbar and
// the window's title and menu bars, and a 1920×1080 laptop at 125 %. Nothing scrolls sideways,
// every column a table shows by default is in view, every dialog's buttons are on screen.
const SMALL_LAPTOP = { width: 1366, height: 690 }
const SIZES = [SMALL_LAPTOP, { width: 1536, height: 864 }]
const GENERATED_PRODUCTS = 10_000

const nav = (page: Page, section: string) =>
  page.getByRole('navigation').getByText(section, { exact: true }).click()
const dialog = (page: Page) => page.getByRole('dialog')
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

/** Opens the first product of the list on its page. */
async function firstProduct(page: Page) {
  await nav(page, 'Sản phẩm')
  await page.getByTestId('products-table').getByRole('link').first().click()
  await expect(page.getByTestId('product-name')).toBeVisible()
}
async function firstPlan(page: Page) {
  await nav(page, 'Kế hoạch')
  await page.getByRole('link', { name: 'Xem tiến độ' }).first().click()
  await expect(page.getByTestId('plan-targets')).toBeVisible()
}
async function starsTab(page: Page, tab: string) {
  await nav(page, 'Xếp hạng sao')
  // Naive's tabs carry no tab role: found by their class and text, as the bench does.
  await page.locator('.n-tabs-tab', { hasText: tab }).click()
}
/** Thu hồi giấy chứng nhận, opened from the certificates tab as a clerk does. */
async function revocations(page: Page) {
  await starsTab(page, 'Giấy chứng nhận sắp hết hạn')
  await button(page, 'Lập dự thảo thu hồi').click()
  await expect(page.getByTestId('revocation-draft')).toBeVisible()
}
async function reportKind(page: Page, kind: string) {
  await nav(page, 'Báo cáo')
  await page.getByTestId(`report-kind-${kind}`).click()
}
/** The practice register's 2020 round on its page, at `tab`. */
async function roundTab(page: Page, tab: string) {
  await nav(page, 'Đợt đánh giá')
  await page.getByTestId('round-list').getByRole('link').first().click()
  await page.locator('.n-tabs-tab', { hasText: tab }).click()
}
/** A row's action button in a list, on its first row. */
async function firstRowAction(page: Page, table: string, action: string) {
  await page.getByTestId(table).getByRole('button', { name: action }).first().click()
}

/**
 * The screens, each with how a clerk opens it. A screen may end with a dialog open: it is checked
 * and then cancelled. A new screen is one line here.
 */
const SCREENS: {
  name: string
  open: (page: Page) => Promise<unknown>
  /** Only in the clerk's own register (the practice register is never backed up). */
  realOnly?: true
  /** Only in the practice register, which holds an evaluation round. */
  practiceOnly?: true
}[] = [
  { name: 'tong-quan', open: (page) => nav(page, 'Tổng quan') },
  { name: 'san-pham', open: (page) => nav(page, 'Sản phẩm') },
  {
    name: 'san-pham-them',
    open: async (page) => (await nav(page, 'Sản phẩm'), button(page, 'Thêm sản phẩm').click()),
  },
  { name: 'san-pham-trang', open: firstProduct },
  {
    name: 'san-pham-sua',
    open: async (page) => (await firstProduct(page), button(page, 'Sửa sản phẩm').click()),
  },
  {
    name: 'san-pham-xoa',
    open: async (page) => (await firstProduct(page), button(page, 'Xóa sản phẩm').click()),
  },
  {
    name: 'danh-gia-them',
    open: async (page) => (await firstProduct(page), button(page, 'Thêm kết quả đánh giá').click()),
  },
  {
    name: 'danh-gia-sua',
    open: async (page) => (
      await firstProduct(page),
      firstRowAction(page, 'evaluations-table', 'Sửa')
    ),
  },
  { name: 'xep-hang-theo-sao', open: (page) => starsTab(page, 'Theo hạng sao') },
  { name: 'xep-hang-theo-don-vi', open: (page) => starsTab(page, 'Theo đơn vị') },
  { name: 'xep-hang-so-sanh-nam', open: (page) => starsTab(page, 'So sánh năm') },
  {
    name: 'xep-hang-giay-chung-nhan',
    open: (page) => starsTab(page, 'Giấy chứng nhận sắp hết hạn'),
  },
  { name: 'thu-hoi', open: revocations },
  {
    name: 'thu-hoi-ghi',
    open: async (page) => (await revocations(page), button(page, 'Ghi quyết định').click()),
  },
  { name: 'chu-the', open: (page) => nav(page, 'Chủ thể') },
  {
    name: 'chu-the-them',
    open: async (page) => (await nav(page, 'Chủ thể'), button(page, 'Thêm chủ thể').click()),
  },
  {
    name: 'chu-the-sua',
    open: async (page) => (
      await nav(page, 'Chủ thể'),
      firstRowAction(page, 'producers-table', 'Sửa')
    ),
  },
  {
    name: 'chu-the-gop',
    open: async (page) => (
      await nav(page, 'Chủ thể'),
      firstRowAction(page, 'producers-table', 'Gộp…')
    ),
  },
  { name: 'don-vi', open: (page) => nav(page, 'Đơn vị hành chính') },
  {
    name: 'don-vi-them',
    open: async (page) => (
      await nav(page, 'Đơn vị hành chính'),
      button(page, 'Thêm đơn vị').click()
    ),
  },
  {
    name: 'don-vi-sua',
    open: async (page) => (
      await nav(page, 'Đơn vị hành chính'),
      firstRowAction(page, 'units-table', 'Sửa')
    ),
  },
  {
    name: 'don-vi-het-hieu-luc',
    open: async (page) => (
      await nav(page, 'Đơn vị hành chính'),
      firstRowAction(page, 'units-table', 'Cho hết hiệu lực')
    ),
  },
  {
    name: 'don-vi-nap-danh-muc',
    open: async (page) => (
      await nav(page, 'Đơn vị hành chính'),
      button(page, 'Nạp danh mục Mỹ Hào').click()
    ),
  },
  { name: 'ke-hoach', open: (page) => nav(page, 'Kế hoạch') },
  { name: 'ke-hoach-trang', open: firstPlan },
  {
    name: 'ke-hoach-bieu-do',
    open: async (page) => {
      await firstPlan(page)
      // The charts below the first draw once scrolled to.
      await page.getByTestId('plan-star-chart').hover()
      await page.mouse.wheel(0, 1500)
      await page.getByTestId('plan-unit-coverage').scrollIntoViewIfNeeded()
    },
  },
  {
    name: 'ke-hoach-sua',
    open: async (page) => (await nav(page, 'Kế hoạch'), button(page, 'Sửa').first().click()),
  },
  {
    name: 'ke-hoach-moi',
    open: async (page) => (await nav(page, 'Kế hoạch'), page.getByTestId('plan-add').click()),
  },
  {
    name: 'ke-hoach-xoa',
    open: async (page) => (await nav(page, 'Kế hoạch'), button(page, 'Xóa').first().click()),
  },
  { name: 'nhap-du-lieu', open: (page) => nav(page, 'Nhập dữ liệu') },
  {
    name: 'nhap-du-lieu-dong',
    open: async (page) => {
      await nav(page, 'Nhập dữ liệu')
      const file = join(__dirname, '../fixtures/commune/12_bad_rows.xlsx')
      await dropFile(page, file, page.getByTestId('import-drop'))
      await page.getByTestId('import-rows').scrollIntoViewIfNeeded()
    },
  },
  { name: 'trao-doi-gui', open: (page) => nav(page, 'Trao đổi dữ liệu'), realOnly: true },
  {
    name: 'trao-doi-nhan',
    open: async (page) => {
      await nav(page, 'Trao đổi dữ liệu')
      await page.locator('.n-tabs-tab', { hasText: 'Nhận dữ liệu' }).click()
    },
    realOnly: true,
  },
  {
    name: 'trao-doi-don-vi',
    open: async (page) => {
      await nav(page, 'Trao đổi dữ liệu')
      await page.locator('.n-tabs-tab', { hasText: 'Đơn vị gửi' }).click()
    },
    realOnly: true,
  },
  { name: 'dot-danh-gia', open: (page) => nav(page, 'Đợt đánh giá') },
  {
    name: 'dot-danh-gia-them',
    open: async (page) => {
      await nav(page, 'Đợt đánh giá')
      await page.getByTestId('round-add').click()
    },
  },
  { name: 'dot-hoi-dong', open: (page) => roundTab(page, 'Thông tin'), practiceOnly: true },
  { name: 'dot-san-pham', open: (page) => roundTab(page, 'Sản phẩm đăng ký'), practiceOnly: true },
  { name: 'dot-cham-diem', open: (page) => roundTab(page, 'Chấm điểm'), practiceOnly: true },
  { name: 'dot-ket-qua', open: (page) => roundTab(page, 'Kết quả'), practiceOnly: true },
  { name: 'dot-dong-dot', open: (page) => roundTab(page, 'Đóng đợt'), practiceOnly: true },
  { name: 'lich-su-thay-doi', open: (page) => nav(page, 'Lịch sử thay đổi') },
  { name: 'bao-cao-san-pham', open: (page) => reportKind(page, 'products') },
  { name: 'bao-cao-ke-hoach', open: (page) => reportKind(page, 'plan') },
  { name: 'bao-cao-don-vi', open: (page) => reportKind(page, 'units') },
  { name: 'bao-cao-giay-chung-nhan', open: (page) => reportKind(page, 'certificates') },
  { name: 'bao-cao-chu-the', open: (page) => reportKind(page, 'producers') },
  { name: 'cai-dat', open: (page) => nav(page, 'Cài đặt') },
  {
    name: 'cai-dat-danh-tinh',
    open: async (page) => (
      await nav(page, 'Cài đặt'),
      page.getByTestId('identity-card').scrollIntoViewIfNeeded()
    ),
  },
  {
    name: 'cai-dat-danh-tinh-tao',
    realOnly: true,
    open: async (page) => (await nav(page, 'Cài đặt'), button(page, 'Tạo danh tính').click()),
  },
  {
    name: 'cai-dat-bo-tieu-chi',
    open: async (page) => (await nav(page, 'Cài đặt'), button(page, 'Sửa').first().click()),
  },
  {
    name: 'cai-dat-khoi-phuc',
    realOnly: true,
    open: async (page) => {
      await nav(page, 'Cài đặt')
      await button(page, 'Sao lưu ngay').click()
      await expect(page.getByText('Đã sao lưu')).toBeVisible({ timeout: 60_000 })
      await button(page, 'Khôi phục').first().click()
      await expect(page.getByTestId('restore-confirm')).toBeVisible({ timeout: 60_000 })
    },
  },
  {
    // The register as a second PC has it once restored from this one's backup (identity.spec.ts
    // walks that restore): its identity is held by another install. Last: every screen after it
    // would carry the notice.
    name: 'cai-dat-danh-tinh-may-khac',
    realOnly: true,
    open: async (page) => {
      await nav(page, 'Cài đặt')
      await button(page, 'Tạo danh tính').click()
      await dialog(page).locator('input[name="name"]').fill('Phòng Kinh tế thị xã Mỹ Hào')
      await dialog(page).getByRole('button', { name: 'Tạo danh tính' }).click()
      await expect(dialog(page)).toHaveCount(0)
      await page.evaluate(() => localStorage.setItem('ocop-desk.install', 'another-pc'))
      await openApp(page, '#/cai-dat')
      await page.getByTestId('identity-other-install').scrollIntoViewIfNeeded()
    },
  },
]

/** What does not fit on the screen as it stands: an empty list when everything does. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const describe = (element: Element) =>
      (element.getAttribute('data-testid') ?? element.textContent ?? '').trim().slice(0, 60)
    // On screen: not hidden, and not inside a box clipped away for screen readers only (a
    // chart's table of figures).
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return false
      if (getComputedStyle(element).visibility === 'hidden') return false
      for (let up: Element | null = element; up; up = up.parentElement)
        if (getComputedStyle(up).clip.startsWith('rect')) return false
      return true
    }

    const page = document.scrollingElement
    if (page && page.scrollWidth > page.clientWidth)
      problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`)
    // The shell scrolls its content itself, below the page: it may not scroll sideways either.
    for (const scroller of Array.from(document.querySelectorAll('.n-layout-scroll-container'))) {
      if (scroller.scrollWidth > scroller.clientWidth + 1)
        problems.push(
          `the content scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`,
        )
    }

    // A table's column headers inside the part of the table on screen (Naive's tables and the
    // product list, which is a grid of role="table").
    const tables = Array.from(document.querySelectorAll('.n-data-table, [role="table"]'))
    for (const table of tables.filter(shown)) {
      const name =
        table.closest('[data-testid]')?.getAttribute('data-testid') ??
        describe(table.parentElement ?? table)
      for (const header of Array.from(table.querySelectorAll('th, [role="columnheader"]'))) {
        if (!shown(header)) continue
        // The part of the header on screen: cut by every box around it that clips its overflow.
        let { left, right } = header.getBoundingClientRect()
        const [from, to] = [left, right]
        for (let box = header.parentElement; box; box = box.parentElement) {
          if (getComputedStyle(box).overflowX === 'visible') continue
          const clip = box.getBoundingClientRect()
          left = Math.max(left, clip.left)
          right = Math.min(right, clip.right)
        }
        left = Math.max(left, 0)
        right = Math.min(right, innerWidth)
        if (left > from + 1 || right < to - 1)
          problems.push(
            `${name}: column "${describe(header)}" at ${Math.round(from)}-${Math.round(to)} shows only ${Math.round(left)}-${Math.round(Math.max(left, right))}`,
          )
      }
      // A column stuck to an edge lies over the columns that scroll under it.
      const row = Array.from(table.querySelectorAll('thead tr, [role="row"]')).find(shown)
      const boxes = Array.from(row?.children ?? [])
        .filter(shown)
        .map((cell) => ({ cell, box: cell.getBoundingClientRect() }))
      for (const [i, { cell, box }] of boxes.entries()) {
        const next = boxes[i + 1]
        if (next && next.box.left < box.right - 1)
          problems.push(`${name}: column "${describe(next.cell)}" lies over "${describe(cell)}"`)
      }
    }

    // Nothing lies over a button, a label or a column heading on screen (a wrapped toolbar, a
    // column stuck to the edge). Inside an open dialog only: the page is under its mask.
    const openDialog = Array.from(document.querySelectorAll('[role="dialog"]')).find(shown)
    const scope = openDialog ?? document.querySelector('main')
    const targets = scope?.querySelectorAll('button, label, .n-form-item-label, th') ?? []
    for (const target of Array.from(targets).filter(shown)) {
      const box = target.getBoundingClientRect()
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2]
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue
      let clipped = false
      for (let box = target.parentElement; box && !clipped; box = box.parentElement) {
        const style = getComputedStyle(box)
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
        const clip = box.getBoundingClientRect()
        clipped = x < clip.left || x > clip.right || y < clip.top || y > clip.bottom
      }
      const hit = document.elementFromPoint(x, y)
      if (clipped || !hit || target.contains(hit) || hit.contains(target)) continue
      // A toast or an open menu passes over the page for a moment.
      if (hit.closest('.n-message-container, .n-popover, .n-base-select-menu')) continue
      problems.push(`"${describe(target)}" lies under "${describe(hit)}"`)
    }

    // Every button of an open dialog on screen, without scrolling the page.
    for (const dialog of Array.from(document.querySelectorAll('[role="dialog"]'))) {
      if (!shown(dialog)) continue
      for (const button of Array.from(dialog.querySelectorAll('button'))) {
        if (!shown(button)) continue
        const box = button.getBoundingClientRect()
        if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight)
          problems.push(
            `dialog button "${describe(button)}" at ${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.right)},${Math.round(box.bottom)} is outside the ${innerWidth}×${innerHeight} window`,
          )
      }
    }
    return problems
  })
}

/** Cancels an open dialog as a clerk does, by its Hủy button. */
async function closeDialog(page: Page) {
  const open = dialog(page)
  if ((await open.count()) === 0) return
  await open.getByRole('button', { name: 'Hủy', exact: true }).last().click()
  await expect(open).toHaveCount(0)
}

const REGISTERS = [
  { name: 'practice', open: openPracticeRegister, practice: true },
  {
    name: `${GENERATED_PRODUCTS}-products`,
    open: (page: Page) => openGeneratedRegister(page, GENERATED_PRODUCTS),
    practice: false,
  },
]

for (const register of REGISTERS) {
  for (const size of SIZES) {
    test(`every screen fits ${size.width}×${size.height} with the ${register.name} register`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(600_000)
      await page.setViewportSize(size)
      // One screen that does not open fails its step, not the whole walk's time.
      page.setDefaultTimeout(30_000)
      await register.open(page)
      const shown = SCREENS.filter((s) => (register.practice ? !s.realOnly : !s.practiceOnly))
      for (const screen of shown) {
        await test.step(screen.name, async () => {
          await screen.open(page)
          await expect(page.locator('main[aria-busy="false"]')).toBeVisible()
          await page.screenshot({ path: testInfo.outputPath(`${screen.name}.png`) })
          expect.soft(await layoutProblems(page), screen.name).toEqual([])
          await closeDialog(page)
        })
      }
    })
  }
}

test('the clerk adds and hides columns; the choice stays for the next start, and resets', async ({
  page,
}) => {
  await page.setViewportSize(SMALL_LAPTOP)
  await openPracticeRegister(page)
  await nav(page, 'Chủ thể')
  const table = page.getByTestId('producers-table')
  const header = (name: string) => table.locator('th', { hasText: name })
  await expect(header('Người đại diện')).toHaveCount(0)

  await page.getByTestId('columns-producers').click()
  const panel = page.getByTestId('columns-producers-panel')
  await panel.getByRole('checkbox', { name: 'Người đại diện' }).click()
  await panel.getByRole('checkbox', { name: 'Loại hình' }).click()
  // The name stays: it is offered greyed out, and ticking it changes nothing.
  await panel.getByRole('checkbox', { name: 'Tên chủ thể' }).click()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(page.getByTestId('columns-producers')).toBeFocused()
  await expect(header('Người đại diện')).toBeVisible()
  await expect(header('Tên chủ thể')).toBeVisible()
  await expect(header('Loại hình')).toHaveCount(0)

  await openApp(page)
  await nav(page, 'Chủ thể')
  await expect(header('Người đại diện')).toBeVisible()
  await expect(header('Loại hình')).toHaveCount(0)
  await expect(page.getByTestId('columns-producers')).toHaveText('Cột hiển thị (7/8)')

  await page.getByTestId('columns-producers').click()
  await panel.getByRole('button', { name: 'Về mặc định' }).click()
  await expect(header('Người đại diện')).toHaveCount(0)
  await expect(header('Loại hình')).toBeVisible()

  // The product list (a list of its own, not Naive's table) the same way.
  await nav(page, 'Sản phẩm')
  const products = page.getByTestId('products-table')
  await expect(products.getByRole('columnheader', { name: 'Nhóm' })).toHaveCount(0)
  await page.getByTestId('columns-products').click()
  await page.getByTestId('columns-products-panel').getByRole('checkbox', { name: 'Nhóm' }).click()
  await expect(products.getByRole('columnheader', { name: 'Nhóm' })).toBeVisible()
  await expect(products.getByRole('row').nth(1).getByRole('cell')).toHaveCount(9)
})

test('a plan saved from the foot of its editor opens at its top', async ({ page }) => {
  await page.setViewportSize(SMALL_LAPTOP)
  await openPracticeRegister(page)
  await nav(page, 'Kế hoạch')
  await button(page, 'Sửa').first().click()
  const save = page.getByTestId('plan-save')
  await save.scrollIntoViewIfNeeded()
  await save.click()
  await expect(page.getByTestId('plan-targets')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Về danh sách kế hoạch' })).toBeInViewport()
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
})
