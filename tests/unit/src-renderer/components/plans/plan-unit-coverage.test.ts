// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import PlanUnitCoverage from '@/components/plans/PlanUnitCoverage.vue'
import type { PlanChartOption } from '@/components/plans/chart-options'
import { ChartStub, mountPlanComponent, progress } from './plan-fixture'

vi.mock('vue-echarts', async () => ({ default: (await import('./plan-fixture')).ChartStub }))

afterEach(() => {
  document.body.innerHTML = ''
})

describe('plan unit coverage', () => {
  it('lists every unit with its OCOP products and marks the units with none', () => {
    const wrapper = mountPlanComponent(PlanUnitCoverage, { progress })
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="unit-coverage"]')]
    expect(rows.map((row) => [row.textContent, row.dataset.products, row.dataset.empty])).toEqual([
      ['Bần Yên Nhân2', '2', 'false'],
      ['Cẩm Xá2', '2', 'false'],
      ['Dị Sử0 (chưa có)', '0', 'true'],
    ])
    expect(document.querySelector('[data-testid="units-without-ocop"]')!.textContent).toContain(
      'Chưa có sản phẩm OCOP: Dị Sử.',
    )
    wrapper.unmount()
  })

  it('draws one bar per unit, first unit on top, the empty one labelled, without animation', () => {
    const wrapper = mountPlanComponent(PlanUnitCoverage, { progress })
    const option = wrapper.findComponent(ChartStub).props('option') as PlanChartOption
    expect(option.animation).toBe(false)
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } })
    const axis = option.yAxis as { data: { value: string }[] }
    expect(axis.data.map((d) => d.value)).toEqual(['Dị Sử', 'Cẩm Xá', 'Bần Yên Nhân'])
    const [bars] = option.series as {
      data: { value: number; label: { show: boolean; formatter?: string } }[]
    }[]
    expect(bars!.data.map((d) => d.value)).toEqual([0, 2, 2])
    expect(bars!.data[0]!.label).toMatchObject({ show: true, formatter: '0 (chưa có)' })
    expect(bars!.data.every((d) => d.label.show)).toBe(true)
    wrapper.unmount()
  })

  it('says every unit is covered when none is empty', () => {
    const covered = { ...progress, unitCoverage: progress.unitCoverage.slice(0, 2) }
    const wrapper = mountPlanComponent(PlanUnitCoverage, { progress: covered })
    expect(document.body.textContent).toContain('Xã, phường nào cũng có sản phẩm OCOP.')
    expect(document.querySelector('[data-empty="true"]')).toBeNull()
    wrapper.unmount()
  })
})
