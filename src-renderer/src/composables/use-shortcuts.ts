import { onMounted, onUnmounted } from 'vue'

/** Window-level keyboard shortcuts such as "ctrl+n", active while the component is mounted. */
export function useShortcuts(bindings: Record<string, (event: KeyboardEvent) => void>) {
  function onKey(event: KeyboardEvent) {
    const combo = `${event.ctrlKey || event.metaKey ? 'ctrl+' : ''}${event.key.toLowerCase()}`
    const action = bindings[combo]
    if (action) {
      event.preventDefault()
      action(event)
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onUnmounted(() => window.removeEventListener('keydown', onKey))
}

// Enter inside these picks an option, commits a date or starts a new line: it must not submit.
const OWN_ENTER = '.n-base-selection, .n-date-picker, textarea'

/** A form's Enter-to-save handler that leaves Enter alone in selects, date pickers and text areas. */
export function submitOnEnter(save: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return
    if (event.target instanceof Element && event.target.closest(OWN_ENTER)) return
    event.preventDefault()
    save()
  }
}
