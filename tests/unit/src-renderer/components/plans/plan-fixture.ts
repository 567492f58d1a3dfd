// Shared by the plan chart tests: a plan 2021–2025 with baseline 2020, seen on 30/06/2024.
import { defineComponent, h, type Component } from 'vue'
import { mount } from '@vue/test-utils'
import { NMessageProvider, NNotificationProvider } from 'naive-ui'
import type { PlanTarget, Product, Unit } from '@shared/db/records'
import type { PlanProgress } from '@shared/domain/plans'
import { createAppI18n } from '@/i18n'

const at = '2024-01-01T00:00:00.000Z'

export function unit(id: string, name: string): Unit {
  return {
    id,
    code: '',
    name,
    kind: 'xa',
    parentName: 'Mỹ Hào',
    validFrom: null,
    validTo: null,
    successorId: null,
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}

export function product(id: string, name: string, unitId: string): Product {
  return {
    id,
    name,
    producerId: null,
    unitId,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
    createdAt: at,
    updatedAt: at,
  }
}

function target(id: string, fields: Partial<PlanTarget>): PlanTarget {
  return {
    id,
    planId: 'plan',
    kind: 'stars-at-least',
    stars: null,
    value: 0,
    unitId: null,
    productId: null,
    byYear: null,
    note: '',
    ...fields,
  }
}

const units = [unit('ban', 'Bần Yên Nhân'), unit('cam-xa', 'Cẩm Xá'), unit('di-su', 'Dị Sử')]
const products = [
  product('tuong', 'Tương Bần', 'ban'),
  product('ga', 'Gà lông màu', 'cam-xa'),
  product('dua', 'Dưa chuột', 'cam-xa'),
  product('dau', 'Đậu phụ', 'ban'),
  product('banh', 'Bánh cuốn', 'ban'),
]

export const progress: PlanProgress = {
  date: '2024-06-30',
  baselineDate: '2020-12-31',
  targets: [
    {
      target: target('t-3-sao', { kind: 'stars-exactly', stars: 3, value: 6, byYear: 2025 }),
      baselineComputed: 2,
      baselineOverride: null,
      baseline: 2,
      current: 3,
      goal: 6,
      gap: 3,
      status: 'cham',
      deadline: '2025-12-31',
      series: [
        { year: 2020, value: 2 },
        { year: 2021, value: 2 },
        { year: 2022, value: 3 },
        { year: 2023, value: 3 },
        { year: 2024, value: 3 },
      ],
    },
    {
      target: target('t-tuong', { kind: 'product-stars', stars: 4, productId: 'tuong' }),
      baselineComputed: 3,
      baselineOverride: null,
      baseline: 3,
      current: 4,
      goal: 4,
      gap: 0,
      status: 'dat',
      deadline: '2025-12-31',
      series: [
        { year: 2020, value: 3 },
        { year: 2021, value: 3 },
        { year: 2022, value: 4 },
        { year: 2023, value: 4 },
        { year: 2024, value: 4 },
      ],
    },
  ],
  starLevels: [
    { stars: 1, baseline: 0, current: 0, target: null },
    { stars: 2, baseline: 1, current: 0, target: null },
    { stars: 3, baseline: 2, current: 3, target: 6 },
    { stars: 4, baseline: 0, current: 1, target: null },
    { stars: 5, baseline: 0, current: 0, target: 1 },
  ],
  unitCoverage: [
    { unit: units[0]!, products: 2 },
    { unit: units[1]!, products: 2 },
    { unit: units[2]!, products: 0 },
  ],
  products: [
    {
      product: products[0]!,
      baselineStars: 3,
      currentStars: 4,
      targetStars: 4,
      change: 'nang-hang',
      status: 'dat',
    },
    {
      product: products[1]!,
      baselineStars: 3,
      currentStars: 3,
      targetStars: null,
      change: 'giu-nguyen',
      status: null,
    },
    {
      product: products[2]!,
      baselineStars: 0,
      currentStars: 3,
      targetStars: null,
      change: 'moi',
      status: null,
    },
    {
      product: products[3]!,
      baselineStars: 2,
      currentStars: 0,
      targetStars: null,
      change: 'mat-hang',
      status: null,
    },
    {
      product: products[4]!,
      baselineStars: 4,
      currentStars: 3,
      targetStars: null,
      change: 'ha-hang',
      status: null,
    },
  ],
}

/** vue-echarts cannot draw in happy-dom: this stands in for it, keeps its option, gives a PNG. */
export const ChartStub = defineComponent({
  name: 'VChartStub',
  props: {
    option: { type: Object, required: true },
    initOptions: { type: Object, default: undefined },
    autoresize: Boolean,
  },
  setup(_props, { expose }) {
    // "\x89PNG" in base64, enough to tell the bytes came from here.
    expose({ getDataURL: () => 'data:image/png;base64,iVBORw==' })
    return () => h('div', { class: 'chart-stub' })
  },
})

/** Mounts a plan component as the app would: Vietnamese, inside Naive's providers. */
export function mountPlanComponent(component: Component, props: Record<string, unknown>) {
  const app = () =>
    h(NNotificationProvider, null, () => h(NMessageProvider, null, () => h(component, props)))
  return mount(app, { global: { plugins: [createAppI18n('vi')] }, attachTo: document.body })
}
