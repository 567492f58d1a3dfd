/**
 * The units a commune file's rows are matched against, for `npm run ocop -- check`: the shipped
 * catalogue (resources/catalogues/units-my-hao.json) or a units list the clerk gives as CSV
 * (`--units`), read with English or Vietnamese column names and checked line by line.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import Papa from 'papaparse'
import type { UnitKind } from '@shared/db/records'
import { AppError } from '@shared/errors'
import { headerKey } from '@shared/import/header'
import { unitNameKey, type UnitCandidate } from '@shared/import/units-match'
import { parseDate } from '@shared/import/values'
import unitCatalogue from '../../resources/catalogues/units-my-hao.json'

/** The units matched against, and each unit's full name ("Phường Nhân Hòa") by id for output. */
export interface UnitList {
  candidates: UnitCandidate[]
  fullName: Map<string, string>
}

const KIND_LABEL: Record<UnitKind, string> = {
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

/** The shipped units of resources/catalogues/units-my-hao.json, by key. */
export function shippedUnits(): UnitList {
  const candidates: UnitCandidate[] = []
  const fullName = new Map<string, string>()
  for (const entry of unitCatalogue.units) {
    const kind = entry.kind as UnitKind
    const name = `${KIND_LABEL[kind]} ${entry.name}`
    candidates.push({
      id: entry.key,
      name,
      kind,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
    })
    fullName.set(entry.key, name)
  }
  return { candidates, fullName }
}

// Column names of a units CSV, folded; Vietnamese names accepted too.
const UNIT_COLUMNS: Record<string, string> = {
  code: 'code',
  ma: 'code',
  'ma don vi': 'code',
  kind: 'kind',
  loai: 'kind',
  name: 'name',
  ten: 'name',
  full_name: 'fullName',
  'full name': 'fullName',
  'ten day du': 'fullName',
  spelling_variant: 'variant',
  'spelling variant': 'variant',
  valid_from: 'validFrom',
  'valid from': 'validFrom',
  'hieu luc tu': 'validFrom',
  valid_to: 'validTo',
  'valid to': 'validTo',
  'hieu luc den': 'validTo',
}

export async function readUnitsCsv(file: string): Promise<UnitList> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file))
  } catch (error) {
    throw new AppError({
      code: 'cli.units-unreadable',
      params: { file },
      cause: String(error),
    })
  }
  return parseUnitsCsv(text, basename(file))
}

/**
 * A units list as CSV: columns code, kind ('Xã', 'Phường', 'Thị trấn'), name, and optionally
 * full_name, spelling_variant, valid_from, valid_to (YYYY-MM-DD or dd/mm/yyyy). Only name is
 * required; a unit's id is its code.
 */
export function parseUnitsCsv(text: string, fileName: string): UnitList {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => UNIT_COLUMNS[header.trim().toLowerCase()] ?? headerKey(header),
  })
  const columns = parsed.meta.fields ?? []
  if (!columns.includes('name')) {
    throw new AppError({ code: 'cli.units-no-name', params: { file: fileName } })
  }
  const candidates: UnitCandidate[] = []
  const fullName = new Map<string, string>()
  parsed.data.forEach((record, i) => {
    const line = i + 2
    const where: UnitsLine = { file: fileName, line }
    const name = (record.name ?? '').trim()
    if (name === '') return
    const written = (record.fullName ?? '').trim()
    const kind = unitKind(record.kind ?? '', written, where)
    const full = written || `${KIND_LABEL[kind]} ${name}`
    const id = (record.code ?? '').trim() || full
    const validFrom = unitDate(record.validFrom, where, 'valid_from')
    const validTo = unitDate(record.validTo, where, 'valid_to')
    candidates.push({ id, name: full, kind, validFrom, validTo })
    const variant = (record.variant ?? '').trim()
    // A variant whose spelling folds to the same key would only make the match ambiguous.
    if (variant !== '' && unitNameKey(variant) !== unitNameKey(full)) {
      candidates.push({ id, name: `${KIND_LABEL[kind]} ${variant}`, kind, validFrom, validTo })
    }
    fullName.set(id, full)
  })
  return { candidates, fullName }
}

/** A line of the units list, for its errors. */
interface UnitsLine {
  file: string
  line: number
}

function unitKind(written: string, fullName: string, where: UnitsLine): UnitKind {
  const kind = KIND_OF_KEY[headerKey(written)] ?? KIND_OF_KEY[written.trim()]
  if (kind !== undefined) return kind
  const fromName = Object.entries(KIND_LABEL).find(([, label]) =>
    headerKey(fullName).startsWith(`${headerKey(label)} `),
  )
  if (fromName !== undefined) return fromName[0] as UnitKind
  throw new AppError({ code: 'cli.units-kind', params: { ...where, value: written } })
}

function unitDate(
  written: string | undefined,
  where: UnitsLine,
  column: 'valid_from' | 'valid_to',
): string | null {
  const result = parseDate(written ?? '')
  if (result.ok) return result.value
  if (result.code === 'date.empty') return null
  throw new AppError({
    code: 'cli.units-date',
    params: { ...where, column, value: written ?? '' },
  })
}
