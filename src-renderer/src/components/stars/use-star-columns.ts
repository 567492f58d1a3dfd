/**
 * Table columns shared by the star-ranking panels: a product (linked to its page), its producer,
 * its commune/ward on the view's date, and the rank that stands on that date.
 */
import { computed, h, type Ref, type VNode } from 'vue'
import { RouterLink } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { NTag, type DataTableBaseColumn } from 'naive-ui'
import type { Producer, Product } from '@shared/db/records'
import { formatViDate, type IsoDate } from '@shared/dates'
import type { CertificateStatus } from '@shared/domain/certificates'
import type { Rank } from '@shared/domain/rankings'
import { unitOnDate } from '@shared/domain/units'
import { viCollator } from '@shared/text/vietnamese'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'
import { formatScore } from '@/composables/format'

export interface ProductRow {
  product: Product
}

const certificateTagType: Record<CertificateStatus, 'success' | 'warning' | 'error' | 'default'> = {
  valid: 'success',
  'expiring-90': 'warning',
  'expiring-30': 'error',
  expired: 'default',
  none: 'default',
}

/** Lists above this many rows scroll virtually; shorter ones render whole (and print whole). */
export const VIRTUAL_ROWS = 100

/** A one-line cell cut with "…", the full text on hover. */
export function clipped(text: string): VNode {
  return h(
    'div',
    { title: text, style: 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis' },
    text,
  )
}

/** Column builders for a panel whose rows carry a product, as of the panel's date. */
export function useStarColumns(date: Ref<IsoDate>) {
  const { t } = useI18n()
  const register = useRegisterStore()
  const units = useUnitsStore()

  // Thousands of products share a few dozen units: resolve each unit on the date once.
  const unitNameOf = computed(() => {
    const day = date.value
    const byId = units.byId
    const names = new Map<string, string>()
    return (unitId: string | null): string => {
      if (unitId === null) return ''
      let name = names.get(unitId)
      if (name === undefined) {
        // After a merger the product's area belongs to the successor; before, the old name stands.
        name = (unitOnDate(unitId, day, byId) ?? byId.get(unitId))?.name ?? ''
        names.set(unitId, name)
      }
      return name
    }
  })

  function producerOf(product: Product): Producer | undefined {
    return product.producerId === null ? undefined : register.producerById.get(product.producerId)
  }

  function starsText(rank: Rank | undefined): string {
    return rank ? t('stars', { n: rank.stars }) : t('app.none')
  }

  /** "1358/QĐ-UBND ngày 20/05/2025", wrapping only before "ngày" in a narrow column. */
  function decisionCell(rank: Rank | undefined): VNode | string {
    if (!rank) return ''
    const { decisionNo, decisionDate } = rank.evaluation
    const date = h(
      'span',
      { style: 'white-space: nowrap' },
      t('starsView.decisionDate', { date: formatViDate(decisionDate) }),
    )
    return decisionNo ? h('span', [decisionNo, ' ', date]) : formatViDate(decisionDate)
  }

  function decision<R extends ProductRow>(
    rankOf: (row: R) => Rank | undefined,
  ): DataTableBaseColumn<R> {
    return {
      title: t('starsView.col.decision'),
      key: 'decision',
      minWidth: 180,
      render: (row) => decisionCell(rankOf(row)),
    }
  }

  function product<R extends ProductRow>(): DataTableBaseColumn<R> {
    return {
      title: t('starsView.col.product'),
      key: 'product',
      minWidth: 200,
      sorter: (a, b) => viCollator.compare(a.product.name, b.product.name),
      render: (row) =>
        h(
          RouterLink,
          { to: { name: 'product', params: { id: row.product.id } } },
          { default: () => row.product.name },
        ),
    }
  }

  function producer<R extends ProductRow>(): DataTableBaseColumn<R> {
    return {
      title: t('starsView.col.producer'),
      key: 'producer',
      minWidth: 170,
      // A native title instead of Naive's ellipsis tooltip: one tooltip component per row cost
      // more than the whole ranking computation on a 10,000-product list.
      render: (row) => clipped(producerOf(row.product)?.name ?? ''),
    }
  }

  function unit<R extends ProductRow>(): DataTableBaseColumn<R> {
    return {
      title: t('starsView.col.unit'),
      key: 'unit',
      width: 120,
      render: (row) => unitNameOf.value(row.product.unitId) || t('app.none'),
    }
  }

  /** Stars, score, expiry (and certificate status) and decision of the rank `rankOf` gives. */
  function rank<R extends ProductRow>(
    rankOf: (row: R) => Rank | undefined,
    options: { status?: boolean } = {},
  ): DataTableBaseColumn<R>[] {
    const columns: DataTableBaseColumn<R>[] = [
      {
        title: t('starsView.col.stars'),
        key: 'stars',
        width: 80,
        render: (row) => starsText(rankOf(row)),
      },
      {
        title: t('starsView.col.score'),
        key: 'score',
        width: 64,
        render: (row) => formatScore(rankOf(row)?.evaluation.total ?? null),
      },
      {
        title: t('starsView.col.expiry'),
        key: 'expiry',
        width: 100,
        render: (row) => formatViDate(rankOf(row)?.expiryDate),
      },
    ]
    if (options.status) {
      columns.push({
        title: t('starsView.col.certificate'),
        key: 'certificate',
        width: 160,
        render: (row) => {
          const status = rankOf(row)?.status
          if (!status || status === 'none') return ''
          return h(
            NTag,
            { size: 'small', type: certificateTagType[status], bordered: false },
            { default: () => t(`certificate.${status}`) },
          )
        },
      })
    }
    columns.push(decision(rankOf))
    return columns
  }

  return { product, producer, unit, rank, decision, producerOf, starsText }
}
