import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import JSZip from 'jszip'
import { expect, type Locator, type Page } from '@playwright/test'
import { seedRegister } from '../bench/seed-register.mjs'

/**
 * The address the web host prints, with this run's access token (playwright.config.ts makes it):
 * the host swaps the token for a cookie and redirects to the page, keeping `hash`.
 */
export function appAddress(hash = '#/'): string {
  const token = process.env.OCOP_WEB_TOKEN
  if (!token) throw new Error('OCOP_WEB_TOKEN is not set: run the tests with playwright.config.ts')
  return `/?token=${token}${hash}`
}

/** Opens the app and waits until the shell has loaded its data (the sidebar is there). */
export async function openApp(page: Page, hash = '#/') {
  await page.goto(appAddress(hash))
  await expect(page.getByRole('navigation').getByText('Cài đặt')).toBeVisible()
}

/**
 * Opens the app on the practice register, as a clerk does from Cài đặt, and waits until it has
 * started again on it (the banner is there and its data is loaded).
 */
export async function openPracticeRegister(page: Page) {
  await openApp(page, '#/cai-dat')
  await page.getByRole('button', { name: 'Mở sổ thực hành' }).click()
  await expect(page.getByTestId('practice-banner')).toBeVisible()
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false')
}

/** Today as the page's calendar says it, dd/mm/yyyy. */
export function todayInPage(page: Page): Promise<string> {
  return page.evaluate(() =>
    new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
      new Date(),
    ),
  )
}

/** Every table of a register (the real one unless named), read straight from IndexedDB. */
export function dumpDatabase(page: Page, name = 'ocop-desk'): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (name) => {
    const request = indexedDB.open(name)
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    const names = Array.from(db.objectStoreNames)
    const tx = db.transaction(names, 'readonly')
    const result: Record<string, unknown[]> = {}
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const all = tx.objectStore(name).getAll()
            all.onsuccess = () => {
              result[name] = all.result as unknown[]
              resolve()
            }
            all.onerror = () => reject(new Error(String(all.error)))
          }),
      ),
    )
    db.close()
    // Evaluations are stored by product (src-renderer/src/db/evaluation-sets.ts): listed one by
    // one, in key order, as the app reads them.
    const sets = (result.evaluationSets ?? []) as { evaluations: { id: string }[] }[]
    delete result.evaluationSets
    result.evaluations = sets
      .flatMap((set) => set.evaluations)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return result
  }, name)
}

/**
 * Types a date (dd/mm/yyyy) into the date picker `testId` and leaves it; the picker then shows
 * the date it took, which must be the one typed.
 */
export async function typeDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId).locator('input')
  await input.fill(date)
  await input.press('Tab')
  await expect(input).toHaveValue(date)
}

/** Loads the shipped Mỹ Hào unit list through the UI. */
export async function loadMyHaoUnits(page: Page) {
  await page.getByRole('navigation').getByText('Đơn vị hành chính').click()
  await page.getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
  await expect(page.getByText('Đã nạp 16 đơn vị')).toBeVisible()
}

/**
 * Opens a generated register of `products` products (five evaluations each, one producer for
 * five, and one plan) on the Mỹ Hào units: the bench's register, for screens at scale.
 */
export async function openGeneratedRegister(page: Page, products: number) {
  await openApp(page)
  await loadMyHaoUnits(page)
  await seedRegister(page, products, 5)
  await openApp(page)
  await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 60_000 })
}

/** Drops a file onto `target`, as a clerk drags it from Explorer. */
export async function dropFile(page: Page, path: string, target: Locator) {
  const base64 = readFileSync(path).toString('base64')
  const transfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], name))
      return data
    },
    { base64, name: basename(path) },
  )
  await target.dispatchEvent('drop', { dataTransfer: transfer })
}

/**
 * Exports the report on screen as Word and returns its suggested file name and the text of each
 * paragraph of its body (word/document.xml), runs joined.
 */
export async function exportDocx(page: Page): Promise<{ name: string; paragraphs: string[] }> {
  const download = page.waitForEvent('download')
  await page.getByTestId('report-export-docx').click()
  const file = await download
  return { name: file.suggestedFilename(), paragraphs: await docxParagraphs(await file.path()) }
}

/** The text of each paragraph of the body of the .docx at `path` (word/document.xml), runs joined. */
export async function docxParagraphs(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml.split('</w:p>').map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1]!)
      .join('')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&'),
  )
}
