/**
 * What one audit line changed, field by field: the history of changes shows these as
 * "before → after". An add shows every field it wrote, a delete every field it removed.
 */
import { sameImage } from './revert'

/** One field as a change found it and left it (undefined: the record had no such field). */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

// Stamps every write sets: they say when, which the line already does, not what the clerk changed.
const STAMPS = new Set(['id', 'createdAt', 'updatedAt'])

const fieldsOf = (image: unknown): Record<string, unknown> =>
  typeof image === 'object' && image !== null && !Array.isArray(image)
    ? (image as Record<string, unknown>)
    : {}

/** The fields `after` holds differently from `before`, in the records' own field order. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = fieldsOf(before)
  const is = fieldsOf(after)
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])]
  return fields
    .filter((field) => !STAMPS.has(field) && !sameImage(was[field], is[field]))
    .map((field) => ({ field, before: was[field], after: is[field] }))
}
