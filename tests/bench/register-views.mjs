// The register at scale: 10,000 products and 50,000 evaluations (and the audit log of entering
// them) in the app's own IndexedDB, then the time to open the product list, each star view and the
// history of changes, and to answer a keystroke in the search box — measured inside the page, from
// the click to the frame after the view shows.

/** Writes the generated register (and one plan) straight into the app's database's stores. */
async function seedRegister(page, products, evaluationsPerProduct) {
  await page.evaluate(
    async ({ products, perProduct }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('ocop-desk')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const now = new Date().toISOString()
      const units = await new Promise((resolve) => {
        const all = db.transaction('units').objectStore('units').getAll()
        all.onsuccess = () => resolve(all.result)
      })
      const tx = db.transaction(
        ['producers', 'products', 'evaluations', 'plans', 'planTargets'],
        'readwrite',
      )
      // A plan over the generated years, with a target of every kind measured on the register.
      tx.objectStore('plans').put({
        id: 'bench-plan',
        name: 'Kế hoạch đo hiệu năng 2019-2024',
        docNo: '',
        docDate: null,
        fromYear: 2019,
        toYear: 2024,
        baselineYear: 2018,
        baselineOverride: null,
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      const targets = [
        ['stars-exactly', 3, 4000],
        ['stars-exactly', 4, 3000],
        ['stars-exactly', 5, 1000],
        ['stars-at-least', 3, 8000],
        ['new-products', null, 500],
        ['upgraded-products', null, 2000],
        ['units-covered-share', null, 100],
      ]
      targets.forEach(([kind, stars, value], i) =>
        tx.objectStore('planTargets').put({
          id: `bench-target-${i}`,
          planId: 'bench-plan',
          kind,
          stars,
          value,
          unitId: null,
          productId: null,
          byYear: null,
          note: '',
        }),
      )
      const types = ['htx', 'doanh-nghiep', 'to-hop-tac', 'ho-kinh-doanh']
      const words = [
        'Tương',
        'Gạo nếp',
        'Gà',
        'Cá',
        'Ba ba',
        'Mật ong',
        'Chè',
        'Bánh',
        'Rượu',
        'Đồ gỗ',
      ]
      for (let p = 0; p < products / 5; p++) {
        tx.objectStore('producers').put({
          id: `bp-${p}`,
          name: `HTX Sản xuất ${p} Mỹ Hào`,
          type: types[p % 4],
          taxCode: String(900000000 + p),
          address: '',
          unitId: units[p % units.length]?.id ?? null,
          representative: '',
          phone: '',
          note: '',
          createdAt: now,
          updatedAt: now,
        })
      }
      for (let i = 0; i < products; i++) {
        const productId = `b-${i}`
        tx.objectStore('products').put({
          id: productId,
          name: `${words[i % words.length]} số ${i}`,
          producerId: `bp-${Math.floor(i / 5)}`,
          unitId: units[i % units.length]?.id ?? null,
          criteriaSetId: 'qd-1048',
          groupCode: '1048-1',
          productSetCode: '1048-1.1',
          description: '',
          createdAt: now,
          updatedAt: now,
        })
        for (let k = 0; k < perProduct; k++) {
          const year = 2016 + k * 2
          const total = 30 + ((i * 7 + k * 13) % 70)
          const stars = total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : 2
          tx.objectStore('evaluations').put({
            id: `be-${i}-${k}`,
            productId,
            year,
            round: 1,
            evaluatedOn: null,
            criteriaSetId: 'qd-1048',
            partScores: { A: total * 0.35, B: total * 0.25, C: total * 0.4 },
            itemScores: null,
            total,
            computedStars: stars,
            recognisedStars: stars,
            councilLevel: 'tinh',
            kind: k === 0 ? 'lan-dau' : 'danh-gia-lai',
            decisionNo: `${k}/QĐ`,
            decisionDate: `${year}-06-${String(1 + (i % 28)).padStart(2, '0')}`,
            certificateNo: '',
            expiryDate: stars >= 3 ? `${year + 3}-05-31` : null,
            note: '',
            createdAt: now,
            updatedAt: now,
          })
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { products, perProduct: evaluationsPerProduct },
  )
}

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
    const [producers, products, evaluations] = [
      await read('producers'),
      await read('products'),
      await read('evaluations'),
    ]
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
    await context.close()
  }
}
