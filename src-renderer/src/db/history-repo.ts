/**
 * The history of changes (Lịch sử thay đổi): the audit log read a page at a time, newest first,
 * filtered by table, record, dates and text; and the revert of a change, in one transaction that
 * writes its own audit lines. Pages come from index ranges, so the first page of a log of 100,000
 * lines reads a hundred of them; a text search reads a bounded number of lines per page.
 */
import type { AuditEntry, ChangeBatch } from '@shared/db/records'
import { TABLE_NAMES, type TableName } from '@shared/db/schema'
import { REFERENCE_RULES, referenceIds } from '@shared/db/references'
import {
  deletedBy,
  judgeRevert,
  planRevert,
  recordKey,
  referencedBy,
  type RecordRef,
  type RevertRefusal,
  type RevertWrite,
} from '@shared/db/revert'
import { type IsoDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import { searchKey, searchMatcher } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { lastLoggedImage, namedRecord } from './record-names'

/** What the clerk narrows the history to; null (or '') is no filter. */
export interface HistoryFilter {
  table: string | null
  recordId: string | null
  /** Local calendar dates, both included. */
  from: IsoDate | null
  to: IsoDate | null
  text: string
}

/** A page of the history, newest first. */
export interface HistoryPage {
  lines: AuditEntry[]
  /** The page after this one starts below this id; null when the log has no more lines. */
  next: number | null
  /** The time of the oldest line read for this page (a text search reads more than it shows). */
  readTo: string | null
}

export const HISTORY_PAGE_SIZE = 100
// A text search reads at most this many lines for one page, so a rare word never freezes the
// view: the clerk sees what was found and searches further back on request.
const SEARCH_READ_LIMIT = 5_000
const SEARCH_CHUNK = 500

/** Why a change cannot be reverted, as the catalogue words it. */
export type RevertRefusalParams = ErrorMessageParams['history.revert.refused']

/**
 * Whether a line's change can be reverted now, and how many records the revert writes; the same
 * for every line of one change.
 */
export type RevertStatus =
  { revertible: true; records: number } | { revertible: false; refusal: RevertRefusalParams }

/** The start of a local calendar day as an ISO timestamp, comparable with `at`. */
function startOfDay(date: IsoDate, daysLater = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + daysLater).toISOString()
}

/** The ids of lines within the filter's dates (ids grow with time), or null when none are. */
async function idRange(
  db: OcopDatabase,
  filter: HistoryFilter,
  before: number | null,
): Promise<[number, number] | null> {
  let low = 0
  let high = before === null ? Infinity : before - 1
  if (filter.from !== null) {
    const first = await db.auditLog.where('at').aboveOrEqual(startOfDay(filter.from)).first()
    if (first === undefined) return null
    low = first.id
  }
  if (filter.to !== null) {
    const last = await db.auditLog.where('at').below(startOfDay(filter.to, 1)).last()
    if (last === undefined) return null
    high = Math.min(high, last.id)
  }
  return low <= high ? [low, high] : null
}

function linesBetween(db: OcopDatabase, table: string | null, low: number, high: number) {
  return table === null
    ? db.auditLog.where(':id').between(low, high, true, true)
    : db.auditLog.where('[table+id]').between([table, low], [table, high], true, true)
}

const matcherOf = (text: string) => {
  const matches = searchMatcher(text)
  return (line: AuditEntry) => matches(searchKey(line.summary))
}

/** Change batches that added or changed the record. */
async function batchesTouching(db: OcopDatabase, recordId: string): Promise<ChangeBatch[]> {
  const batches = await db.changeBatches.toArray()
  return batches.filter(
    (batch) =>
      Object.values(batch.createdIds).some((ids) => ids.includes(recordId)) ||
      batch.beforeImages.some((image) => (image.record as { id?: string }).id === recordId),
  )
}

