import type { DataTableColumns } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import type { MissingReference, ReferringTable } from '@shared/db/records'
import type { KeyedRecord } from '@shared/db/references'

/** A record whose references are missing: a dangling one in a backup, or one already set aside. */
export interface DanglingRow {
  table: ReferringTable
  record: KeyedRecord
  missing: MissingReference[]
}

/**
 * The columns that tell the clerk which record it is and what it misses. A missing record that is
 * itself among `rows` (an evaluation whose product is set aside too) is named, not just its id.
 */
export function useDanglingColumns() {
  const i18n = useI18n()
  const { t } = i18n

  function recordLabel(table: string, record: KeyedRecord): string {
    if (typeof record.name === 'string') return record.name
    if (table === 'evaluations') {
      return t('backups.record.evaluation', { year: record.year, round: record.round })
    }
    if (table === 'roundEntries') return t('backups.record.roundEntry')
    if (table === 'revocations') return t('backups.record.revocation', { number: record.number })
    if (table === 'roundScores') return t('backups.record.roundScore', { pass: record.pass })
    const kindKey = `plans.kinds.${String(record.kind)}`
    return table === 'planTargets' && i18n.te(kindKey) ? t(kindKey) : record.id
  }

  function missingLabel(ref: MissingReference, rows: readonly DanglingRow[]): string {
    const table = t(`backups.table.${ref.table}`)
    const aside = rows.find((row) => row.table === ref.table && row.record.id === ref.id)
    return aside
      ? t('backups.missingAside', { table, label: recordLabel(aside.table, aside.record) })
      : t('backups.missing', { table, id: ref.id })
  }

  function columns<Row extends DanglingRow>(rows: () => readonly Row[]): DataTableColumns<Row> {
    return [
      {
        title: t('backups.col.table'),
        key: 'table',
        width: 160,
        render: (row) => t(`backups.table.${row.table}`),
      },
      {
        title: t('backups.col.record'),
        key: 'record',
        minWidth: 180,
        render: (row) => recordLabel(row.table, row.record),
      },
      {
        title: t('backups.col.missing'),
        key: 'missing',
        minWidth: 220,
        render: (row) => row.missing.map((ref) => missingLabel(ref, rows())).join('; '),
      },
    ]
  }

  return { columns, recordLabel }
}
