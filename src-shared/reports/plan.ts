/**
 * Báo cáo kết quả thực hiện kế hoạch: each target of one plan against its baseline, the stars
 * chart, unit coverage and the per-product upgrades, all from planProgress on the date.
 */
import { formatViDate } from '../dates'
import type { Plan, PlanTarget } from '../db/records'
import {
  planProgress,
  type ProductChange,
  type TargetKind,
  type TargetStatus,
} from '../domain/plans'
import { targetsInPlanOrder } from '../domain/plan-input'
import { AppError } from '../errors'
import { viCollator } from '../text/vietnamese'
import type { ReportContext } from './context'
import { roundFigure, unitTitle } from './header'
import type { DocCell, DocColumn, DocRow, DocSection } from '../documents/model'
import type { ReportOptions } from './model'

const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  dat: 'Đạt',
  'dang-thuc-hien': 'Đang thực hiện',
  cham: 'Chậm',
  'khong-dat': 'Không đạt',
}

const CHANGE_LABELS: Record<ProductChange, string> = {
  'nang-hang': 'Nâng hạng',
  'giu-nguyen': 'Giữ nguyên',
  'ha-hang': 'Hạ hạng',
  moi: 'Mới',
  'mat-hang': 'Mất hạng',
}

/** Columns of the targets table, in order. */
export function targetColumns(plan: Plan): DocColumn[] {
  const baseline = `Năm gốc (${plan.baselineYear})`
  return [
    { key: 'stt', title: 'STT', width: 5, align: 'center' },
    { key: 'target', title: 'Chỉ tiêu', width: 36, align: 'left' },
    { key: 'baseline', title: 'Theo kế hoạch', group: baseline, width: 10, align: 'right' },
    { key: 'baselineRegister', title: 'Theo sổ', group: baseline, width: 10, align: 'right' },
    { key: 'current', title: 'Hiện tại', width: 10, align: 'right' },
    { key: 'goal', title: 'Mục tiêu', width: 10, align: 'right' },
    { key: 'gap', title: 'Còn thiếu', width: 10, align: 'right' },
    { key: 'deadline', title: 'Thời hạn', width: 11, align: 'center' },
    { key: 'status', title: 'Đánh giá', width: 15, align: 'left' },
  ]
}

/** Columns of the stars table (năm gốc / hiện tại / mục tiêu per star). */
export const STAR_LEVEL_COLUMNS: DocColumn[] = [
  { key: 'stars', title: 'Hạng sao', width: 14, align: 'left' },
  { key: 'baseline', title: 'Năm gốc', width: 10, align: 'right' },
  { key: 'current', title: 'Hiện tại', width: 10, align: 'right' },
  { key: 'target', title: 'Mục tiêu', width: 10, align: 'right' },
]

/** Columns of the unit coverage table. */
export const COVERAGE_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'unit', title: 'Xã, phường', width: 30, align: 'left' },
  { key: 'products', title: 'Số sản phẩm OCOP', width: 12, align: 'right' },
  { key: 'note', title: 'Ghi chú', width: 22, align: 'left' },
]

/** Columns of the per-product upgrades table. */
export const UPGRADE_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'product', title: 'Tên sản phẩm', width: 28, align: 'left' },
  { key: 'producer', title: 'Chủ thể', width: 28, align: 'left' },
  { key: 'unit', title: 'Xã, phường', width: 15, align: 'left' },
  { key: 'baselineStars', title: 'Năm gốc', group: 'Hạng sao', width: 8, align: 'center' },
  { key: 'currentStars', title: 'Hiện tại', group: 'Hạng sao', width: 8, align: 'center' },
  { key: 'targetStars', title: 'Mục tiêu', group: 'Hạng sao', width: 8, align: 'center' },
  { key: 'change', title: 'Thay đổi', width: 12, align: 'left' },
  { key: 'status', title: 'Đánh giá', width: 14, align: 'left' },
]

/** The plan reported on; a missing or unknown plan is the clerk's choice to fix, said so. */
export function reportedPlan(context: ReportContext, options: ReportOptions): Plan {
  const plan = context.data.plans.find((p) => p.id === options.planId)
  if (!plan) {
    throw new AppError({
      code: 'report.plan-missing',
      params: { chosen: options.planId !== undefined && options.planId !== '' },
      cause: `plan id ${String(options.planId)} not in ${context.data.plans.length} plans`,
    })
  }
  return plan
}

/** "Sản phẩm 3 sao", "Sản phẩm từ 3 sao", "Xã, phường có sản phẩm OCOP" … */
export function targetLabel(target: PlanTarget, context: ReportContext): string {
  const stars = target.stars ?? 3
  switch (target.kind as TargetKind) {
    case 'stars-exactly':
      return `Sản phẩm ${stars} sao`
    case 'stars-at-least':
      return `Sản phẩm từ ${stars} sao`
    case 'new-products':
      return 'Sản phẩm OCOP mới được công nhận trong kỳ'
    case 'upgraded-products':
      return 'Sản phẩm được nâng hạng sao'
    case 'units-covered':
      return 'Xã, phường có sản phẩm OCOP'
    case 'units-covered-share':
      return 'Tỷ lệ xã, phường có sản phẩm OCOP (%)'
    case 'unit-products': {
      const unit = target.unitId === null ? undefined : context.unitsById.get(target.unitId)
      return `${unit ? unitTitle(unit) : 'Xã, phường'}: sản phẩm từ ${stars} sao`
    }
    case 'product-stars': {
      const product = context.data.products.find((p) => p.id === target.productId)
      return `${product?.name ?? 'Sản phẩm'}: đạt ${stars} sao`
    }
    default:
      return target.note.trim() || 'Chỉ tiêu khác'
  }
}

