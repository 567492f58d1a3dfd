import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router'
import type { HistoryRecord } from '@shared/messages/catalogue'
import type { HistoryFilter } from '@/db/history-repo'

/** Lịch sử thay đổi showing only the changes of one record. */
export function historyOfRecord(record: HistoryRecord): RouteLocationRaw {
  return { name: 'history', query: { table: record.table, record: record.id } }
}

/** The record an error's params send the clerk to in the history, when they name one. */
export function historyRecordOf(params: Record<string, unknown> | undefined): HistoryRecord | null {
  const record = params?.historyRecord as Partial<HistoryRecord> | undefined
  return typeof record?.table === 'string' && typeof record.id === 'string'
    ? { table: record.table, id: record.id }
    : null
}

const single = (value: LocationQuery[string] | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null

/** The history's filter as the address holds it (so a link, Back and Forward keep it). */
export function filterOfQuery(query: LocationQuery): HistoryFilter {
  return {
    table: single(query.table),
    recordId: single(query.record),
    from: single(query.from),
    to: single(query.to),
    text: single(query.q) ?? '',
  }
}

/** The address's query for a filter; empty parts are left out. */
export function queryOfFilter(filter: HistoryFilter): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filter.table !== null) query.table = filter.table
  if (filter.recordId !== null) query.record = filter.recordId
  if (filter.from !== null) query.from = filter.from
  if (filter.to !== null) query.to = filter.to
  if (filter.text !== '') query.q = filter.text
  return query
}
