/**
 * ECharts set-up for the plan-progress charts, and the options they draw. Only the pieces used
 * are registered (tree-shaken from echarts/core). The builders are pure functions of the figures
 * and already-translated labels, so the on-screen chart and the off-screen image of the plan
 * report (use-chart-image.ts) draw the same picture.
 */
import { use, type ComposeOption } from 'echarts/core'
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
// Canvas rather than SVG: getDataURL({ type: 'png' }) needs it.
import { CanvasRenderer } from 'echarts/renderers'
import type { StarLevel, TargetProgress, UnitCoverage } from '@shared/domain/plans'

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])

export type PlanChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>

/**
 * Okabe-Ito colours: told apart by colour-blind readers and still distinct in greyscale print;
 * the decal patterns (aria.decal) separate the bars even without colour.
 */
export const PLAN_COLORS = {
  baseline: '#999999',
  current: '#0072B2',
  target: '#E69F00',
  line: '#0072B2',
  goal: '#D55E00',
  empty: '#D55E00',
  text: '#1f2a24',
} as const

const FONT = '"Be Vietnam Pro", "Segoe UI", Arial, sans-serif'
/** A chart printed in a document is set in the document's type (Nghị định 30: Times New Roman). */
export const DOCUMENT_FONT = '"Times New Roman", "Liberation Serif", serif'

/** Settings every plan chart shares: no animation (print and screenshots catch bars mid-way). */
function common(description: string, font = FONT): PlanChartOption {
  return {
    animation: false,
    aria: { enabled: true, label: { description }, decal: { show: true } },
    textStyle: { fontFamily: font, color: PLAN_COLORS.text },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  }
}

export interface StarChartLabels {
  baseline: string
  current: string
  target: string
  /** The axis label of a star level, e.g. "3★". */
  level: (stars: number) => string
  /** The whole chart in words (aria-label of the chart). */
  description: string
}

function starBar(name: string, data: (number | null)[], color: string): BarSeriesOption {
  return {
    type: 'bar',
    name,
    data,
    itemStyle: { color },
    label: { show: true, position: 'top', fontSize: 12, color: PLAN_COLORS.text },
    barGap: '10%',
  }
}

/** Three bars per star level: năm gốc (baseline), hiện tại (current), mục tiêu (target). */
export function starChartOption(
  levels: readonly StarLevel[],
  labels: StarChartLabels,
  font = FONT,
): PlanChartOption {
  return {
    ...common(labels.description, font),
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: levels.map((level) => labels.level(level.stars)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      starBar(
        labels.baseline,
        levels.map((level) => level.baseline),
        PLAN_COLORS.baseline,
      ),
      starBar(
        labels.current,
        levels.map((level) => level.current),
        PLAN_COLORS.current,
      ),
      // A level without a target gets no bar (null), not a bar of 0.
      starBar(
        labels.target,
        levels.map((level) => level.target),
        PLAN_COLORS.target,
      ),
    ],
  }
}

export interface TargetLineLabels {
  /** The series name, e.g. "Hiện tại". */
  value: string
  /** The goal line's label, e.g. "Mục tiêu: 12". */
  goal: string
  description: string
}

/** A target's value at the end of each year, with its goal as a reference line. */
export function targetLineOption(
  progress: Pick<TargetProgress, 'series' | 'goal'>,
  labels: TargetLineLabels,
): PlanChartOption {
  const values = progress.series.map((point) => point.value)
  return {
    ...common(labels.description),
    grid: { left: 40, right: 24, top: 24, bottom: 28 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: progress.series.map((point) => String(point.year)),
    },
    // A mark line does not stretch the axis: make room for the goal.
    yAxis: { type: 'value', minInterval: 1, max: Math.max(progress.goal, ...values, 1) },
    series: [
      {
        type: 'line',
        name: labels.value,
        data: values,
        itemStyle: { color: PLAN_COLORS.line },
        lineStyle: { width: 2 },
        symbolSize: 7,
        label: { show: true, position: 'top', color: PLAN_COLORS.text },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: PLAN_COLORS.goal, type: 'dashed', width: 2 },
          label: { formatter: labels.goal, position: 'insideStartTop', color: PLAN_COLORS.goal },
          data: [{ yAxis: progress.goal, name: labels.goal }],
        },
      },
    ],
  }
}

export interface UnitCoverageLabels {
  /** The series and axis name, e.g. "Số sản phẩm OCOP". */
  products: string
  /** Written on the bar of a unit with no OCOP product, e.g. "chưa có". */
  none: string
  description: string
}

/** One horizontal bar per unit (names are long); a unit with none is labelled in vermillion. */
export function unitCoverageOption(
  coverage: readonly UnitCoverage[],
  labels: UnitCoverageLabels,
): PlanChartOption {
  // Top to bottom in the given order: a category y axis draws its first item at the bottom.
  const rows = [...coverage].reverse()
  return {
    ...common(labels.description),
    grid: { left: 8, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, name: labels.products, nameLocation: 'middle' },
    yAxis: {
      type: 'category',
      data: rows.map((row) => ({
        value: row.unit.name,
        textStyle: row.products === 0 ? { color: PLAN_COLORS.empty, fontWeight: 'bold' } : {},
      })),
    },
    series: [
      {
        type: 'bar',
        name: labels.products,
        data: rows.map((row) => ({
          value: row.products,
          label:
            row.products === 0
              ? {
                  show: true,
                  position: 'right',
                  formatter: `0 (${labels.none})`,
                  color: PLAN_COLORS.empty,
                  fontWeight: 'bold',
                }
              : { show: true, position: 'right' },
        })),
        itemStyle: { color: PLAN_COLORS.current },
        barMaxWidth: 22,
      },
    ],
  }
}
