/**
 * Reverting a change from the history of changes (Lịch sử thay đổi). A change is the audit lines
 * one clerk action wrote in one transaction (a product deleted with its evaluations is one
 * change); its revert puts every record the change touched back as it was before, in one
 * transaction that is a change of its own (and so can be reverted in turn).
 *
 * A revert is refused, with the reason, when
 * - a line belongs to an import batch: a batch is undone as a whole, from Nhập dữ liệu;
 * - a line lacks the record images a revert needs (the import's summary line);
 * - a record no longer equals what the change left: reverting would silently throw away the
 *   later change (the clerk reverts that one first, or edits by hand);
 * - a record the revert would delete (the revert of an add) is referred to by another record now;
 * - a record the revert would put back refers to a record that no longer exists.
 * These are the rules the import undo follows for a batch, applied to one change.
 */
import type { AuditAction, AuditEntry } from './records'
import { referencesOf, type KeyedRecord } from './references'
import type { TableName } from './schema'

/** What the rules read of an audit line. */
export type RevertLine = Pick<
  AuditEntry,
  'id' | 'action' | 'table' | 'recordId' | 'before' | 'after' | 'batchId'
>

/** A record by table and id. */
export interface RecordRef {
  table: string
  id: string
}

/**
 * One record a revert writes: the change left it as `left` and the revert makes it `restore`
 * (null: absent, so a revert of an add deletes and a revert of a delete adds it back).
 */
export interface RevertWrite {
  table: string
  recordId: string
  left: unknown
  restore: unknown
}

/** Why a change cannot be reverted. */
export type RevertRefusal =
  | { reason: 'in-batch'; batchId: string }
  | { reason: 'no-images'; lineId: number }
  | { reason: 'changed-later'; record: RecordRef }
  | { reason: 'referred'; record: RecordRef; by: RecordRef }
  | { reason: 'missing-reference'; record: RecordRef; missing: RecordRef }

/** The writes that revert a change, or why its lines cannot be reverted whatever the register holds. */
export type RevertPlan = { writes: RevertWrite[] } | { refusal: RevertRefusal }

/** What the register holds now, as far as a revert's writes need to know. */
export interface RegisterNow {
  /** Every record a write touches as it is now (absent or null: not in the register), by recordKey. */
  current: ReadonlyMap<string, unknown>
  /** The records that refer now to each record the revert deletes, by that record's recordKey. */
  referrers: ReadonlyMap<string, readonly RecordRef[]>
  /** Of the records the put-back images refer to, the recordKeys of those in the register now. */
  present: ReadonlySet<string>
}

/** One string per record, for maps and sets. */
export function recordKey(table: string, id: string): string {
  return `${table}\u0000${id}`
}

// The image an action leaves: an add leaves a record, a delete leaves none; the import's line
// holds counts, not records, and always has a batch.
const LEAVES_RECORD: Readonly<Record<AuditAction, boolean | null>> = {
  create: true,
  update: true,
  retire: true,
  restore: true,
  undo: true,
  delete: false,
  import: null,
}

function hasImages(line: RevertLine): boolean {
  const leaves = LEAVES_RECORD[line.action]
  if (leaves === null || line.before === undefined || line.after === undefined) return false
  return leaves ? line.after !== null : line.before !== null
}

/** Deep equality of two record images, whatever the order of their keys. */
export function sameImage(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  const bRecord = b as Record<string, unknown>
  if (aKeys.length !== Object.keys(b).length) return false
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && sameImage((a as Record<string, unknown>)[key], bRecord[key]),
  )
}

/**
 * The writes that revert the change made of `lines`: for each record, the image before its first
 * line, expected to be as its last line left it. Records the change left as it found them are
 * not written.
 */
export function planRevert(lines: readonly RevertLine[]): RevertPlan {
  const inBatch = lines.find((line) => line.batchId !== null)
  if (inBatch?.batchId) return { refusal: { reason: 'in-batch', batchId: inBatch.batchId } }
  const incomplete = lines.find((line) => !hasImages(line))
  if (incomplete) return { refusal: { reason: 'no-images', lineId: incomplete.id } }
  const byRecord = new Map<string, RevertWrite>()
  for (const line of [...lines].sort((a, b) => a.id - b.id)) {
    const key = recordKey(line.table, line.recordId)
    const known = byRecord.get(key)
    if (known) known.left = line.after
    else {
      byRecord.set(key, {
        table: line.table,
        recordId: line.recordId,
        left: line.after,
        restore: line.before,
      })
    }
  }
  return { writes: [...byRecord.values()].filter((w) => !sameImage(w.left, w.restore)) }
}

const refOf = (write: RevertWrite): RecordRef => ({ table: write.table, id: write.recordId })

function referencesOfImage(write: RevertWrite): RecordRef[] {
  const image = write.restore
  if (typeof image !== 'object' || image === null) return []
  return referencesOf(write.table as TableName, image as KeyedRecord)
}

/** The records a revert deletes: whoever refers to them now must be known (RegisterNow.referrers). */
export function deletedBy(writes: readonly RevertWrite[]): RecordRef[] {
  return writes.filter((w) => w.restore === null).map(refOf)
}

/** The records the put-back images refer to: whether they exist must be known (RegisterNow.present). */
export function referencedBy(writes: readonly RevertWrite[]): RecordRef[] {
  return writes.flatMap((write) =>
    referencesOfImage(write).map((ref) => ({ table: ref.table, id: ref.id })),
  )
}

/** Why the register as it is `now` does not let `writes` be made, or null when it does. */
export function judgeRevert(
  writes: readonly RevertWrite[],
  now: RegisterNow,
): RevertRefusal | null {
  for (const write of writes) {
    const current = now.current.get(recordKey(write.table, write.recordId)) ?? null
    if (!sameImage(current, write.left)) return { reason: 'changed-later', record: refOf(write) }
  }
  const written = new Set(writes.map((w) => recordKey(w.table, w.recordId)))
  const deleted = new Set(deletedBy(writes).map((ref) => recordKey(ref.table, ref.id)))
  for (const record of deletedBy(writes)) {
    // A record this revert writes as well is checked by its own new image below.
    const by = now.referrers
      .get(recordKey(record.table, record.id))
      ?.find((ref) => !written.has(recordKey(ref.table, ref.id)))
    if (by) return { reason: 'referred', record, by }
  }
  for (const write of writes) {
    for (const ref of referencesOfImage(write)) {
      const key = recordKey(ref.table, ref.id)
      const there = written.has(key) ? !deleted.has(key) : now.present.has(key)
      if (!there) {
        return {
          reason: 'missing-reference',
          record: refOf(write),
          missing: { table: ref.table, id: ref.id },
        }
      }
    }
  }
  return null
}
