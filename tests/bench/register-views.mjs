// The register at scale: 10,000 products and 50,000 evaluations (and the audit log of entering
// them) in the app's own IndexedDB, then the time to open the product list, each star view and the
// history of changes, and to answer a keystroke in the search box — measured inside the page, from
// the click to the frame after the view shows.
import { seedRegister } from './seed-register.mjs'

/**
 * The audit log such a register would have: every producer, product and evaluation added one at
 * a time, then every evaluation corrected once — over 110,000 lines, each its own change, with
 * the record images real lines hold, one minute apart.
 */
async function seedAuditLog(page) {
  await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('ocop-desk')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const read = (name) =>
      new Promise((resolve) => {
        const all = db.transaction(name).objectStore(name).getAll()
        all.onsuccess = () => resolve(all.result)
      })
    const [producers, products, evaluationSets] = [
      await read('producers'),
      await read('products'),
      await read('evaluationSets'),
    ]
    const evaluations = evaluationSets.flatMap((set) => set.evaluations)
    const start = Date.UTC(2019, 0, 1)
    let minute = 0
    const line = (action, table, before, after, summary) => ({
      at: new Date(start + minute++ * 60_000).toISOString(),
      action,
      table,
      recordId: (after ?? before).id,
      summary,
      before,
      after,
      batchId: null,
      changeId: crypto.randomUUID(),
    })
    const lines = [
      ...producers.map((p) => line('create', 'producers', null, p, `Thêm chủ thể ${p.name}`)),
      ...products.map((p) => line('create', 'products', null, p, `Thêm sản phẩm ${p.name}`)),
      ...evaluations.map((e) =>
        line('create', 'evaluations', null, e, `Thêm kết quả đánh giá năm ${e.year}`),
      ),
      ...evaluations.map((e) =>
        line('update', 'evaluations', { ...e, note: '' }, e, `Sửa kết quả đánh giá năm ${e.year}`),
      ),
    ]
    const tx = db.transaction('auditLog', 'readwrite')
    for (const entry of lines) tx.objectStore('auditLog').add(entry)
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  })
}

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

export async function benchRegisterViews({ openProfile, host, runs, report, median, mib, heapOf }) {
  const PRODUCTS = 10_000
  const PER_PRODUCT = 5
  const profile = await openProfile()
  const page = await profile.newPage()
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
    // Lịch sử thay đổi over the log of 110,000 lines: until the newest lines show whether their
    // changes can be reverted. The log is written after the runs above, and the page is not
    // reloaded, so the (once a day) automatic backup of a larger database does not run inside
    // the other views' timings.
    await seedAuditLog(page)
    for (let run = 0; run < runs; run++) {
      await timeInPage(page, { kind: 'nav', label: 'Tổng quan' }, '[data-testid="dash-ocop"]')
      add(
        'history-open',
        await timeInPage(
          page,
          { kind: 'nav', label: 'Lịch sử thay đổi' },
          '[data-testid="history-list"] [data-testid="history-revertible"]',
        ),
      )
    }
    const heap = mib(await heapOf(page))
    for (const [name, values] of results) {
      report(name, PRODUCTS, median(values), heap)
    }
  } finally {
    await profile.close()
  }
}
