/**
 * Table columns shared by the star-ranking panels: a product (linked to its page on the view's
 * date), its producer, its commune/ward on the view's date, the rank that stands on that date and
 * the product's status then (the words the product list and the product's page show).
 */
import { computed, h, type Ref, type VNode } from 'vue'
import { RouterLink } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { NTag, type DataTableBaseColumn } from 'naive-ui'
import type { Producer, Product } from '@shared/db/records'
import { formatViDate, type IsoDate } from '@shared/dates'
import type { Rank } from '@shared/domain/rankings'
import { unitOnDate } from '@shared/domain/units'
import { viCollator } from '@shared/text/vietnamese'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'
import { formatScore } from '@/composables/format'
import { STATUS_TAG, useStatusLabel } from '@/composables/use-status-label'
import { useOwnership } from '@/composables/use-ownership'

export interface ProductRow {
  product: Product
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
  const statusLabel = useStatusLabel()
  const ownership = useOwnership()

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
          { to: { name: 'product', params: { id: row.product.id }, query: { ngay: date.value } } },
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

  /**
   * The product's owning office, while the register holds another office's products (none else:
   * for an office that exchanges nothing every row would say "Đơn vị này").
   */
  function office<R extends ProductRow>(): DataTableBaseColumn<R>[] {
    if (!register.hasForeign) return []
    return [
      {
        title: t('ownership.owner'),
        key: 'office',
        width: 120,
        render: (row) => clipped(ownership.ownerName(row.product)),
      },
    ]
  }

  /**
   * Stars, score, expiry and decision of the rank `rankOf` gives. With `status`, the first column
   * is the product's status on the view's date ("Đạt OCOP 4 sao", "Hết hạn (2 sao)") instead of
   * the bare star: the words the product list and the product's page show.
   */
  function rank<R extends ProductRow>(
    rankOf: (row: R) => Rank | undefined,
    options: { status?: boolean } = {},
  ): DataTableBaseColumn<R>[] {
    return [
      options.status
        ? status<R>()
        : {
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
      decision(rankOf),
    ]
  }

  /** The product's status on the view's date (EvaluationIndex.statusOn, kept per date). */
  function status<R extends ProductRow>(): DataTableBaseColumn<R> {
    return {
      title: t('productStatusFilter'),
      key: 'status',
      width: 150,
      render: (row) => {
        const found = register.evaluationIndex.statusOn(row.product.id, date.value)
        return h(
          NTag,
          {
            size: 'small',
            type: STATUS_TAG[found.kind],
            bordered: false,
            'data-status': found.kind,
          },
          { default: () => statusLabel(found) },
        )
      },
    }
  }

  return { product, producer, unit, office, rank, decision, producerOf, starsText }
}
