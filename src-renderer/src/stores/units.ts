import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import type { Unit } from '@shared/db/records'
import { unitValidOn, type UnitInput } from '@shared/domain/units'
import { matchesSearch } from '@shared/text/vietnamese'
import { decodeUnitsCsv, parseUnitsCsv, unitInputsOfList } from '@shared/import/units-csv'
import catalogue from '../../../resources/catalogues/units-my-hao.json'
import { registerToday, useDatabase } from '@/db/instance'
import {
  createUnit,
  importUnitsList,
  listUnits,
  loadUnitCatalogue,
  restoreUnit,
  retireUnit,
  updateUnit,
} from '@/db/units-repo'
import type { UnitCatalogueEntry } from '@shared/domain/units'

/** Administrative units: the list, search, and every change (each audited in the database). */
export const useUnitsStore = defineStore('units', () => {
  const units = ref<Unit[]>([])
  const query = ref('')
  const showRetired = ref(true)
  // Raw records: lists look units up thousands of times, and a read through a proxy is tracked.
  const byId = computed(() => new Map(toRaw(units.value).map((u) => [u.id, u])))
  // Records go back into IndexedDB for undo: they must be plain objects, not Vue proxies.
  const snapshot = (id: string): Unit | undefined => {
    const unit = byId.value.get(id)
    return unit && structuredClone(toRaw(unit))
  }
  const visible = computed(() => {
    const today = registerToday()
    return units.value.filter(
      (u) =>
        (showRetired.value || unitValidOn(u, today)) &&
        matchesSearch(`${u.name} ${u.code} ${u.parentName}`, query.value),
    )
  })

  async function load() {
    units.value = await listUnits(useDatabase())
  }
  async function create(input: UnitInput) {
    const unit = await createUnit(useDatabase(), input)
    await load()
    return unit
  }
  /** Saves an edit and returns the unit as it was, for undo. */
  async function update(id: string, input: UnitInput): Promise<Unit | undefined> {
    const before = snapshot(id)
    await updateUnit(useDatabase(), id, input)
    await load()
    return before
  }
  async function retire(id: string, validTo: string, successorId: string | null) {
    const before = snapshot(id)
    await retireUnit(useDatabase(), id, validTo, successorId)
    await load()
    return before
  }
  async function undo(previous: Unit) {
    await restoreUnit(useDatabase(), previous)
    await load()
  }
  async function loadSample() {
    const result = await loadUnitCatalogue(
      useDatabase(),
      catalogue.units as UnitCatalogueEntry[],
      catalogue.title,
    )
    await load()
    return result
  }
  /** Loads a units list given as CSV; a bad line refuses the whole file, naming the line. */
  async function importList(bytes: Uint8Array, fileName: string) {
    const entries = parseUnitsCsv(decodeUnitsCsv(bytes, fileName), fileName)
    const result = await importUnitsList(
      useDatabase(),
      unitInputsOfList(entries, fileName),
      fileName,
    )
    await load()
    return result
  }
  return {
    units,
    query,
    showRetired,
    byId,
    visible,
    load,
    create,
    update,
    retire,
    undo,
    loadSample,
    importList,
  }
})
