// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { dataUrlToBytes, renderStarChartPng } from '@/components/plans/use-chart-image'
import type { PlanChartOption } from '@/components/plans/chart-options'
import { progress } from './plan-fixture'

// ECharts cannot draw in happy-dom: the off-screen chart is replaced, the rest of echarts kept.
const fake = vi.hoisted(() => ({
  setOption: vi.fn(),
  getDataURL: vi.fn(() => 'data:image/png;base64,iVBORw=='),
  dispose: vi.fn(),
}))
const init = vi.hoisted(() => vi.fn(() => fake))
vi.mock('echarts/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('echarts/core')>()),
  init,
}))

const labels = {
  baseline: 'Năm gốc',
  current: 'Hiện tại',
  target: 'Mục tiêu',
  level: (n: number) => `${n}★`,
  description: 'Biểu đồ',
}

describe('star chart image for the plan report', () => {
  it('draws the star chart off-screen at a fixed size and returns its PNG bytes', () => {
    const bytes = renderStarChartPng(progress, labels, { width: 640, height: 360 })
    expect([...bytes]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(init).toHaveBeenCalledWith(expect.any(HTMLDivElement), null, {
      renderer: 'canvas',
      width: 640,
      height: 360,
    })
    const option = fake.setOption.mock.calls[0]![0] as PlanChartOption
    expect(option.animation).toBe(false)
    // As the report's table: 5★ first, set in the document's Times New Roman.
    expect((option.series as { data: unknown[] }[])[2]!.data).toEqual([1, null, 6, null, null])
    expect((option.xAxis as { data: string[] }).data[0]).toBe('5★')
    expect(String((option.textStyle as { fontFamily: string }).fontFamily)).toMatch(
      /^"Times New Roman"/,
    )
    expect(fake.getDataURL).toHaveBeenCalledWith({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#fff',
    })
    expect(fake.dispose).toHaveBeenCalledTimes(1)
  })

  it('decodes a data URL to bytes', () => {
    expect([...dataUrlToBytes('data:image/png;base64,AAEC/w==')]).toEqual([0, 1, 2, 255])
  })
})
