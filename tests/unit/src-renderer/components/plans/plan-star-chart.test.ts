// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { RawApi } from '@shared/ipc/contract'
import { setRawApiForTests } from '@/platform/api'
import PlanStarChart from '@/components/plans/PlanStarChart.vue'
import type { PlanChartOption } from '@/components/plans/chart-options'
import { ChartStub, mountPlanComponent, progress } from './plan-fixture'

vi.mock('vue-echarts', async () => ({ default: (await import('./plan-fixture')).ChartStub }))

afterEach(() => {
  document.body.innerHTML = ''
})

const level = (stars: number) =>
  document.querySelector<HTMLElement>(`[data-testid="star-level-${stars}"]`)!

describe('plan star chart', () => {
  it('shows every star level with its baseline, current and target figures as text', () => {
    const wrapper = mountPlanComponent(PlanStarChart, { progress })
    expect(level(3).dataset).toMatchObject({ baseline: '2', current: '3', target: '6' })
    expect(level(2).dataset).toMatchObject({ baseline: '1', current: '0' })
    // No target for 2★: the attribute is there, empty.
    expect(level(2).getAttribute('data-target')).toBe('')
    expect(level(5).dataset).toMatchObject({ baseline: '0', current: '0', target: '1' })
    expect(level(3).textContent).toBe('3★236')
    expect(level(4).textContent).toContain('không đặt')
    expect(document.body.textContent).toContain('Sản phẩm theo hạng sao')
    expect(document.body.textContent).toContain('Lưu ảnh PNG')
    wrapper.unmount()
  })

  it('draws three bars per level, without animation, with patterns and a Vietnamese description', () => {
    const wrapper = mountPlanComponent(PlanStarChart, { progress })
    const option = wrapper.findComponent(ChartStub).props('option') as PlanChartOption
    expect(option.animation).toBe(false)
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } })
    expect(JSON.stringify(option.aria)).toContain('3 sao: năm gốc 2, hiện tại 3, mục tiêu 6.')
    expect(option.xAxis).toMatchObject({ data: ['1★', '2★', '3★', '4★', '5★'] })
    const series = option.series as { name: string; data: unknown[]; label: { show: boolean } }[]
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Năm gốc', [0, 1, 2, 0, 0]],
      ['Hiện tại', [0, 0, 3, 1, 0]],
      // No target, no bar: null rather than a bar of 0.
      ['Mục tiêu', [null, null, 6, null, 1]],
    ])
    expect(series.every((s) => s.label.show)).toBe(true)
    wrapper.unmount()
  })

  it('saves the chart as a PNG where the clerk chooses', async () => {
    const saveFile = vi.fn().mockResolvedValue({ ok: true, value: { saved: true, name: 'a.png' } })
    setRawApiForTests({ on: () => () => {}, saveFile } as unknown as RawApi)
    const wrapper = mountPlanComponent(PlanStarChart, { progress, imageName: 'ke-hoach-2025' })
    document.querySelector<HTMLButtonElement>('[data-testid="plan-star-chart-png"]')!.click()
    await flushPromises()
    expect(saveFile).toHaveBeenCalledTimes(1)
    const request = saveFile.mock.calls[0]![0]
    expect(request).toMatchObject({
      title: 'Sản phẩm theo hạng sao',
      suggestedName: 'ke-hoach-2025.png',
      filters: [{ name: 'PNG', extensions: ['png'] }],
    })
    expect([...request.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(document.body.textContent).toContain('Đã lưu ảnh a.png.')
    wrapper.unmount()
  })
})
