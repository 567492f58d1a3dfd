import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { numberLine } from '@shared/documents/lines'
import { buildReport } from '@shared/reports/build'
import { PLAN, annexOf, myHaoData, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`

describe('Báo cáo kết quả thực hiện kế hoạch 2019-2020, Mỹ Hào demo on 31/12/2020', () => {
  const model = buildReport('plan', myHaoData(), {
    date: '2020-12-31',
    signedOn: '2021-01-05',
    docNumber: '12',
    planId: PLAN.id,
  })

  it('is a BÁO CÁO on the plan, naming its document', () => {
    expect(model.title.type).toBe('BÁO CÁO')
    expect(model.title.subject).toBe(
      'Kết quả thực hiện Kế hoạch Chương trình OCOP thị xã Mỹ Hào giai đoạn 2019-2020 (số 45/KH-UBND ngày 20/03/2019)',
    )
    expect(numberLine(model.number, model.type, model.issuer.abbreviation)).toBe('Số: 12/BC-UBND')
    expect(model.sections.map((s) => s.heading)).toEqual([
      'I. ĐÁNH GIÁ CHUNG',
      '1. Kết quả thực hiện các chỉ tiêu',
      '2. Sản phẩm theo hạng sao',
      '3. Xã, phường có sản phẩm OCOP',
      '4. Kết quả nâng hạng từng sản phẩm',
    ])
    expect(model.sections.slice(1).every((s) => s.level === 2)).toBe(true)
    expect(model.sections[2]?.image).toBe('plan-star-chart')
    // The per-product table is in the annex; the body says where.
    expect(model.sections[4]?.table).toBeUndefined()
    expect(annexOf(model).title).toBe('KẾT QUẢ NÂNG HẠNG TỪNG SẢN PHẨM')
  })

  it('reports each target: baseline 2018, end 2020, goal, gap and status', () => {
    const table = tableOf(model, 1)
    expect(table.columns.map((c) => c.key)).toEqual([
      'stt',
      'target',
      'baseline',
      'baselineRegister',
      'current',
      'goal',
      'gap',
      'deadline',
      'status',
    ])
    const rows = records(table).map((r) => [
      r.target,
      r.baseline,
      r.baselineRegister,
      r.current,
      r.goal,
      r.gap,
      r.status,
    ])
    // Baseline 2018: 4×3★, 1×4★ (and 4×2★): 5 OCOP products, in 5 of the 13 units (38.5%).
    // End 2020: 5×3★, 1×4★, 1×5★: 7 OCOP products in 7 of 13 units (53.8%); 4 upgraded.
    expect(rows).toEqual([
      ['Sản phẩm 3 sao', 4, null, 5, 6, 1, 'Chậm'],
      ['Sản phẩm 4 sao', 1, null, 1, 2, 1, 'Chậm'],
      ['Sản phẩm 5 sao', 0, null, 1, 1, 0, 'Đạt'],
      // The plan document says 6 OCOP products in 2018; the register has 5: both are shown.
      ['Sản phẩm từ 3 sao', 6, 5, 7, 9, 2, 'Chậm'],
      ['Tỷ lệ xã, phường có sản phẩm OCOP (%)', 38.5, null, 53.8, 100, 46.2, 'Chậm'],
      ['Sản phẩm được nâng hạng sao', 0, null, 4, 9, 5, 'Chậm'],
    ])
    expect(records(table).every((r) => r.deadline === '31/12/2020')).toBe(true)
    expect(table.columns.find((c) => c.key === 'baseline')?.group).toBe('Năm gốc (2018)')
    expect(model.sections[1]?.paragraphs).toEqual(['Đạt 1/6 chỉ tiêu tính đến ngày 31/12/2020.'])
  })

  it('lists the targets in the order the clerk gave them, whatever order they are stored in', () => {
    const data = myHaoData()
    const given = data.planTargets.filter((t) => t.planId === PLAN.id)
    const stored = {
      ...data,
      planTargets: given.map((target, position) => ({ ...target, position })).reverse(),
    }
    const report = buildReport('plan', stored, {
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '',
      planId: PLAN.id,
    })
    expect(records(tableOf(report, 1)).map((r) => r.target)).toEqual(
      records(tableOf(model, 1)).map((r) => r.target),
    )
    expect(records(tableOf(report, 1))[0]?.target).toBe('Sản phẩm 3 sao')
  })

  it('judges the missed targets Không đạt once the period is over', () => {
    const after = buildReport('plan', myHaoData(), {
      date: '2021-01-01',
      signedOn: '2021-01-05',
      docNumber: '',
      planId: PLAN.id,
    })
    expect(records(tableOf(after, 1)).map((r) => r.status)).toEqual([
      'Không đạt',
      'Không đạt',
      'Đạt',
      'Không đạt',
      'Không đạt',
      'Không đạt',
    ])
  })

  it('gives the star levels, 5★ first: baseline, current and target', () => {
    expect(records(tableOf(model, 2))).toEqual([
      { stars: '5 sao', baseline: 0, current: 1, target: 1 },
      { stars: '4 sao', baseline: 1, current: 1, target: 2 },
      { stars: '3 sao', baseline: 4, current: 5, target: 6 },
      { stars: '2 sao', baseline: 4, current: 2, target: null },
      { stars: '1 sao', baseline: 0, current: 0, target: null },
    ])
  })

  it('covers 7 of the 13 units; the 6 without a product are marked', () => {
    const table = tableOf(model, 3)
    const rows = records(table)
    expect(rows).toHaveLength(13)
    expect(
      rows
        .filter((r) => r.products === 0)
        .map((r) => r.unit)
        .sort(),
    ).toEqual(
      [
        'Phường Bạch Sam',
        'Phường Dị Sử',
        'Xã Hưng Long',
        'Phường Nhân Hòa',
        'Phường Phan Đình Phùng',
        'Phường Phùng Chí Kiên',
      ].sort(),
    )
    expect(records(table, ['total'])[0]).toMatchObject({
      unit: 'Tổng cộng: 7/13 xã, phường có sản phẩm',
      products: 7,
    })
  })

  it('lists the 9 products with their stars in 2018 and now, in the annex', () => {
    const rows = records(tableOf(annexOf(model)))
    const byProduct = Object.fromEntries(
      rows.map((r) => [r.product, [r.baselineStars, r.currentStars, r.change]]),
    )
    expect(byProduct).toEqual({
      [demo('Tương Bần')]: [4, 5, 'Nâng hạng'],
      [demo('Gà lông màu')]: [3, 4, 'Nâng hạng'],
      [demo('Gạo nếp Hưng Yên')]: [3, 3, 'Giữ nguyên'],
      [demo('Cá nước ngọt')]: [3, 3, 'Giữ nguyên'],
      [demo('Ba ba')]: [3, 3, 'Giữ nguyên'],
      [demo('Bò thịt')]: [2, 3, 'Nâng hạng'],
      [demo('Lợn thịt')]: [2, 2, 'Giữ nguyên'],
      [demo('Gạo Nhật')]: [2, 3, 'Nâng hạng'],
      [demo('Đồ gỗ mỹ nghệ')]: [2, 2, 'Giữ nguyên'],
    })
    expect(model.sections[4]?.paragraphs).toEqual([
      'Số sản phẩm được nâng hạng so với năm gốc: 4 (chi tiết tại Phụ lục kèm theo).',
    ])
  })

  it('leaves out "Mục tiêu" and "Đánh giá" when no target names a product, keeps them when one does', () => {
    const keys = (doc: typeof model) => tableOf(annexOf(doc)).columns.map((c) => c.key)
    expect(keys(model)).not.toContain('targetStars')
    expect(keys(model)).not.toContain('status')
    const data = myHaoData()
    const tuongBan = data.products.find((p) => p.name === demo('Tương Bần'))
    const named = {
      id: 'tb5',
      planId: PLAN.id,
      kind: 'product-stars',
      value: 5,
      stars: 5,
      unitId: null,
      productId: tuongBan?.id ?? null,
      byYear: null,
      note: '',
    }
    const withTarget = buildReport(
      'plan',
      { ...data, planTargets: [...data.planTargets, named] },
      { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '', planId: PLAN.id },
    )
    expect(keys(withTarget)).toEqual(expect.arrayContaining(['targetStars', 'status']))
    const row = records(tableOf(annexOf(withTarget))).find((r) => r.product === demo('Tương Bần'))
    expect([row?.targetStars, row?.status]).toEqual([5, 'Đạt'])
  })

  it('refuses without a plan, in Vietnamese, saying what to do', () => {
    const build = (planId?: string) => () =>
      buildReport('plan', myHaoData(), {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
        ...(planId === undefined ? {} : { planId }),
      })
    expect(build()).toThrow(AppError)
    expect(build()).toThrow(/Chưa chọn kế hoạch/)
    expect(build('gone')).toThrow(/Không tìm thấy kế hoạch/)
  })
})
