import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MissingReference, SetAsideRecord } from '@shared/db/records'
import { useDatabase } from '@/db/instance'
import { deleteSetAside, listSetAside, putBack, stillMissing } from '@/db/set-aside-repo'

/** The "Cần xử lý" list: records a restore set aside, and what each still misses. */
export const useSetAsideStore = defineStore('setAside', () => {
  const entries = ref<SetAsideRecord[]>([])
  /** By entry id: the references still missing from the register (empty: it can go back). */
  const missing = ref(new Map<string, MissingReference[]>())

  async function load() {
    const db = useDatabase()
    entries.value = await listSetAside(db)
    missing.value = await stillMissing(db, entries.value)
  }
  async function putBackEntry(entry: SetAsideRecord, label: string) {
    await putBack(useDatabase(), entry.id, label)
    await load()
  }
  async function remove(entry: SetAsideRecord, label: string) {
    await deleteSetAside(useDatabase(), entry.id, label)
    await load()
  }
  return { entries, missing, load, putBack: putBackEntry, remove }
})