/**
 * One record's lines, with the lines of the imports that added or changed it (an import writes
 * one line for the whole batch): few enough to read at once and page in memory.
 */
async function recordPage(
  db: OcopDatabase,
  filter: HistoryFilter & { recordId: string },
  before: number | null,
): Promise<HistoryPage> {
  const own = await db.auditLog.where('recordId').equals(filter.recordId).toArray()
  const batchIds = (await batchesTouching(db, filter.recordId)).map((batch) => batch.id)
  const batchLines =
    batchIds.length === 0 ? [] : await db.auditLog.where('batchId').anyOf(batchIds).toArray()
  const from = filter.from === null ? '' : startOfDay(filter.from)
  const to = filter.to === null ? '\uffff' : startOfDay(filter.to, 1)
  const matches = matcherOf(filter.text)
  const lines = [
    ...own.filter((line) => filter.table === null || line.table === filter.table),
    ...batchLines,
  ]
    .filter((line) => line.at >= from && line.at < to && matches(line))
    .filter((line) => before === null || line.id < before)
    .sort((a, b) => b.id - a.id)
  const page = lines.slice(0, HISTORY_PAGE_SIZE)
  return {
    lines: page,
    next: lines.length > HISTORY_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    readTo: page.at(-1)?.at ?? null,
  }
}

/** The page of lines that match `filter`, newest first, below `before` (null: from the newest). */
export async function readHistoryPage(
  db: OcopDatabase,
  filter: HistoryFilter,
  before: number | null = null,
): Promise<HistoryPage> {
  return db.transaction('r', db.auditLog, db.changeBatches, async () => {
    if (filter.recordId !== null)
      return recordPage(db, { ...filter, recordId: filter.recordId }, before)
    const range = await idRange(db, filter, before)
    if (range === null) return { lines: [], next: null, readTo: null }
    const [low, high] = range
    if (filter.text.trim() === '') {
      const read = await linesBetween(db, filter.table, low, high)
        .reverse()
        .limit(HISTORY_PAGE_SIZE + 1)
        .toArray()
      const lines = read.slice(0, HISTORY_PAGE_SIZE)
      const next = read.length > HISTORY_PAGE_SIZE ? (lines.at(-1)?.id ?? null) : null
      return { lines, next, readTo: lines.at(-1)?.at ?? null }
    }
    const matches = matcherOf(filter.text)
    const lines: AuditEntry[] = []
    let top = high
    let read = 0
    let readTo: string | null = null
    while (lines.length < HISTORY_PAGE_SIZE && read < SEARCH_READ_LIMIT && top >= low) {
      const chunk = await linesBetween(db, filter.table, low, top)
        .reverse()
        .limit(SEARCH_CHUNK)
        .toArray()
      for (const line of chunk) {
        read++
        readTo = line.at
        top = line.id - 1
        if (matches(line)) lines.push(line)
        if (lines.length === HISTORY_PAGE_SIZE) break
      }
      if (chunk.length < SEARCH_CHUNK) top = low - 1
    }
    return { lines, next: top >= low ? top + 1 : null, readTo }
  })
}

/** The lines of the change `line` belongs to; a line from before change ids stands alone. */
async function linesOfChange(db: OcopDatabase, line: AuditEntry): Promise<AuditEntry[]> {
  if (!line.changeId) return [line]
  return db.auditLog.where('changeId').equals(line.changeId).sortBy('id')
}

// Settings are keyed by `key` and audited by value: their image is the value, not the record.
async function currentImages(
  db: OcopDatabase,
  writes: readonly RevertWrite[],
): Promise<Map<string, unknown>> {
  const current = new Map<string, unknown>()
  const tables = new Set(writes.map((w) => w.table))
  for (const table of tables) {
    const ids = writes.filter((w) => w.table === table).map((w) => w.recordId)
    const found: unknown[] = await db.table(table).bulkGet(ids)
    ids.forEach((id, i) => {
      const record = found[i] as { value?: unknown } | undefined
      current.set(recordKey(table, id), table === 'settings' ? record?.value : record)
    })
  }
  return current
}

