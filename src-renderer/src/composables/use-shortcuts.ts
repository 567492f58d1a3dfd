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
