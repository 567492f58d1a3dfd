/**
 * Import steps 1-6 in one call: check the bytes, read the table, choose the sheet, find the
 * header, map the columns (with the clerk's corrections), normalise the rows. The Excel worker's
 * 'import-check' job and the CLI's `check` run this same function. Plain Node, no electron.
 */
import { createHash } from 'node:crypto'
import type { CriteriaSet } from '@shared/db/records'
import { AppError } from '@shared/errors'
import {
  mappingSourceKey,
  type FileMessage,
  type ImportCheck,
  type MappingOverride,
  type SheetSummary,
} from '@shared/import/check-result'
import {
  detectHeader,
  headerKey,
  mapColumns,
  type ColumnMapping,
  type DetectedHeader,
} from '@shared/import/header'
import { normaliseRows } from '@shared/import/rows'
import type { UnitCandidate } from '@shared/import/units-match'
import type { JobProgressReport } from '../../workers/protocol'
import { detectFileKind, renamedMessage } from './file-kind'
import { readTable, type TableSheet } from './read-table'

export interface CheckFileOptions {
  /** The sheet to read; the data sheet is chosen automatically when absent. */
  sheet?: string
  /** The clerk's corrections of the automatic mapping, by column index. */
  mapping?: MappingOverride
  /**
   * Corrections remembered per header layout (by mappingSourceKey): used when `mapping` is not
   * given and the file's header matches one, so the next file of a commune maps itself.
   */
  remembered?: Readonly<Record<string, MappingOverride>>
  units: readonly UnitCandidate[]
  criteriaSets?: readonly CriteriaSet[]
  onProgress?: (progress: JobProgressReport) => void
}

// Sheets that hold instructions, lists or summaries rather than the products.
const NOT_DATA_SHEET = /^(?:huong dan|tong hop|danh muc|bao cao tong|thong ke|instructions?)\b/u

/** The automatic mapping with the clerk's corrections: a corrected field leaves its old column. */
export function applyMappingOverride(
  header: DetectedHeader,
  override: MappingOverride | undefined,
): ColumnMapping[] {
  const auto = mapColumns(header.columns)
  if (override === undefined || Object.keys(override).length === 0) return auto
  const byIndex = new Map(auto.map((m) => [m.index, m]))
  for (const [key, field] of Object.entries(override)) {
    const index = Number(key)
    const column = header.columns.find((c) => c.index === index)
    if (column === undefined) continue
    for (const [other, m] of byIndex) if (field !== null && m.field === field) byIndex.delete(other)
    if (field === null) byIndex.delete(index)
    else byIndex.set(index, { field, index, label: column.label, confidence: 1 })
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index)
}

interface SheetLook {
  sheet: TableSheet
  header: DetectedHeader | null
  productRows: number
}

function look(sheet: TableSheet): SheetLook {
  const header = detectHeader(sheet.rows)
  if (header === null) return { sheet, header, productRows: 0 }
  const mapping = mapColumns(header.columns)
  const product = mapping.find((m) => m.field === 'product')
  // A lone title line ("HƯỚNG DẪN ĐIỀN BIỂU … SẢN PHẨM") is not a table header.
  if (product === undefined || mapping.length < 2) return { sheet, header, productRows: 0 }
  let productRows = 0
  for (const row of sheet.rows) {
    if (row.row >= header.firstDataRow && (row.cells[product.index]?.text ?? '').trim() !== '') {
      productRows++
    }
  }
  return { sheet, header, productRows }
}

/** The sheet with the most product-like rows under a header; instruction and summary sheets last. */
function chooseSheet(looks: readonly SheetLook[]): SheetLook | undefined {
  const rank = (l: SheetLook): number =>
    (l.sheet.state === 'visible' ? 2 : 0) + (NOT_DATA_SHEET.test(headerKey(l.sheet.name)) ? 0 : 1)
  return [...looks].sort(
    (a, b) =>
      Number(b.productRows > 0) - Number(a.productRows > 0) ||
      rank(b) - rank(a) ||
      b.productRows - a.productRows,
  )[0]
}

/** Runs import steps 1-6 on a file's bytes; throws AppError when the file cannot be read. */
export async function checkFile(
  bytes: Uint8Array,
  fileName: string,
  options: CheckFileOptions,
): Promise<ImportCheck> {
  const progress = options.onProgress ?? (() => undefined)
  progress({ stage: 'check', done: 0, total: 3 })
  const kind = await detectFileKind(bytes, fileName)
  const hash = createHash('sha256').update(bytes).digest('hex')
  progress({ stage: 'read', done: 1, total: 3 })
  const table = await readTable(bytes, fileName, kind)
  const looks = table.sheets.map(look)
  const sheets: SheetSummary[] = looks.map((l) => ({
    name: l.sheet.name,
    rows: l.sheet.rows.length,
    hidden: l.sheet.state !== 'visible',
    productRows: l.productRows,
  }))
  const chosen =
    options.sheet === undefined
      ? chooseSheet(looks)
      : looks.find((l) => l.sheet.name === options.sheet)
  if (chosen === undefined) {
    throw new AppError({
      code: 'import.sheet.missing',
      params: { file: fileName, sheet: options.sheet ?? '', sheets: sheets.map((s) => s.name) },
    })
  }
  progress({ stage: 'rows', done: 2, total: 3 })
  const messages: FileMessage[] = []
  const renamed = renamedMessage(kind, fileName)
  if (renamed !== null) messages.push(renamed)
  const base = {
    file: fileName,
    hash,
    kind: kind.kind,
    sheets,
    sheet: chosen.sheet.name,
    header: chosen.header,
  }
  const where = { file: fileName, sheet: chosen.sheet.name }
  if (chosen.header === null) {
    messages.push({ level: 'error', code: 'NO_HEADER', params: {}, where })
    return {
      ...base,
      mapping: [],
      override: {},
      remembered: false,
      rows: [],
      skipped: chosen.sheet.rows.length,
      messages,
    }
  }
  const saved =
    options.mapping === undefined
      ? options.remembered?.[mappingSourceKey(chosen.header)]
      : undefined
  const override = options.mapping ?? saved ?? {}
  const mapping = applyMappingOverride(chosen.header, override)
  if (!mapping.some((m) => m.field === 'product')) {
    const params = { headerRows: chosen.header.headerRows }
    messages.push({ level: 'error', code: 'NO_PRODUCT_COLUMN', params, where })
  }
  const { rows, skipped } = normaliseRows(chosen.sheet.rows, chosen.header, mapping, {
    units: options.units,
    criteriaSets: options.criteriaSets,
    fileName,
    sheet: chosen.sheet.name,
  })
  if (rows.length === 0 && !messages.some((m) => m.level === 'error')) {
    const params = { headerRows: chosen.header.headerRows }
    messages.push({ level: 'warning', code: 'NO_ROWS', params, where })
  }
  progress({ stage: 'done', done: 3, total: 3 })
  return { ...base, mapping, override, remembered: saved !== undefined, rows, skipped, messages }
}