/** The records that refer now to each of `records` (by recordKey), by the reference rules. */
async function referrersOf(
  db: OcopDatabase,
  records: readonly RecordRef[],
): Promise<Map<string, RecordRef[]>> {
  const referrers = new Map<string, RecordRef[]>()
  for (const rule of REFERENCE_RULES) {
    const ids = records.filter((r) => r.table === rule.target).map((r) => r.id)
    if (ids.length === 0) continue
    const wanted = new Set(ids)
    const table = db.table(rule.table)
    const found: Record<string, unknown>[] =
      rule.list === undefined && table.schema.idxByName[rule.field]
        ? await table.where(rule.field).anyOf(ids).toArray()
        : await table
            .filter((r: Record<string, unknown>) =>
              referenceIds(rule, r).some((id) => wanted.has(id)),
            )
            .toArray()
    for (const record of found) {
      for (const id of referenceIds(rule, record).filter((id) => wanted.has(id))) {
        const key = recordKey(rule.target, id)
        const list = referrers.get(key) ?? []
        if (list.length === 0) referrers.set(key, list)
        list.push({ table: rule.table, id: record.id as string })
      }
    }
  }
  return referrers
}

async function presentOf(db: OcopDatabase, records: readonly RecordRef[]): Promise<Set<string>> {
  const present = new Set<string>()
  for (const table of new Set(records.map((r) => r.table))) {
    const ids = [...new Set(records.filter((r) => r.table === table).map((r) => r.id))]
    const found = await db.table(table).bulkGet(ids)
    ids.forEach((id, i) => {
      if (found[i] !== undefined) present.add(recordKey(table, id))
    })
  }
  return present
}

/** The latest change of a record after the line `afterId`, as a message names it. */
async function laterChange(db: OcopDatabase, record: RecordRef, afterId: number) {
  const lines = await db.auditLog.where('recordId').equals(record.id).toArray()
  const later = lines.filter((line) => line.table === record.table && line.id > afterId).at(-1)
  if (later !== undefined) return { summary: later.summary, at: later.at }
  // A change batch writes one line for all it wrote: a record it changed is known by its time.
  const current = (await db.table(record.table).get(record.id)) as
    { updatedAt?: string } | undefined
  const batch = current?.updatedAt
    ? await db.changeBatches.where('at').equals(current.updatedAt).first()
    : undefined
  return batch === undefined ? null : { summary: batch.label, at: batch.at }
}

/** The refusal as the catalogue words it: records by name, the later change by its summary. */
async function wordedRefusal(
  db: OcopDatabase,
  refusal: RevertRefusal,
  lines: readonly AuditEntry[],
): Promise<RevertRefusalParams> {
  switch (refusal.reason) {
    case 'in-batch': {
      const batch = await db.changeBatches.get(refusal.batchId)
      return {
        reason: 'in-batch',
        label: batch?.label ?? refusal.batchId,
        kind: batch?.kind ?? 'import',
        roundId: batch !== undefined && 'roundId' in batch.detail ? batch.detail.roundId : null,
      }
    }
    case 'no-images':
      return { reason: 'no-images' }
    case 'changed-later': {
      const { table, id } = refusal.record
      const lastId = Math.max(...lines.map((line) => line.id))
      return {
        reason: 'changed-later',
        record: await namedRecord(db, table, id),
        later: await laterChange(db, refusal.record, lastId),
        historyRecord: refusal.record,
      }
    }
    case 'referred':
      return {
        reason: 'referred',
        record: await namedRecord(db, refusal.record.table, refusal.record.id),
        by: await namedRecord(db, refusal.by.table, refusal.by.id),
        historyRecord: refusal.by,
      }
    case 'missing-reference': {
      const { table, id } = refusal.missing
      return {
        reason: 'missing-reference',
        record: await namedRecord(db, refusal.record.table, refusal.record.id),
        missing: await namedRecord(db, table, id, await lastLoggedImage(db, table, id)),
        historyRecord: refusal.missing,
      }
    }
  }
}

