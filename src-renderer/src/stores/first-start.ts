import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'
import { isRegisterBlank } from '@/db/units-repo'
import { useApi } from '@/platform/api'
import { useUnitsStore } from './units'

const ANSWERED = 'firstStart.answered'

/**
 * The first start of a real register: while it has no unit and no product, and the clerk has not
 * chosen yet, Tổng quan offers the ways to get a units list (the Mỹ Hào catalogue, a CSV list, or
 * none) and the practice register. The choice is asked once.
 */
export const useFirstStartStore = defineStore('first-start', () => {
  /** Null until the register has been looked at. */
  const open = ref<boolean | null>(null)

  async function check() {
    if (open.value !== null) return
    const db = useDatabase()
    open.value = (await isRegisterBlank(db)) && !(await getPreference(db, ANSWERED, false))
  }
  /** The clerk has chosen: the offer is not made again. */
  async function answer() {
    open.value = false
    await setPreference(useDatabase(), ANSWERED, true)
  }
  async function loadMyHao() {
    const result = await useUnitsStore().loadSample()
    await answer()
    return result
  }
  /** Asks for a CSV units list and loads it; null when the clerk cancels the file picker. */
  async function importUnitsList(request: { title: string; filterName: string }) {
    const picked = await useApi().openFile({
      title: request.title,
      filters: [{ name: request.filterName, extensions: ['csv', 'txt'] }],
    })
    if (!picked) return null
    const result = await useUnitsStore().importList(picked.bytes, picked.name)
    await answer()
    return { ...result, fileName: picked.name }
  }
  return { open, check, answer, loadMyHao, importUnitsList }
})
