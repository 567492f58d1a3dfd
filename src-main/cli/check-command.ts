/**
 * `npm run ocop -- check FILE`: import steps 1-6 on a commune file without a window, printed as
 * text for a person or as one JSON object for a script. The units come from the shipped catalogue
 * or from a CSV (`--units`); the criteria sets are the shipped ones, bundled into the CLI.
 *
 * The check is checkFile, the function the app's Excel worker runs for the same job, called here
 * in the CLI's own thread: a worker would hold the rows a second time (its heap, then the copy
 * posted back), and a command line has no window to keep responsive. 100,000 rows then peak
 * under 300 MiB instead of 500. The output is written row by row as it is formatted: the JSON of
 * 100,000 rows is a few hundred megabytes as one string, so it is never built whole.
 */
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CriteriaSet } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { AppError } from '@shared/errors'
import type { ImportCheck } from '@shared/import/check-result'
import { IMPORT_FIELD_LABELS } from '@shared/import/field-synonyms'
import { columnLetter, producerTypeLabel, type ImportRow } from '@shared/import/rows'
import { formatMessage } from '@shared/messages/format'
import criteriaCatalogue from '../../resources/catalogues/criteria-sets.json'
import type { JobProgressReport } from '../workers/protocol'
import { readUnitsCsv, shippedUnits, type UnitList } from './units-source'

export { shippedUnits, type UnitList } from './units-source'

export interface CheckCommandOptions {
  /** Absolute path of the commune file. */
  file: string
  sheet?: string
  /** Absolute path of a units CSV; the shipped catalogue when absent. */
  unitsCsv?: string
  json: boolean
  /** Where the result is printed (stdout). */
  output: NodeJS.WritableStream
  onProgress?: (progress: JobProgressReport) => void
}

/** Runs the check and prints the result (throws AppError if the file is unreadable). */
export async function checkCommand(options: CheckCommandOptions): Promise<void> {
  const units =
    options.unitsCsv === undefined ? shippedUnits() : await readUnitsCsv(options.unitsCsv)
  const bytes = await readInput(options.file)
  // Loaded on use: the other commands need none of the readers.
  const { checkFile } = await import('../services/import/check-file')
  const check = await checkFile(bytes, basename(options.file), {
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    units: units.candidates,
    criteriaSets: shippedCriteriaSets(),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  })
  const text = options.json ? checkAsJson(check, units) : checkAsText(check, units)
  await writeAll(options.output, text)
}

/** Text handed to the stream at a time. */
const WRITE_CHARS = 64 * 1024

/** Writes the pieces in batches, waiting whenever the stream asks to (a slow pipe). */
async function writeAll(output: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let batch = ''
  for (const piece of pieces) {
    batch += piece
    if (batch.length < WRITE_CHARS) continue
    if (!output.write(batch)) await once(output, 'drain')
    batch = ''
  }
  if (batch !== '' && !output.write(batch)) await once(output, 'drain')
}

/** A file the clerk names, read whole; a Vietnamese error naming it when it cannot be. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(file)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const reason = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : 'unreadable'
    throw new AppError({
      code: 'cli.file-unreadable',
      params: { file, reason },
      cause: String(error),
    })
  }
}

/** The built-in criteria sets, for the part maxima the rows are checked against. */
export function shippedCriteriaSets(): CriteriaSet[] {
  return loadBuiltInCriteriaSets(criteriaCatalogue)
}