type Verdict = { writes: RevertWrite[] } | { refusal: RevertRefusalParams }

async function verdictOf(db: OcopDatabase, lines: readonly AuditEntry[]): Promise<Verdict> {
  const plan = planRevert(lines)
  if ('refusal' in plan) return { refusal: await wordedRefusal(db, plan.refusal, lines) }
  const refusal = judgeRevert(plan.writes, {
    current: await currentImages(db, plan.writes),
    referrers: await referrersOf(db, deletedBy(plan.writes)),
    present: await presentOf(db, referencedBy(plan.writes)),
  })
  return refusal === null ? plan : { refusal: await wordedRefusal(db, refusal, lines) }
}

/** Whether the change of each line can be reverted now, by line id. */
export async function revertStatuses(
  db: OcopDatabase,
  lines: readonly AuditEntry[],
): Promise<Map<number, RevertStatus>> {
  return db.transaction('r', [...TABLE_NAMES], async () => {
    const statuses = new Map<number, RevertStatus>()
    const byChange = new Map<string, RevertStatus>()
    for (const line of lines) {
      const change = line.changeId ?? `line:${line.id}`
      let status = byChange.get(change)
      if (status === undefined) {
        const verdict = await verdictOf(db, await linesOfChange(db, line))
        status =
          'refusal' in verdict
            ? { revertible: false, refusal: verdict.refusal }
            : { revertible: true, records: verdict.writes.length }
        byChange.set(change, status)
      }
      statuses.set(line.id, status)
    }
    return statuses
  })
}

const REVERTED = 'Hoàn tác: '
const REDONE = 'Làm lại: '

/** "Hoàn tác: Sửa sản phẩm X"; the revert of that reads "Làm lại: Sửa sản phẩm X", and so on. */
function revertSummary(summary: string): string {
  if (summary.startsWith(REVERTED)) return REDONE + summary.slice(REVERTED.length)
  if (summary.startsWith(REDONE)) return REVERTED + summary.slice(REDONE.length)
  return REVERTED + summary
}

async function write(db: OcopDatabase, change: RevertWrite): Promise<void> {
  const table = db.table(change.table)
  if (change.restore === null) await table.delete(change.recordId)
  else if (change.table === 'settings')
    await table.put({ key: change.recordId, value: change.restore })
  else await table.put(change.restore)
}

/**
 * Reverts the change the line `lineId` belongs to: every record it touched goes back to what it
 * was before, in one transaction with an audit line per record (so the revert is a change that
 * can be reverted in turn). Refused, changing nothing, with the reason (RevertStatus). Returns
 * how many records were written.
 */
export async function revertChange(db: OcopDatabase, lineId: number): Promise<number> {
  return db.transaction('rw', [...TABLE_NAMES], async () => {
    const line = await db.auditLog.get(lineId)
    if (line === undefined) throw refuse({ reason: 'not-found' })
    const lines = await linesOfChange(db, line)
    const verdict = await verdictOf(db, lines)
    if ('refusal' in verdict) throw refuse(verdict.refusal)
    for (const change of verdict.writes) {
      const first = lines.find((l) => l.table === change.table && l.recordId === change.recordId)
      await write(db, change)
      await recordAudit(db, {
        action: change.restore === null ? 'delete' : change.left === null ? 'create' : 'update',
        table: change.table as TableName,
        recordId: change.recordId,
        summary: revertSummary(first?.summary ?? ''),
        before: change.left,
        after: change.restore,
      })
    }
    return verdict.writes.length
  })
}

function refuse(params: RevertRefusalParams): AppError {
  return new AppError({ code: 'history.revert.refused', params })
}
