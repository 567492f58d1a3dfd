import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AuditEntry } from '@shared/db/records'
import type { NamedRecord } from '@shared/messages/catalogue'
import { useDatabase } from '@/db/instance'
import {
  readHistoryPage,
  revertChange,
  revertStatuses,
  type HistoryFilter,
  type RevertStatus,
} from '@/db/history-repo'
import { namedRecord } from '@/db/record-names'
import { loadAllStores } from './load-all'

export const NO_HISTORY_FILTER: HistoryFilter = {
  table: null,
  recordId: null,
  from: null,
  to: null,
  text: '',
}

/**
 * Lịch sử thay đổi as the view shows it: the lines read so far for the filter, page by page, and
 * whether each line's change can be reverted (checked after the lines show, so a page opens at
 * once). A revert reloads the register and the history.
 */
export const useHistoryStore = defineStore('history', () => {
  const filter = shallowRef<HistoryFilter>(NO_HISTORY_FILTER)
  const lines = shallowRef<AuditEntry[]>([])
  const next = ref<number | null>(null)
  const readTo = ref<string | null>(null)
  const statuses = shallowRef<ReadonlyMap<number, RevertStatus>>(new Map())
  const loading = ref(false)
  /** The record the history is narrowed to, by name. */
  const record = shallowRef<NamedRecord | null>(null)
  // A newer filter wins over a slower read of an older one.
  let generation = 0

  async function checkStatuses(page: AuditEntry[], current: number) {
    const found = await revertStatuses(useDatabase(), page)
    if (current !== generation) return
    statuses.value = new Map([...statuses.value, ...found])
  }

  async function read(before: number | null) {
    const current = ++generation
    loading.value = true
    try {
      const page = await readHistoryPage(useDatabase(), filter.value, before)
      if (current !== generation) return
      lines.value = before === null ? page.lines : [...lines.value, ...page.lines]
      if (before === null) statuses.value = new Map()
      next.value = page.next
      readTo.value = page.readTo
      loading.value = false
      await checkStatuses(page.lines, current)
    } finally {
      if (current === generation) loading.value = false
    }
  }

  /** Reads the first page for `wanted`. */
  async function show(wanted: HistoryFilter) {
    filter.value = wanted
    const { table, recordId } = wanted
    if (recordId === null) record.value = null
    else if (table === null) record.value = { table: '', name: recordId }
    else record.value = await namedRecord(useDatabase(), table, recordId)
    await read(null)
  }

  /** Reads the next page (older lines) for the same filter. */
  async function more() {
    if (next.value !== null) await read(next.value)
  }

  /**
   * Reverts the change `line` belongs to, then shows the register and the history as they are
   * (the record narrowed to by its name as it now is).
   */
  async function revert(line: AuditEntry) {
    await revertChange(useDatabase(), line.id)
    await Promise.all([loadAllStores(), show(filter.value)])
  }

  return { filter, record, lines, next, readTo, statuses, loading, show, more, revert }
})
