import { useI18n } from 'vue-i18n'
import { TRAVELLING_TABLES } from '@shared/exchange/ownership'

/** A package's counts as one line: "12 Sản phẩm, 30 Kết quả đánh giá, 2 bản ghi đã xóa". */
export function usePackageCounts() {
  const { t } = useI18n()
  return (counts: Readonly<Record<string, number>>): string => {
    const parts = TRAVELLING_TABLES.filter((table) => (counts[table] ?? 0) > 0).map((table) =>
      t('exchange.counts', { count: counts[table], table: t(`backups.table.${table}`) }),
    )
    if ((counts.tombstones ?? 0) > 0)
      parts.push(t('exchange.tombstones', { count: counts.tombstones }))
    return parts.length === 0 ? t('app.none') : parts.join(', ')
  }
}
