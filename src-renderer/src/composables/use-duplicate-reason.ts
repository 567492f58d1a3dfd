import { ref, watch, type Ref } from 'vue'

/**
 * The reason a clerk gives to save a record like one already in the register: empty again each
 * time the form opens; `reasonFor` answers the reason to save with ('' when there is no look-alike),
 * or undefined — and marks the reason missing — when a look-alike has none yet.
 */
export function useDuplicateReason(show: () => boolean, duplicate: Ref<unknown>) {
  const reason = ref('')
  const missing = ref(false)
  watch(show, (open) => {
    if (!open) return
    reason.value = ''
    missing.value = false
  })
  function reasonFor(): string | undefined {
    missing.value = duplicate.value !== undefined && reason.value.trim() === ''
    if (missing.value) return undefined
    return duplicate.value === undefined ? '' : reason.value
  }
  return { reason, missing, reasonFor }
}
