import { computed, ref, toRaw, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/** A problem found by a form check: a catalogue key, with parameters when the message needs them. */
export type FormProblem = string | { key: string; params: Record<string, unknown> }

export interface RecordFormOptions<I, R> {
  show: () => boolean
  record: () => R | null
  blank: () => I
  fromRecord: (record: R) => I
  check: (input: I) => Partial<Record<string, FormProblem>>
}

/**
 * The state of an add/edit form: filled from the record (or blank) each time it opens, checked as
 * the clerk types, with a field's complaint shown once it has a value or a save was tried. Text a
 * field cannot read (a date that is not in the calendar, letters in a score) stays in the field and
 * is reported by it (see `typed`): such a complaint shows at once and blocks the save.
 */
export function useRecordForm<I extends object, R>(options: RecordFormOptions<I, R>) {
  const { t } = useI18n()
  const form = ref(options.blank()) as Ref<I>
  const touched = ref(false)
  const unreadable = ref<Record<string, FormProblem | null>>({})
  const opened = ref('')
  watch(
    () => [options.show(), options.record()] as const,
    ([show, record]) => {
      if (!show) return
      touched.value = false
      unreadable.value = {}
      form.value = record ? options.fromRecord(record) : options.blank()
      opened.value = JSON.stringify(form.value)
    },
    { immediate: true },
  )
  const typedProblems = computed(() =>
    Object.fromEntries(
      Object.entries(unreadable.value).filter(
        (entry): entry is [string, FormProblem] => entry[1] !== null,
      ),
    ),
  )
  const problems = computed(() => ({ ...options.check(form.value), ...typedProblems.value }))
  const hasProblems = computed(() => Object.keys(problems.value).length > 0)
  /** True once the clerk changed anything since the form opened (closing it then asks first). */
  const dirty = computed(
    () =>
      Object.keys(typedProblems.value).length > 0 || JSON.stringify(form.value) !== opened.value,
  )

  /** The message for a field, or undefined while there is nothing to say yet. */
  function problem(field: string): string | undefined {
    const found = problems.value[field]
    // Dotted fields ("partScores.A") name a value inside the form.
    const value = field
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], form.value)
    const shown =
      typedProblems.value[field] !== undefined ||
      touched.value ||
      (value !== '' && value !== null && value !== undefined)
    if (!found || !shown) return undefined
    return typeof found === 'string' ? t(found) : t(found.key, found.params)
  }
  /** Props for an NFormItem: error status and feedback text. */
  function feedback(field: string) {
    const text = problem(field)
    return text ? { validationStatus: 'error' as const, feedback: text } : {}
  }
  /** Props for a typed input (NumberInput, DateInput) of a field: where it reports unreadable text. */
  function typed(field: string) {
    return {
      problem: unreadable.value[field] ?? null,
      'onUpdate:problem': (found: FormProblem | null) => {
        unreadable.value = { ...unreadable.value, [field]: found }
      },
    }
  }
  /** The input when it passes every check; otherwise marks the form touched and returns null. */
  function validated(): I | null {
    touched.value = true
    return hasProblems.value ? null : structuredClone(toRaw(form.value))
  }
  return { form, problems, hasProblems, dirty, problem, feedback, typed, validated }
}
