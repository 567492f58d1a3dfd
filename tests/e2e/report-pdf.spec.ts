import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expect, test, type Page } from '@playwright/test'
import { REPORT_KINDS } from '../../src-shared/reports/model'
import { openPracticeRegister } from './helpers'

/** The words of each page of a PDF, in reading order of the text items. */
async function pageWords(pdf: Uint8Array): Promise<string[][]> {
  // pdf.js takes a plain Uint8Array, not the Buffer Playwright gives.
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise
  const pages: string[][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    const words = content.items
      .flatMap((item) => ('str' in item ? item.str.split(/\s+/) : []))
      .filter((word) => word !== '')
    pages.push(words)
  }
  await doc.destroy()
  return pages
}

/** Báo cáo in the practice register, ready to print to PDF. */
async function openReportsToPrint(page: Page): Promise<void> {
  await openPracticeRegister(page)
  await page.getByRole('navigation').getByText('Báo cáo').click()
  await keepPrintView(page)
}

/** Printing shows the print view for a moment; keep a copy of it to print to PDF here. */
async function keepPrintView(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.print = () => {
      const copy = document.querySelector('.print-root')?.cloneNode(true) as HTMLElement
      copy.setAttribute('data-kept', '')
      document.body.appendChild(copy)
    }
  })
}

/** "Xuất PDF" of the report on screen, as Chromium prints it: its pages' words. */
async function printed(page: Page) {
  await page.getByTestId('report-export-pdf').click()
  await page.locator('[data-kept]').waitFor({ state: 'attached' })
  const pages = await pageWords(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.evaluate(() => document.querySelector('[data-kept]')?.remove())
  /** The first page holding `phrase` (words in a row), -1 if none. */
  const pageOf = (phrase: string): number => {
    const wanted = phrase.split(/\s+/)
    return pages.findIndex((words) =>
      words.some((_, i) => wanted.every((word, j) => words[i + j] === word)),
    )
  }
  return { pages, pageOf }
}

/** Words on every page that are not the document's: the page number and the sample marks. */
const FURNITURE = /^(\d+|DỮ|LIỆU|MẪU|—|không|phải|số|thật)$/

const SENTENCE =
  'Các chủ thể cần tiếp tục hoàn thiện hồ sơ, bao bì, nhãn mác và truy xuất nguồn gốc để nâng hạng sản phẩm trong kỳ tới.'

test('the closing block moves with the end of the text as the text grows, never alone on a page', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await openReportsToPrint(page)
  await page.getByTestId('report-kind-units').click()
  await page.getByTestId('report-content-toggle').click()
  const pagesSeen = new Set<number>()
  for (let lines = 4; lines <= 26; lines += 2) {
    const field = page.getByTestId('report-narrative-proposals').locator('textarea')
    await field.fill(Array.from({ length: lines }, () => SENTENCE).join('\n'))
    await field.blur()
    await expect(
      page.getByTestId('report-preview').getByText('II. KIẾN NGHỊ, ĐỀ XUẤT'),
    ).toBeVisible()
    const { pages, pageOf } = await printed(page)
    const closing = pageOf('Nơi nhận:')
    pagesSeen.add(pages.length)
    expect(pageOf('Nguyễn Văn A'), `${lines} lines: signer with "Nơi nhận"`).toBe(closing)
    const note = 'đơn vị kế thừa.'
    expect(pageOf(note), `${lines} lines: the end of the text with "Nơi nhận"`).toBe(closing)
  }
  // The text grew past a page: the check ran on both sides of the break.
  expect(pagesSeen.size).toBeGreaterThan(1)
})

test('every report of the practice register prints its closing block on one page with the end of the text, and no page with only a table header', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await openReportsToPrint(page)
  for (const kind of REPORT_KINDS) {
    await page.getByTestId(`report-kind-${kind}`).click()
    const preview = page.getByTestId('report-preview')
    await expect(preview).toBeVisible()
    const headerWords = new Set(
      (await preview.locator('th').allInnerTexts()).flatMap((text) => text.split(/\s+/)),
    )
    const signer = (await preview.getByTestId('report-signer').innerText()).trim()
    const lastNote = (await preview.locator('.closing .note').last().innerText()).trim()
    const { pages, pageOf } = await printed(page)
    const closing = pageOf('Nơi nhận:')
    expect(closing, `${kind}: "Nơi nhận:" printed`).toBeGreaterThanOrEqual(0)
    expect(pageOf(signer), `${kind}: the signer's name on the page of "Nơi nhận"`).toBe(closing)
    // The last words of the text before the closing block stand on the same page.
    const tail = lastNote.split(/\s+/).slice(-4).join(' ')
    expect(pageOf(tail), `${kind}: the end of the text on the page of "Nơi nhận"`).toBe(closing)
    pages.forEach((words, n) => {
      const own = words.filter((word) => !FURNITURE.test(word))
      const headerOnly = own.length > 0 && own.every((word) => headerWords.has(word))
      expect(headerOnly, `${kind}: page ${n + 1} holds only a table header`).toBe(false)
    })
  }
})
