import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { EMPTY_OFFICE, missingOfficeFields, type OfficeIdentity } from '@shared/domain/office'
import { useDatabase } from '@/db/instance'
import { getOffice, saveOffice } from '@/db/settings-repo'

/** The office identity used on every report. */
export const useSettingsStore = defineStore('settings', () => {
  const office = ref<OfficeIdentity>({ ...EMPTY_OFFICE })
  const missing = computed(() => missingOfficeFields(office.value))

  async function load() {
    office.value = await getOffice(useDatabase())
  }
  async function save(next: OfficeIdentity) {
    office.value = await saveOffice(useDatabase(), next)
  }
  return { office, missing, load, save }
})
