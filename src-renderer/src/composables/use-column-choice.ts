import {
  computed,
  onScopeDispose,
  ref,
  toValue,
  type ComputedRef,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue'
import { usePreference } from './use-preference'

/** A column as the chooser sees it: Naive's table columns and the product list's alike. */
export interface ChoosableColumn {
  key: string | number
  title?: unknown
  /** The width it needs in pixels: `width` for a fixed column, `minWidth` for one that grows. */
  width?: number | string
  minWidth?: number | string
}

export interface ColumnChoiceOptions {
  /** Shown always and not offered: what names the row, its actions. */
  always?: readonly string[]
  /**
   * Hidden until the clerk shows them: they do not fit beside the others at 1366 px. A getter when
   * that depends on the data (a column added only for some registers takes another's room).
   */
  hidden?: MaybeRefOrGetter<readonly string[]>
  /** Hidden until the clerk shows them in a narrow window only: they fit in a wide one. */
  narrow?: MaybeRefOrGetter<readonly string[]>
}

/**
 * A window this wide or wider (a 1920×1080 laptop at 125 %) has room for a table's `narrow`
 * columns; a 1366 px one has not.
 */
export const WIDE_WINDOW = '(min-width: 1500px)'

/** Whether the window is wide, following the clerk resizing it while the view is open. */
function useWideWindow(): Ref<boolean> {
  const query = matchMedia(WIDE_WINDOW)
  const wide = ref(query.matches)
  const follow = (event: MediaQueryListEvent) => (wide.value = event.matches)
  query.addEventListener('change', follow)
  onScopeDispose(() => query.removeEventListener('change', follow))
  return wide
}

/** One line of the chooser. */
export interface ColumnOption {
  key: string
  title: string
  shown: boolean
  /** Shown always: offered greyed out, so the clerk sees the whole list. */
  locked: boolean
}

/** What the chooser component needs: the columns to offer and how to change them. */
export interface ColumnChooserModel {
  /** Names the table in the remembered choice and in test ids. */
  table: string
  options: ComputedRef<ColumnOption[]>
  /** The clerk changed the default set. */
  changed: ComputedRef<boolean>
  show: (key: string, shown: boolean) => void
  reset: () => void
}

/** The columns the clerk showed and hid: any other column, one added later too, keeps its default. */
interface ColumnChanges {
  shown: string[]
  hidden: string[]
}

const NO_CHANGES: ColumnChanges = { shown: [], hidden: [] }

function readChanges(stored: unknown): ColumnChanges | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined
  const { shown, hidden } = stored as Record<string, unknown>
  const keys = (list: unknown): string[] | undefined =>
    Array.isArray(list) && list.every((key): key is string => typeof key === 'string')
      ? list
      : undefined
  const shownKeys = keys(shown)
  const hiddenKeys = keys(hidden)
  return shownKeys && hiddenKeys ? { shown: shownKeys, hidden: hiddenKeys } : undefined
}

const pixels = (length: number | string | undefined) => (typeof length === 'number' ? length : 0)

/** The pixels `columns` need side by side: a table's scroll width. */
export function columnsWidth(columns: readonly ChoosableColumn[]): number {
  return columns.reduce((sum, column) => sum + (pixels(column.width) || pixels(column.minWidth)), 0)
}

/**
 * The columns a table shows: its default set (every column but `hidden`, and but `narrow` in a
 * narrow window), changed by the clerk with the column chooser and remembered per table. `width`
 * is what the shown columns need: the table's scroll width, so it scrolls sideways only when the
 * clerk added more than fits.
 */
export function useColumnChoice<C extends ChoosableColumn>(
  table: string,
  columns: MaybeRefOrGetter<readonly C[]>,
  choice: ColumnChoiceOptions = {},
) {
  const always = new Set(choice.always ?? [])
  const wide = useWideWindow()
  const changes = usePreference<ColumnChanges>(`columns.${table}`, NO_CHANGES, readChanges)

  function isShown(key: string): boolean {
    if (always.has(key) || changes.value.shown.includes(key)) return true
    if (changes.value.hidden.includes(key) || toValue(choice.hidden)?.includes(key)) return false
    return wide.value || !toValue(choice.narrow)?.includes(key)
  }

  const shown = computed(() => toValue(columns).filter((column) => isShown(String(column.key))))
  const width = computed(() => columnsWidth(shown.value))
  // A column without a heading (the row's buttons) is not offered: there is no name to tick.
  const options = computed(() =>
    toValue(columns).flatMap((column): ColumnOption[] => {
      const key = String(column.key)
      if (typeof column.title !== 'string' || column.title === '') return []
      return [{ key, title: column.title, shown: isShown(key), locked: always.has(key) }]
    }),
  )
  const changed = computed(() => changes.value.shown.length + changes.value.hidden.length > 0)

  function show(key: string, visible: boolean): void {
    if (always.has(key)) return
    // Kept as the clerk's choice even where it is the default: the default follows the window.
    const shownKeys = changes.value.shown.filter((k) => k !== key)
    const hiddenKeys = changes.value.hidden.filter((k) => k !== key)
    ;(visible ? shownKeys : hiddenKeys).push(key)
    changes.value = { shown: shownKeys, hidden: hiddenKeys }
  }
  function reset(): void {
    changes.value = { shown: [], hidden: [] }
  }

  const chooser: ColumnChooserModel = { table, options, changed, show, reset }
  return { columns: shown, width, chooser }
}
