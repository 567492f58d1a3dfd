/**
 * A units list as CSV, the one format both `ocop check --units` and the app's first start read:
 * columns code, kind ('Xã', 'Phường', 'Thị trấn', 'Đặc khu' or their codes), name, and optionally
 * full_name, spelling_variant, valid_from, valid_to (YYYY-MM-DD or dd/mm/yyyy), under their
 * English or Vietnamese names. Only name is required. Every problem names the file and line.
 */
import Papa from 'papaparse'
import type { IsoDate } from '../dates'
import type { UnitKind } from '../db/records'
import { checkUnitInput, type UnitInput } from '../domain/units'
import { AppError } from '../errors'
import { headerKey } from './header'
import { parseDate } from './values'

/** One unit as a units list writes it. */
export interface UnitsListEntry {
  /** The line of the file, from 1 with its header line. */
  line: number
  /** The statistics code, '' when the list gives none. */
  code: string
  kind: UnitKind
  /** The name without its kind: "Cẩm Xá". */
  name: string
  /** The name with its kind, as written in full_name or built: "Xã Cẩm Xá". */
  fullName: string
  /** Another spelling of the name ("Hoà Phong"), '' when none. */
  variant: string
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

/** How documents write each kind before a unit's name. */
export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
}

// A kind as a units list writes it, folded: 'Xã', 'Phường', 'Thị trấn', or the codes.
const KIND_OF_KEY: Record<string, UnitKind> = {
  xa: 'xa',
  phuong: 'phuong',
  'thi tran': 'thi-tran',
  'dac khu': 'dac-khu',
}

// Column names of a units CSV as headerKey folds them; Vietnamese names accepted too.
const UNIT_COLUMNS: Record<string, string> = {
  code: 'code',
  ma: 'code',
  'ma don vi': 'code',
  kind: 'kind',
  loai: 'kind',
  name: 'name',
  ten: 'name',
  'full name': 'fullName',
  'ten day du': 'fullName',
  'spelling variant': 'variant',
  'valid from': 'validFrom',
  'hieu luc tu': 'validFrom',
  'valid to': 'validTo',
  'hieu luc den': 'validTo',
}

/** The text of a units list saved as UTF-8; other encodings are refused, naming the file. */
export function decodeUnitsCsv(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    throw new AppError({
      code: 'units-list.encoding',
      params: { file: fileName },
      cause: String(error),
    })
  }
}

/** Every unit of a units list, in the file's order; blank names are skipped. */
export function parseUnitsCsv(text: string, fileName: string): UnitsListEntry[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => UNIT_COLUMNS[headerKey(header)] ?? headerKey(header),
  })
  if (!(parsed.meta.fields ?? []).includes('name')) {
    throw new AppError({ code: 'units-list.no-name', params: { file: fileName } })
  }
  const entries: UnitsListEntry[] = []
  parsed.data.forEach((record, i) => {
    const where: UnitsLine = { file: fileName, line: i + 2 }
    const written = (record.name ?? '').trim()
    if (written === '') return
    const writtenFull = (record.fullName ?? '').trim()
    const kind = unitKind(record.kind ?? '', writtenFull || written, where)
    const name = withoutKind(written, kind)
    entries.push({
      line: where.line,
      code: (record.code ?? '').trim(),
      kind,
      name,
      fullName: writtenFull || `${UNIT_KIND_LABEL[kind]} ${name}`,
      variant: withoutKind((record.variant ?? '').trim(), kind),
      validFrom: unitDate(record.validFrom, where, 'valid_from'),
      validTo: unitDate(record.validTo, where, 'valid_to'),
    })
  })
  return entries
}

/**
 * The units of a list as the register keeps them (no parent unit, no note), checked as the unit
 * form checks one; a list with no unit, a bad code, dates in the wrong order or the same unit twice
 * is refused whole, naming the line.
 */
export function unitInputsOfList(
  entries: readonly UnitsListEntry[],
  fileName: string,
): (UnitInput & { line: number })[] {
  if (entries.length === 0) {
    throw new AppError({ code: 'units-list.empty', params: { file: fileName } })
  }
  const firstLineOf = new Map<string, number>()
  return entries.map((entry) => {
    const where = { file: fileName, line: entry.line }
    const input: UnitInput = {
      code: entry.code,
      kind: entry.kind,
      name: entry.name,
      parentName: '',
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      note: '',
    }
    const problems = checkUnitInput(input)
    if (problems.code) {
      throw new AppError({ code: 'units-list.code', params: { ...where, value: entry.code } })
    }
    if (problems.validTo) throw new AppError({ code: 'units-list.dates-order', params: where })
    const sameUnit = `${entry.code}|${headerKey(entry.fullName)}|${entry.validFrom ?? ''}`
    const firstLine = firstLineOf.get(sameUnit)
    if (firstLine !== undefined) {
      throw new AppError({ code: 'units-list.duplicate', params: { ...where, firstLine } })
    }
    firstLineOf.set(sameUnit, entry.line)
    return { ...input, line: entry.line }
  })
}

/** A line of the units list, for its errors. */
interface UnitsLine {
  file: string
  line: number
}

function unitKind(written: string, name: string, where: UnitsLine): UnitKind {
  const kind = KIND_OF_KEY[headerKey(written)] ?? KIND_OF_KEY[written.trim()]
  if (kind !== undefined) return kind
  const fromName = Object.entries(UNIT_KIND_LABEL).find(([, label]) =>
    headerKey(name).startsWith(`${headerKey(label)} `),
  )
  if (fromName !== undefined) return fromName[0] as UnitKind
  throw new AppError({ code: 'units-list.kind', params: { ...where, value: written } })
}

/** "Phường Dị Sử" written in the name column of a ward is "Dị Sử". */
function withoutKind(name: string, kind: UnitKind): string {
  const label = UNIT_KIND_LABEL[kind]
  const words = name.split(/\s+/u)
  const labelWords = label.split(' ').length
  const opening = words.slice(0, labelWords).join(' ')
  return words.length > labelWords && headerKey(opening) === headerKey(label)
    ? words.slice(labelWords).join(' ')
    : name
}

function unitDate(
  written: string | undefined,
  where: UnitsLine,
  column: 'valid_from' | 'valid_to',
): IsoDate | null {
  const result = parseDate(written ?? '')
  if (result.ok) return result.value
  if (result.code === 'date.empty') return null
  throw new AppError({
    code: 'units-list.date',
    params: { ...where, column, value: written ?? '' },
  })
}