/** One product row as `--json` prints it: the producer type and unit in words. */
function rowAsJson(row: ImportRow, units: UnitList) {
  const f = row.fields
  const unit = f.unit === null ? '' : (units.fullName.get(f.unit) ?? f.unitName)
  return {
    row: row.row,
    status: row.status,
    fields: {
      product: f.product,
      producer: f.producer,
      producerType: f.producerType === null ? '' : producerTypeLabel(f.producerType),
      taxCode: f.taxCode,
      unit,
      unitId: f.unit,
      /** The unit as the file writes it when it matched no unit of the list. */
      unitAsWritten: f.unit === null ? f.unitName : '',
      address: f.address,
      group: f.group,
      score: f.score,
      partScores: f.partScores,
      stars: f.stars,
      year: f.year,
      decisionNo: f.decisionNo,
      decisionDate: f.decisionDate,
      certificateNo: f.certificateNo,
      note: f.note,
    },
    messages: row.messages.map((m) => ({
      level: m.level,
      column: m.where.column ?? '',
      code: m.code,
      params: m.params,
      text: formatMessage(m),
    })),
  }
}

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels inside the printed object. */
function nestedJson(value: unknown, depth: number): string | undefined {
  // JSON.stringify escapes line breaks inside strings: every line break it writes is layout.
  return JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${'  '.repeat(depth)}`)
}

/**
 * The check as the one JSON object `--json` prints, in pieces: together exactly the text of
 * `JSON.stringify(object, null, 2)` and a line break, with the rows formatted one at a time.
 */
export function* checkAsJson(check: ImportCheck, units: UnitList): Generator<string> {
  let separator = '{\n  '
  function* field(key: string, value: unknown) {
    const text = nestedJson(value, 1)
    if (text === undefined) return
    yield `${separator}${JSON.stringify(key)}: ${text}`
    separator = ',\n  '
  }
  yield* field('file', check.file)
  yield* field('hash', check.hash)
  yield* field('kind', check.kind)
  yield* field('sheets', check.sheets)
  yield* field('sheet', check.sheet)
  yield* field('header', check.header)
  yield* field(
    'mapping',
    check.mapping.map((m) => ({ ...m, column: columnLetter(m.index) })),
  )
  if (check.rows.length === 0) {
    yield* field('rows', [])
  } else {
    yield `${separator}"rows": [`
    separator = ',\n  '
    let rowSeparator = '\n    '
    for (const row of check.rows) {
      yield `${rowSeparator}${nestedJson(rowAsJson(row, units), 2)}`
      rowSeparator = ',\n    '
    }
    yield '\n  ]'
  }
  yield* field('skipped', check.skipped)
  yield* field(
    'messages',
    check.messages.map((m) => ({
      level: m.level,
      code: m.code,
      params: m.params,
      text: formatMessage(m),
    })),
  )
  yield '\n}\n'
}

const STATUS_LABEL: Record<ImportRow['status'], string> = {
  ok: 'Hợp lệ',
  warning: 'Cảnh báo',
  error: 'Lỗi',
}

const LEVEL_LABEL: Record<'error' | 'warning' | 'info', string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Lưu ý',
}

const KIND_NAME: Record<string, string> = {
  xlsx: 'Excel (.xlsx)',
  xls: 'Excel 97-2003 (.xls)',
  ods: 'OpenDocument (.ods)',
  csv: 'CSV',
}

function decimal(n: number): string {
  return String(n).replace('.', ',')
}

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** The row's main fields on one line, empty ones left out. */
function rowLine(row: ImportRow, units: UnitList): string {
  const f = row.fields
  const unit = f.unit === null ? f.unitName : (units.fullName.get(f.unit) ?? f.unitName)
  const producer =
    f.producerType === null ? f.producer : `${f.producer} (${producerTypeLabel(f.producerType)})`
  const decision =
    f.decisionNo === '' && f.decisionDate === null
      ? ''
      : `QĐ ${f.decisionNo}${f.decisionDate === null ? '' : ` ngày ${ddmmyyyy(f.decisionDate)}`}`
  return [
    f.product || '(không có tên)',
    producer,
    unit,
    f.group,
    f.score === null ? '' : `${decimal(f.score)} điểm`,
    f.stars === null ? '' : `${f.stars} sao`,
    f.year === null ? '' : `năm ${f.year}`,
    decision,
  ]
    .filter((part) => part.trim() !== '')
    .join(' | ')
}

/** The check as text for a person, line by line: file, sheets, header, mapping, rows, messages, summary. */
export function* checkAsText(check: ImportCheck, units: UnitList): Generator<string> {
  yield* checkHeadLines(check)
  if (check.rows.length > 0) {
    yield 'Các dòng sản phẩm:\n'
    for (const row of check.rows) {
      yield `  Dòng ${row.row} [${STATUS_LABEL[row.status]}] ${rowLine(row, units)}\n`
      for (const message of row.messages) {
        yield `      ${LEVEL_LABEL[message.level]} (${message.code}): ${formatMessage(message)}\n`
      }
    }
  }
  if (check.messages.length > 0) {
    yield 'Thông báo về tệp:\n'
    for (const message of check.messages) {
      yield `  ${LEVEL_LABEL[message.level]} (${message.code}): ${formatMessage(message)}\n`
    }
  }
  const count = (status: ImportRow['status']) =>
    check.rows.filter((r) => r.status === status).length
  yield `Tổng cộng: ${check.rows.length} dòng sản phẩm — ${count('ok')} hợp lệ, ${count('warning')} cảnh báo, ${count('error')} lỗi; ${check.skipped} dòng bỏ qua (tiêu đề, dòng trống, dòng tổng, ghi chú …).\n`
}

/** The file, its sheets, the header rows and the column mapping, one line each. */
function checkHeadLines(check: ImportCheck): string[] {
  const lines: string[] = []
  lines.push(`Tệp: ${check.file} — ${KIND_NAME[check.kind] ?? check.kind}`)
  lines.push('Trang tính:')
  for (const sheet of check.sheets) {
    const chosen = sheet.name === check.sheet ? '→' : ' '
    const hidden = sheet.hidden ? ', ẩn' : ''
    const products = sheet.productRows > 0 ? `, ${sheet.productRows} dòng sản phẩm` : ''
    const reading = sheet.name === check.sheet ? ' (đang đọc)' : ''
    lines.push(`  ${chosen} "${sheet.name}": ${sheet.rows} dòng${products}${hidden}${reading}`)
  }
  if (check.header !== null) {
    lines.push(
      `Dòng tiêu đề: ${check.header.headerRows.join(', ')}; dữ liệu từ dòng ${check.header.firstDataRow}`,
    )
  }
  if (check.mapping.length > 0) {
    lines.push('Ghép cột:')
    const width = Math.max(...check.mapping.map((m) => m.label.length))
    for (const m of check.mapping) {
      const letter = columnLetter(m.index).padEnd(3)
      const percent = `${Math.round(m.confidence * 100)}%`
      lines.push(
        `  ${letter} ${m.label.padEnd(width)}  → ${IMPORT_FIELD_LABELS[m.field]} (${percent})`,
      )
    }
  }
  return lines.map((line) => `${line}\n`)
}
