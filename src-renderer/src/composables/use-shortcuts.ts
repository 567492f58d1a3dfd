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

// Enter inside these picks an option, commits a date, starts a new line or presses the button
// (Thêm chỉ tiêu, Hủy): it must not submit.
const OWN_ENTER = '.n-base-selection, .n-date-picker, textarea, button'

/**
 * A form's keyboard handler: Enter saves, except in selects, date pickers, text areas and on
 * buttons, where it belongs to them; a letter typed on a closed dropdown opens it filtered by that letter.
 */
export function formKeys(save: () => void) {
  return (event: KeyboardEvent) => {
    if (event.isComposing) return
    if (event.key === 'Enter') {
      if (event.target instanceof Element && event.target.closest(OWN_ENTER)) return
      event.preventDefault()
      save()
    } else typeIntoSelect(event)
  }
}

// Naive opens a filterable select on Enter, ↓ or a click only; until then the keyboard is on the
// select's label, and its search box (which opens the menu as it is typed in) has no focus. Moving
// the focus there during the keydown makes the browser type the key into it.
function typeIntoSelect(event: KeyboardEvent) {
  if (
    event.key.length !== 1 ||
    event.key === ' ' ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey
  ) {
    return
  }
  const label = event.target
  if (!(label instanceof HTMLElement) || !label.classList.contains('n-base-selection-label')) return
  label.querySelector<HTMLInputElement>('input.n-base-selection-input')?.focus()
}

/**
 * Takes the clerk to the first field a refused save complained about: scrolled into view inside
 * its dialog or page, with the keyboard in it.
 */
export function focusFirstProblem(root: HTMLElement) {
  const field = root.querySelector('.n-form-item-blank--error')
  if (!field) return
  field.scrollIntoView({ block: 'nearest' })
  field.querySelector<HTMLElement>('input, textarea, [tabindex="0"]')?.focus()
}

// An open dropdown or calendar takes Esc for itself: Naive marks a select's selection active while
// its menu is open, DateInput says so with aria-expanded.
const OPEN_POPUP = '.n-base-selection--active, [aria-expanded="true"]'

/**
 * A page form's Esc-to-cancel handler, for the capture phase: it sees Esc before the dropdown or
 * calendar that owns it closes, and leaves that Esc to them.
 */
export function cancelOnEsc(cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing) return
    if (event.target instanceof Element && event.target.closest(OPEN_POPUP)) return
    cancel()
  }
}
