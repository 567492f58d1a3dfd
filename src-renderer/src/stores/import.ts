import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import type { ChangeBatch, ChangeBatchOf } from '@shared/db/records'
import {
  mappingSourceKey,
  type ImportCheck,
  type MappingOverride,
} from '@shared/import/check-result'
import type { ImportField } from '@shared/import/header'
import {
  heldOutByDefault,
  matchImport,
  withUnitChoices,
  type ImportMatch,
} from '@shared/import/match'
import { useApi } from '@/platform/api'
import { useDatabase } from '@/db/instance'
import { commitImport } from '@/db/import-repo'
import { listChangeBatches, undoChangeBatch } from '@/db/change-batches'
import { useAppStore } from './app'
import { getPreferencesStartingWith, setPreference } from '@/db/settings-repo'
import { useRegisterStore } from './register'
import { useUnitsStore } from './units'

/** Where the import stands while the worker reads or the database writes. */
interface ImportProgress {
  stage: 'read' | 'commit' | 'undo'
  percent: number
}

const MAPPING_PREFERENCE = 'import.mapping:'

/**
 * The import in progress (file, check, the clerk's corrections and exclusions, the match against
 * the register) and the history of batches with their undo.
 */
type ImportBatch = ChangeBatchOf<'import'>

export const useImportStore = defineStore('import', () => {
  const api = useApi()
  const register = useRegisterStore()
  const units = useUnitsStore()

  const file = shallowRef<{ name: string; bytes: Uint8Array } | null>(null)
  const check = shallowRef<ImportCheck | null>(null)
  const override = ref<MappingOverride>({})
  /** Whether the current mapping came from a correction remembered for this layout. */
  const remembered = computed(() => check.value?.remembered ?? false)
  const excluded = shallowRef<ReadonlySet<number>>(new Set())
  /** Units the clerk chose for rows whose unit the file names unrecognisably, by sheet row. */
  const unitChoices = shallowRef<ReadonlyMap<number, { id: string; name: string }>>(new Map())
  /** The file's rows with the clerk's unit choices applied: what is matched and shown. */
  const rows = computed(() =>
    check.value === null ? [] : withUnitChoices(check.value.rows, unitChoices.value),
  )
  const progress = ref<ImportProgress | null>(null)
  const batches = shallowRef<ImportBatch[]>([])
  let jobId = ''

  api.on('job.progress', (report) => {
    if (report.jobId === jobId && report.total > 0 && progress.value !== null) {
      progress.value = { ...progress.value, percent: Math.round((report.done / report.total) * 90) }
    }
  })

  const match = computed<ImportMatch | null>(() => {
    if (check.value === null) return null
    return matchImport(
      rows.value,
      {
        producers: register.producers,
        products: register.products,
        evaluations: register.evaluations,
        criteriaSets: register.criteriaSets,
      },
      { excluded: excluded.value, now: new Date().toISOString(), newId: () => crypto.randomUUID() },
    )
  })

  async function run(sheet: string | undefined): Promise<ImportCheck> {
    if (file.value === null) throw new Error('no file')
    jobId = crypto.randomUUID()
    progress.value = { stage: 'read', percent: 0 }
    try {
      return await api.checkImportFile({
        jobId,
        fileName: file.value.name,
        bytes: file.value.bytes,
        sheet,
        mapping: Object.keys(override.value).length > 0 ? toRaw(override.value) : undefined,
        // Without corrections of its own, a file takes those remembered for its header layout.
        remembered: await getPreferencesStartingWith<MappingOverride>(
          useDatabase(),
          MAPPING_PREFERENCE,
        ),
        units: units.units.map(({ id, name, kind, validFrom, validTo }) => ({
          id,
          name,
          kind,
          validFrom,
          validTo,
        })),
        criteriaSets: register.criteriaSets.map((set) => toRaw(set)),
      })
    } finally {
      progress.value = null
    }
  }

  function show(result: ImportCheck) {
    check.value = result
    override.value = result.override
    unitChoices.value = new Map()
    excluded.value = new Set(result.rows.filter(heldOutByDefault).map((r) => r.row))
  }

  /** Reads a new file; a mapping remembered for its header layout is applied at once. */
  async function open(name: string, bytes: Uint8Array) {
    file.value = { name, bytes }
    check.value = null
    override.value = {}
    try {
      show(await run(undefined))
    } catch (error) {
      file.value = null
      throw error
    }
  }

  async function chooseSheet(sheet: string) {
    override.value = {}
    show(await run(sheet))
  }

  async function setColumnField(index: number, field: ImportField | null) {
    override.value = { ...override.value, [index]: field }
    show(await run(check.value?.sheet))
  }

  function setExcluded(row: number, out: boolean) {
    const next = new Set(excluded.value)
    if (out) next.add(row)
    else next.delete(row)
    excluded.value = next
  }

  /** The clerk's unit for a row the file's unit did not match; the row is then imported. */
  function chooseUnit(row: number, unit: { id: string; name: string }) {
    unitChoices.value = new Map(unitChoices.value).set(row, unit)
    setExcluded(row, false)
  }

  function close() {
    file.value = null
    check.value = null
    override.value = {}
    excluded.value = new Set()
  }

  async function loadHistory() {
    batches.value = await listChangeBatches(useDatabase(), 'import')
  }

  /** Writes the match as one batch; remembers the corrected mapping for this layout. */
  async function commit(): Promise<ImportBatch> {
    const current = check.value
    const matched = match.value
    if (current === null || matched === null) throw new Error('nothing to import')
    progress.value = { stage: 'commit', percent: 50 }
    try {
      const db = useDatabase()
      const batch = await commitImport(db, matched, {
        fileName: current.file,
        fileHash: current.hash,
        sheet: current.sheet,
        mapping: current.mapping.map(({ field, index, label }) => ({ field, index, label })),
        who: useAppStore().info?.user ?? '',
      })
      if (current.header !== null && Object.keys(override.value).length > 0) {
        await setPreference(
          db,
          MAPPING_PREFERENCE + mappingSourceKey(current.header),
          toRaw(override.value),
        )
      }
      await Promise.all([register.load(), loadHistory()])
      close()
      return batch
    } finally {
      progress.value = null
    }
  }

  async function undo(batchId: string): Promise<ChangeBatch> {
    progress.value = { stage: 'undo', percent: 50 }
    try {
      const batch = await undoChangeBatch(useDatabase(), batchId, new Date().toISOString())
      await Promise.all([register.load(), loadHistory()])
      return batch
    } finally {
      progress.value = null
    }
  }

  const rowsWithMatch = computed(() => {
    const result = check.value
    const matched = match.value
    if (result === null || matched === null) return []
    const byRow = new Map(matched.rows.map((r) => [r.row, r]))
    return rows.value.map((row) => ({
      ...row,
      match: byRow.get(row.row),
      unitChoice: unitChoices.value.get(row.row) ?? null,
    }))
  })

  return {
    check,
    remembered,
    progress,
    batches,
    match,
    rowsWithMatch,
    open,
    chooseSheet,
    setColumnField,
    setExcluded,
    chooseUnit,
    close,
    loadHistory,
    commit,
    undo,
  }
})
