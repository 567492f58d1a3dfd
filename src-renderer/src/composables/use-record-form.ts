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
 * the clerk types, with a field's complaint shown once it has a value or a save was tried.
 */
export function useRecordForm<I extends object, R>(options: RecordFormOptions<I, R>) {
  const { t } = useI18n()
  const form = ref(options.blank()) as Ref<I>
  const touched = ref(false)
  watch(
    () => [options.show(), options.record()] as const,
    ([show, record]) => {
      if (!show) return
      touched.value = false
      form.value = record ? options.fromRecord(record) : options.blank()
    },
    { immediate: true },
  )
  const problems = computed(() => options.check(form.value))
  const hasProblems = computed(() => Object.keys(problems.value).length > 0)

  /** The Vietnamese complaint for a field, or undefined while there is nothing to say yet. */
  function problem(field: string): string | undefined {
    const found = problems.value[field]
    // Dotted fields ("partScores.A") name a value inside the form.
    const value = field
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], form.value)
    if (!found || !(touched.value || (value !== '' && value !== null && value !== undefined))) {
      return undefined
    }
    return typeof found === 'string' ? t(found) : t(found.key, found.params)
  }
  /** Props for an NFormItem: error status and feedback text. */
  function feedback(field: string) {
    const text = problem(field)
    return text ? { validationStatus: 'error' as const, feedback: text } : {}
  }
  /** The input when it passes every check; otherwise marks the form touched and returns null. */
  function validated(): I | null {
    touched.value = true
    return hasProblems.value ? null : structuredClone(toRaw(form.value))
  }
  return { form, problems, hasProblems, problem, feedback, validated }
}
