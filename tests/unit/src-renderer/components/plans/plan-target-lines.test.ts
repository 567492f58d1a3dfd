// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import PlanTargetLines from '@/components/plans/PlanTargetLines.vue'
import type { PlanChartOption } from '@/components/plans/chart-options'
import { ChartStub, mountPlanComponent, progress } from './plan-fixture'

vi.mock('vue-echarts', async () => ({ default: (await import('./plan-fixture')).ChartStub }))

afterEach(() => {
  document.body.innerHTML = ''
})

const cards = () => [...document.querySelectorAll<HTMLElement>('[data-testid="target-line"]')]

describe('plan target lines', () => {
  it('names each target in Vietnamese with its goal, deadline and status', () => {
    const wrapper = mountPlanComponent(PlanTargetLines, { progress })
    const [stars, product] = cards()
    expect(stars!.textContent).toContain('Số sản phẩm đạt đúng 3 sao — mục tiêu 6 đến 31/12/2025')
    expect(stars!.textContent).toContain('Chậm')
    expect(stars!.dataset).toMatchObject({ baseline: '2', current: '3', goal: '6', status: 'cham' })
    expect(product!.textContent).toContain('Hạng sao của sản phẩm Tương Bần — mục tiêu 4')
    expect(product!.textContent).toContain('Đạt')
    const points = [...stars!.querySelectorAll<HTMLElement>('[data-testid="target-point"]')]
    expect(points.map((p) => [p.dataset.year, p.dataset.value])).toEqual([
      ['2020', '2'],
      ['2021', '2'],
      ['2022', '3'],
      ['2023', '3'],
      ['2024', '3'],
    ])
    wrapper.unmount()
  })

  it('draws the yearly values with the goal as a dashed reference line, without animation', () => {
    const wrapper = mountPlanComponent(PlanTargetLines, { progress })
    const option = wrapper.findAllComponents(ChartStub)[0]!.props('option') as PlanChartOption
    expect(option.animation).toBe(false)
    expect(option.aria).toMatchObject({ enabled: true })
    expect(option.xAxis).toMatchObject({ data: ['2020', '2021', '2022', '2023', '2024'] })
    // The goal (6) is above every value: the axis must still reach it.
    expect(option.yAxis).toMatchObject({ max: 6 })
    const [line] = option.series as {
      data: number[]
      label: { show: boolean }
      markLine: { data: { yAxis: number }[]; label: { formatter: string } }
    }[]
    expect(line!.data).toEqual([2, 2, 3, 3, 3])
    expect(line!.label.show).toBe(true)
    expect(line!.markLine.data).toEqual([{ yAxis: 6, name: 'Mục tiêu: 6' }])
    expect(line!.markLine.label.formatter).toBe('Mục tiêu: 6')
    wrapper.unmount()
  })

  it('uses the screen’s own names for targets when given', () => {
    const wrapper = mountPlanComponent(PlanTargetLines, {
      progress,
      labelOf: (target: { id: string }) => `Chỉ tiêu ${target.id}`,
    })
    expect(cards()[0]!.textContent).toContain('Chỉ tiêu t-3-sao — mục tiêu 6')
    wrapper.unmount()
  })

  it('says so when the plan has no target', () => {
    const wrapper = mountPlanComponent(PlanTargetLines, { progress: { ...progress, targets: [] } })
    expect(document.body.textContent).toContain('Kế hoạch chưa có chỉ tiêu nào.')
    expect(cards()).toHaveLength(0)
    wrapper.unmount()
  })
})
