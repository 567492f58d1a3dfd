/**
 * Files built to stall or exhaust the reader (tests/fixtures/hostile, written by
 * tools/fixtures/hostile.mjs): each ends quickly, with the Vietnamese message that fits or with
 * what the file really holds. The bench measures the same files as whole `ocop check` processes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { detectFileKind } from '../../../../../src-main/services/import/file-kind'
import { readTable } from '../../../../../src-main/services/import/read-table'
import { AppError } from '../../../../../src-shared/errors'
import { thrown } from '../../thrown'

const HOSTILE = join(__dirname, '../../../../fixtures/hostile')
/** A file may take this long in a test run (the bench holds the whole process to 10 s). */
const WITHIN_MS = 10_000

const refused: [file: string, code: string, phrase: string][] = [
  ['unclosed-cell-tags.xlsx', 'import.read.failed', 'không đọc được, có thể tệp bị hỏng'],
  ['unclosed-cells.xlsx', 'import.read.failed', 'không đọc được, có thể tệp bị hỏng'],
  ['unterminated-runs.xlsx', 'import.read.failed', 'không đọc được, có thể tệp bị hỏng'],
  ['giant-cell.xlsx', 'import.read.failed', 'không đọc được, có thể tệp bị hỏng'],
  ['wide-rows.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
  ['full-width-rows.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
  ['too-many-rows.xlsx', 'import.read.too-many-rows', 'quá nhiều dòng'],
  ['lying-size-sheet.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
  ['lying-size-workbook.xlsx', 'import.file.corrupt', 'bị hỏng hoặc chưa tải về đầy đủ'],
  ['huge-merge.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
  ['many-merges.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
  ['million-strings.xlsx', 'import.read.too-many-cells', 'quá nhiều ô dữ liệu'],
]

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(HOSTILE, file)))
}

describe('hostile files end quickly', () => {
  it.each(refused)(
    '%s is refused (%s) in Vietnamese, naming the file',
    async (file, code, phrase) => {
      const started = Date.now()
      const error = await thrown(checkFile(bytesOf(file), file, { units: [] }))
      expect(Date.now() - started).toBeLessThan(WITHIN_MS)
      expect(error).toBeInstanceOf(AppError)
      expect(error.code).toBe(code)
      expect(error.message).toContain(`Tệp "${file}"`)
      expect(error.message).toContain(phrase)
    },
    2 * WITHIN_MS,
  )

  it('deep-nesting.xlsx: 200,000 nested runs give their text', async () => {
    const started = Date.now()
    const table = await readTable(bytesOf('deep-nesting.xlsx'), 'deep-nesting.xlsx', {
      kind: 'xlsx',
    })
    expect(Date.now() - started).toBeLessThan(WITHIN_MS)
    expect(table.sheets[0]!.rows).toEqual([{ row: 1, cells: [{ value: 'x', text: 'x' }] }])
  })

  it('entity-expansion.xlsx: DTD entities are never expanded, the text stays as written', async () => {
    const table = await readTable(bytesOf('entity-expansion.xlsx'), 'entity-expansion.xlsx', {
      kind: 'xlsx',
    })
    expect(table.sheets[0]!.rows[0]!.cells.map((c) => c.value)).toEqual(['&lol9;', '&lol9;'])
  })

  it('a zip whose directory lists more parts than a workbook has is refused at once', async () => {
    // A zip's end record alone, claiming 60,000 entries.
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(60_000, 8)
    end.writeUInt16LE(60_000, 10)
    const bytes = new Uint8Array(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), end]))
    const error = await thrown(detectFileKind(bytes, 'nhieu-phan.xlsx'))
    expect(error.code).toBe('import.file.corrupt')
  })
})
