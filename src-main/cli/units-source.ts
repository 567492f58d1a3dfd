/**
 * The units a commune file's rows are matched against, for `npm run ocop -- check`: the shipped
 * catalogue (resources/catalogues/units-my-hao.json) or a units list the clerk gives as CSV
 * (`--units`), read by the parser the app's first start uses (src-shared/import/units-csv.ts).
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { UnitKind } from '@shared/db/records'
import { AppError } from '@shared/errors'
import { decodeUnitsCsv, parseUnitsCsv, UNIT_KIND_LABEL } from '@shared/import/units-csv'
import { unitNameKey, type UnitCandidate } from '@shared/import/units-match'
import unitCatalogue from '../../resources/catalogues/units-my-hao.json'

/** The units matched against, and each unit's full name ("Phường Nhân Hòa") by id for output. */
export interface UnitList {
  candidates: UnitCandidate[]
  fullName: Map<string, string>
}

/** The shipped units of resources/catalogues/units-my-hao.json, by key. */
export function shippedUnits(): UnitList {
  const candidates: UnitCandidate[] = []
  const fullName = new Map<string, string>()
  for (const entry of unitCatalogue.units) {
    const kind = entry.kind as UnitKind
    const name = `${UNIT_KIND_LABEL[kind]} ${entry.name}`
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

export async function readUnitsCsv(file: string): Promise<UnitList> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new AppError({
      code: 'cli.units-unreadable',
      params: { file },
      cause: String(error),
    })
  }
  return unitListOf(decodeUnitsCsv(bytes, basename(file)), basename(file))
}

/** A units list as CSV text, as the units matched against; a unit's id is its code. */
function unitListOf(text: string, fileName: string): UnitList {
  const candidates: UnitCandidate[] = []
  const fullName = new Map<string, string>()
  for (const entry of parseUnitsCsv(text, fileName)) {
    const { kind, validFrom, validTo } = entry
    const id = entry.code || entry.fullName
    candidates.push({ id, name: entry.fullName, kind, validFrom, validTo })
    // A variant whose spelling folds to the same key would only make the match ambiguous.
    if (entry.variant !== '' && unitNameKey(entry.variant) !== unitNameKey(entry.fullName)) {
      const name = `${UNIT_KIND_LABEL[kind]} ${entry.variant}`
      candidates.push({ id, name, kind, validFrom, validTo })
    }
    fullName.set(id, entry.fullName)
  }
  return { candidates, fullName }
}