const starsCell = (stars: number | null): DocCell => (stars === null || stars === 0 ? null : stars)

/**
 * The plan's subject line: "Kết quả thực hiện Kế hoạch … (số …, ngày …)"; a plan named "Kế hoạch
 * thực hiện …" gives "Kết quả thực hiện Kế hoạch …", not "thực hiện" twice.
 */
export function planSubject(plan: Plan): string {
  const named = plan.name.replace(/^(kế hoạch)\s+thực hiện\s+/iu, '$1 ')
  const name = /^kế hoạch/iu.test(named) ? named : `kế hoạch ${named}`
  const doc = [
    plan.docNo.trim() === '' ? '' : `số ${plan.docNo.trim()}`,
    plan.docDate ? `ngày ${formatViDate(plan.docDate)}` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return `Kết quả thực hiện ${name}${doc ? ` (${doc})` : ''}`
}

function planProgressOn(context: ReportContext, plan: Plan) {
  const targets = targetsInPlanOrder(context.data.planTargets.filter((t) => t.planId === plan.id))
  return planProgress(
    plan,
    targets,
    { products: context.data.products, index: context.index, units: context.data.units },
    context.date,
  )
}

/** Four parts: targets, stars (with the chart), unit coverage, and the upgrades in the annex. */
export function planSections(context: ReportContext, plan: Plan): DocSection[] {
  const progress = planProgressOn(context, plan)
  const targets = progress.targets

  const targetRows: DocRow[] = progress.targets.map((t, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      targetLabel(t.target, context),
      roundFigure(t.baseline),
      // The register's own figure, shown only where the plan document says otherwise.
      t.baselineOverride !== null && t.baselineOverride !== t.baselineComputed
        ? roundFigure(t.baselineComputed)
        : null,
      roundFigure(t.current),
      roundFigure(t.goal),
      roundFigure(t.gap),
      formatViDate(t.deadline),
      TARGET_STATUS_LABELS[t.status],
    ],
  }))
  const reached = progress.targets.filter((t) => t.status === 'dat').length

  const starRows: DocRow[] = [...progress.starLevels].reverse().map((level) => ({
    kind: 'data',
    cells: [`${level.stars} sao`, level.baseline, level.current, level.target],
  }))

  const coverage = progress.unitCoverage
  const coverageRows: DocRow[] = coverage.map((c, i) => ({
    kind: 'data',
    cells: [i + 1, unitTitle(c.unit), c.products, c.products === 0 ? 'Chưa có sản phẩm OCOP' : ''],
  }))
  const covered = coverage.filter((c) => c.products > 0).length
  coverageRows.push({
    kind: 'total',
    cells: [
      null,
      `Tổng cộng: ${covered}/${coverage.length} xã, phường có sản phẩm`,
      coverage.reduce((sum, c) => sum + c.products, 0),
      null,
    ],
  })

  return [
    {
      heading: '1. Kết quả thực hiện các chỉ tiêu',
      level: 2,
      paragraphs: [
        targets.length === 0
          ? 'Kế hoạch chưa có chỉ tiêu nào.'
          : `Đạt ${reached}/${targets.length} chỉ tiêu tính đến ngày ${formatViDate(context.date)}.`,
      ],
      table: { columns: targetColumns(plan), rows: targetRows },
    },
    {
      heading: '2. Sản phẩm theo hạng sao',
      level: 2,
      table: { columns: STAR_LEVEL_COLUMNS, rows: starRows },
      image: 'plan-star-chart',
    },
    {
      heading: '3. Xã, phường có sản phẩm OCOP',
      level: 2,
      table: { columns: COVERAGE_COLUMNS, rows: coverageRows },
    },
    {
      heading: '4. Kết quả nâng hạng từng sản phẩm',
      level: 2,
      paragraphs: [
        `Số sản phẩm được nâng hạng so với năm gốc: ${progress.products.filter((row) => row.change === 'nang-hang').length} (chi tiết tại Phụ lục kèm theo).`,
      ],
    },
  ]
}

/** The annex: every product of the plan with its stars at the baseline, now and as targeted. */
export function upgradeSection(context: ReportContext, plan: Plan): DocSection {
  const progress = planProgressOn(context, plan)
  const upgrades = [...progress.products].sort((a, b) =>
    viCollator.compare(a.product.name, b.product.name),
  )
  const upgradeRows: DocRow[] = upgrades.map((row, i) => {
    const producer = context.producerOf(row.product)
    return {
      kind: 'data',
      cells: [
        i + 1,
        row.product.name,
        producer?.name ?? '',
        context.unitOf(row.product)?.name ?? '',
        starsCell(row.baselineStars),
        starsCell(row.currentStars),
        starsCell(row.targetStars),
        CHANGE_LABELS[row.change],
        row.status === null ? '' : TARGET_STATUS_LABELS[row.status],
      ],
    }
  })
  // "Mục tiêu" and "Đánh giá" belong to products a target names; without any, the columns go.
  if (upgrades.some((row) => row.targetStars !== null || row.status !== null)) {
    return { table: { columns: UPGRADE_COLUMNS, rows: upgradeRows } }
  }
  const kept = UPGRADE_COLUMNS.map((column) => !TARGETED.has(column.key))
  return {
    table: {
      columns: UPGRADE_COLUMNS.filter((_, c) => kept[c]),
      rows: upgradeRows.map((row) =>
        row.kind === 'group' ? row : { ...row, cells: row.cells.filter((_, c) => kept[c]) },
      ),
    },
  }
}

/** The upgrades table's columns that only products named by a target fill. */
const TARGETED = new Set(['targetStars', 'status'])
