// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import PlanProducts from '@/components/plans/PlanProducts.vue'
import { mountPlanComponent, progress } from './plan-fixture'

afterEach(() => {
  document.body.innerHTML = ''
})

const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())

describe('plan products', () => {
  it('shows each product’s stars at the baseline, now and as targeted, and how it changed', () => {
    const wrapper = mountPlanComponent(PlanProducts, { progress })
    const headers = [...document.querySelectorAll('th')].map((th) => th.textContent?.trim())
    expect(headers).toEqual([
      'Sản phẩm',
      'Năm gốc ★',
      'Hiện tại ★',
      'Mục tiêu ★',
      'Thay đổi',
      'Tình trạng',
    ])
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="plan-product"]')]
    expect(rows.map(cells)).toEqual([
      ['Tương Bần', '3★', '4★', '4★', 'Nâng hạng', 'Đạt'],
      ['Gà lông màu', '3★', '3★', '—', 'Giữ nguyên', '—'],
      ['Dưa chuột', '—', '3★', '—', 'Mới', '—'],
      ['Đậu phụ', '2★', '—', '—', 'Mất hạng', '—'],
      ['Bánh cuốn', '4★', '3★', '—', 'Hạ hạng', '—'],
    ])
    expect(rows[0]!.dataset).toMatchObject({
      productId: 'tuong',
      baseline: '3',
      current: '4',
      target: '4',
      change: 'nang-hang',
      status: 'dat',
    })
    wrapper.unmount()
  })

  it('says so when no product was ranked', () => {
    const wrapper = mountPlanComponent(PlanProducts, { progress: { ...progress, products: [] } })
    expect(document.body.textContent).toContain('Chưa có sản phẩm nào được xếp hạng trong kỳ.')
    wrapper.unmount()
  })
})
