import { init } from 'echarts/core'
import { useI18n } from 'vue-i18n'
import { useMessage } from 'naive-ui'
import { formatViDate } from '@shared/dates'
import type { PlanProgress } from '@shared/domain/plans'
import { useApi } from '@/platform/api'
import { useErrorReporter } from '@/composables/use-error-reporter'
import { DOCUMENT_FONT, starChartOption, type StarChartLabels } from './chart-options'

/** What a chart must offer to be saved: an ECharts instance or the vue-echarts component. */
export interface ChartImageSource {
  getDataURL(options: { type: 'png'; pixelRatio: number; backgroundColor: string }): string
}

/** Twice the screen's pixels on white: sharp when printed, no transparent background in Word. */
export const PNG_EXPORT = { type: 'png', pixelRatio: 2, backgroundColor: '#fff' } as const

export interface ChartImageSize {
  width: number
  height: number
}
/** The star chart's size in the plan report (CSS pixels; the PNG has twice as many). */
export const STAR_CHART_IMAGE_SIZE: ChartImageSize = { width: 800, height: 420 }

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The star chart of a plan as PNG bytes for its report, drawn off-screen on a detached element of
 * a fixed size (no layout needed): the chart on screen, with the levels in the report table's
 * order and the report's type.
 */
export function renderStarChartPng(
  progress: Pick<PlanProgress, 'starLevels'>,
  labels: StarChartLabels,
  size: ChartImageSize = STAR_CHART_IMAGE_SIZE,
): Uint8Array {
  const host = document.createElement('div')
  const chart = init(host, null, { renderer: 'canvas', width: size.width, height: size.height })
  try {
    // As the report's table has them: 5★ first, in the document's type.
    chart.setOption(starChartOption([...progress.starLevels].reverse(), labels, DOCUMENT_FONT))
    return dataUrlToBytes(chart.getDataURL(PNG_EXPORT))
  } finally {
    chart.dispose()
  }
}

/**
 * Chart images of a plan: the star chart's labels in the UI language, its off-screen PNG (for the
 * plan report), and "Lưu ảnh PNG" for any chart on screen. Call it in a component's setup.
 */
export function useChartImage() {
  const { t } = useI18n()
  const message = useMessage()
  const report = useErrorReporter()

  function starChartLabels(
    progress: Pick<PlanProgress, 'starLevels' | 'date' | 'baselineDate'>,
  ): StarChartLabels {
    const levels = progress.starLevels
      .map((level) =>
        t('planChart.star.levelSummary', {
          n: level.stars,
          baseline: level.baseline,
          current: level.current,
          target: level.target ?? t('planChart.star.noTarget'),
        }),
      )
      .join(' ')
    return {
      baseline: t('planChart.series.baseline'),
      current: t('planChart.series.current'),
      target: t('planChart.series.target'),
      level: (stars) => t('planChart.star.level', { n: stars }),
      description: t('planChart.star.description', {
        baselineDate: formatViDate(progress.baselineDate),
        date: formatViDate(progress.date),
        levels,
      }),
    }
  }

  /** Asks where to save the chart's PNG and writes it; false when the clerk cancels. */
  async function savePng(
    chart: ChartImageSource | null | undefined,
    title: string,
    baseName: string,
  ): Promise<boolean> {
    if (!chart) return false
    const suggestedName = `${baseName}.png`
    try {
      // The API is reached only on a click: charts also render where there is none (tests, report).
      const saved = await useApi().saveFile({
        title,
        suggestedName,
        filters: [{ name: 'PNG', extensions: ['png'] }],
        bytes: dataUrlToBytes(chart.getDataURL(PNG_EXPORT)),
      })
      if (saved.saved) message.success(t('planChart.saved', { name: saved.name ?? suggestedName }))
      return saved.saved
    } catch (error) {
      report(error)
      return false
    }
  }

  return {
    starChartLabels,
    /** The plan's star chart as PNG bytes (see renderStarChartPng). */
    starChartPng: (
      progress: Pick<PlanProgress, 'starLevels' | 'date' | 'baselineDate'>,
      size: ChartImageSize = STAR_CHART_IMAGE_SIZE,
    ) => renderStarChartPng(progress, starChartLabels(progress), size),
    savePng,
  }
}
