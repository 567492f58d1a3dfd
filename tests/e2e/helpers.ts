import { expect, type Page } from '@playwright/test'

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

/** Every table of the register, read straight from IndexedDB in the page. */
export function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const request = indexedDB.open('ocop-desk')
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
    return result
  })
}

/** Loads the shipped Mỹ Hào unit list through the UI. */
export async function loadMyHaoUnits(page: Page) {
  await page.getByRole('navigation').getByText('Đơn vị hành chính').click()
  await page.getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Nạp danh mục Mỹ Hào' }).click()
  await expect(page.getByText('Đã nạp 16 đơn vị')).toBeVisible()
}
