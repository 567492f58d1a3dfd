// The register at scale: 10,000 products and 50,000 evaluations in the app's own
// IndexedDB, then the time to open the product list and each star view, and to answer a keystroke
// in the search box — measured inside the page, from the click to the frame after the view shows.
import { seedRegister } from './seed-register.mjs'

/**
 * Milliseconds from `act` inside the page to the frame after `selector` exists and, with
 * `changed`, shows a text other than it had before the act.
 */
function timeInPage(page, act, selector, changed = false) {
  return page.evaluate(
    async ({ act, selector, changed }) => {
      const before = document.querySelector(selector)?.textContent ?? null
      const ready = () => {
        const element = document.querySelector(selector)
        return element && (!changed || element.textContent !== before)
      }
      const start = performance.now()
      if (act.kind === 'nav')
        [...document.querySelectorAll('nav a')]
          .find((a) => a.textContent.trim() === act.label)
          .click()
      if (act.kind === 'tab')
        [...document.querySelectorAll('.n-tabs-tab')]
          .find((t) => t.textContent.trim().startsWith(act.label))
          .click()
      if (act.kind === 'hash') location.hash = act.hash
      if (act.kind === 'type') {
        const input = document.querySelector(act.input)
        input.value = act.value
        input.dispatchEvent(new Event('input', { bubbles: true }))
      }
      await new Promise((resolve, reject) => {
        const check = () => {
          if (ready()) resolve()
          else if (performance.now() - start > 30_000)
            reject(new Error(`timed out waiting for ${selector}`))
          else requestAnimationFrame(check)
        }
        check()
      })
      await new Promise((resolve) => requestAnimationFrame(() => resolve()))
      return performance.now() - start
    },
    { act, selector, changed },
  )
}

// The view opens on the last tab used; ending on "Theo hạng sao" makes every run open the same one.
const STAR_TABS = [
  ['stars-view-unit-matrix', 'Theo đơn vị', '[data-testid="matrix-total"]'],
  ['stars-view-year-comparison', 'So sánh năm', '[data-testid="change-upgraded"]'],
  ['stars-view-expiring', 'Giấy chứng nhận', '[data-testid="notice-rule"]'],
  ['stars-view-by-star', 'Theo hạng sao', '[data-testid="count-ocop"]'],
]

export async function benchRegisterViews({ browser, host, runs, report, median, mib, heapOf }) {
  const PRODUCTS = 10_000
  const PER_PRODUCT = 5
  const context = await browser.newContext()
  const page = await context.newPage()
  const results = new Map()
  const add = (name, ms) => results.set(name, [...(results.get(name) ?? []), ms])
  try {
    await page.goto(`${host.url}#/don-vi`)
    await page.getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
    await page.getByText('Đã nạp 16 đơn vị').waitFor()
    await seedRegister(page, PRODUCTS, PER_PRODUCT)
    // The first start of the day writes the automatic backup (once a day); let it finish so the
    // runs below measure the views, not the backup.
    await page.goto('about:blank')
    await page.goto(`${host.url}#/`)
    await page.waitForFunction(
      async () => {
        const listed = await window.api.listBackups()
        return listed.ok && listed.value.some((entry) => entry.kind === 'auto')
      },
      null,
      { timeout: 120_000, polling: 500 },
    )
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank')
      const start = Date.now()
      await page.goto(`${host.url}#/`)
      await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 })
      add('register-load-10k-products-50k-evaluations', Date.now() - start)
      add(
        'products-list-open',
        await timeInPage(
          page,
          { kind: 'nav', label: 'Sản phẩm' },
          '[data-testid="products-table"] [role="cell"]',
        ),
      )
      const search = 'input[type="search"]'
      const count = '[data-testid="products-count"]'
      for (const value of ['g', 'ga', 'ga so 1', '']) {
        add(
          'products-search-keystroke',
          await timeInPage(page, { kind: 'type', input: search, value }, count, true),
        )
      }
      // The dashboard and a plan's page with its charts, each under 500 ms.
      add(
        'dashboard-open',
        await timeInPage(page, { kind: 'nav', label: 'Tổng quan' }, '[data-testid="dash-ocop"]'),
      )
      add(
        'plan-chart-open',
        await timeInPage(
          page,
          { kind: 'hash', hash: '#/ke-hoach/bench-plan' },
          '[data-testid="plan-star-chart"] canvas',
        ),
      )
      await timeInPage(page, { kind: 'nav', label: 'Tổng quan' }, '[data-testid="units-valid"]')
      add(
        'stars-view-open',
        await timeInPage(
          page,
          { kind: 'nav', label: 'Xếp hạng sao' },
          '[data-testid="count-ocop"]',
        ),
      )
      for (const [name, label, selector] of STAR_TABS) {
        add(name, await timeInPage(page, { kind: 'tab', label }, selector))
      }
    }
    const heap = mib(await heapOf(page))
    for (const [name, values] of results) {
      report(name, PRODUCTS, median(values), heap)
    }
  } finally {
    await context.close()
  }
}
