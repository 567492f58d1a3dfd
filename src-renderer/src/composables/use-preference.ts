import { computed, ref, watch, type Ref } from 'vue'
import { useDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'

/**
 * A choice a screen remembers for next time (its tab, the last report's options): a ref that
 * starts at `fallback`, takes the stored value once it is read unless the clerk chose first, and
 * is saved whenever it changes. `read` checks a stored value (it may come from an older version)
 * and gives undefined to ignore it. Remembering is a convenience: failing to read or save is
 * logged and never disturbs the clerk.
 */
export function usePreference<T>(
  key: string,
  fallback: T,
  read: (stored: unknown) => T | undefined = (stored) => stored as T,
): Ref<T> {
  const db = useDatabase()
  const current = ref(structuredClone(fallback)) as Ref<T>
  let chosen = false
  /** The value as the database holds it, when known; only a different value is written. */
  let stored: string | undefined

  getPreference<unknown>(db, key, undefined)
    .then((value) => {
      const remembered = value === undefined ? undefined : read(value)
      if (chosen || remembered === undefined) return
      stored = JSON.stringify(remembered)
      current.value = remembered
    })
    .catch((error: unknown) => console.warn(`could not read the remembered ${key}`, error))

  /** Writes the value unless the database holds it already; a saved value is the clerk's choice. */
  function save(value: T): void {
    const json = JSON.stringify(value)
    if (json === stored) return
    chosen = true
    stored = json
    setPreference(db, key, JSON.parse(json) as unknown).catch((error: unknown) =>
      console.warn(`could not remember ${key}`, error),
    )
  }
  // Changes made inside the value (a field of a remembered object) are saved too.
  watch(current, save, { deep: true })

  return computed({
    get: () => current.value,
    set: (value) => {
      current.value = value
      save(value)
    },
  })
}
