// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Evaluation, Producer, Product, Unit } from '@shared/db/records'
import { certificateExpiry } from '@shared/domain/certificates'
import { viCollator } from '@shared/text/vietnamese'
import StarsView from '@/views/StarsView.vue'
import UnitMatrixPanel from '@/components/stars/UnitMatrixPanel.vue'
import { createAppI18n } from '@/i18n'
import { createAppRouter } from '@/router'
import { openDatabase } from '@/db/open-database'
import { setDatabase } from '@/db/instance'
import type { OcopDatabase } from '@/db/database'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'

// A small Mỹ Hào: three old communes, two of them merged on 01/07/2025 into phường Mỹ Hào and
// one into phường Đường Hào. "Today" is 10/09/2025 throughout.
const at = '2025-01-01T00:00:00.000Z'
function unit(id: string, name: string, validTo: string | null, successorId: string | null): Unit {
  return {
    id,
    code: '',
    name,
    kind: 'phuong',
    parentName: 'Hưng Yên',
    validFrom: validTo ? null : '2025-07-01',
    validTo,
    successorId,
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}
const units: Unit[] = [
  unit('ban', 'Bần Yên Nhân', '2025-06-30', 'my-hao'),
  unit('cam-xa', 'Cẩm Xá', '2025-06-30', 'my-hao'),
  unit('di-su', 'Dị Sử', '2025-06-30', 'duong-hao'),
  unit('my-hao', 'Mỹ Hào', null, null),
  unit('duong-hao', 'Đường Hào', null, null),
]
const producers: Producer[] = [
  {
    id: 'htx-tuong',
    name: 'HTX Tương Bần',
    type: 'htx',
    taxCode: '',
    address: '',
    unitId: 'ban',
    representative: '',
    phone: '0221 3943 123',
    note: '',
    createdAt: at,
    updatedAt: at,
  },
  {
    id: 'ho-ga',
    name: 'Hộ ông Nguyễn Văn Gà',
    type: 'ho-kinh-doanh',
    taxCode: '',
    address: '',
    unitId: 'cam-xa',
    representative: '',
    phone: '0912 345 678',
    note: '',
    createdAt: at,
    updatedAt: at,
  },
]
function product(
  id: string,
  name: string,
  unitId: string | null,
  producerId: string | null = null,
) {
  const record: Product = {
    id,
    name,
    producerId,
    unitId,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
    createdAt: at,
    updatedAt: at,
  }
  return record
}
const products: Product[] = [
  product('tuong', 'Tương Bần', 'ban', 'htx-tuong'),
  product('ga', 'Gà lông màu', 'cam-xa', 'ho-ga'),
  product('nep', 'Gạo nếp cái hoa vàng', 'di-su'),
  product('dua', 'Dưa chuột', 'cam-xa'),
  product('dau', 'Đậu phụ', 'ban'),
  product('banh', 'Bánh cuốn', null),
  product('trung', 'Trứng vịt', 'my-hao'),
]
function decided(
  productId: string,
  stars: number,
  decisionDate: string,
  decisionNo = '',
): Evaluation {
  return {
    id: `${productId}@${decisionDate}`,
    productId,
    year: Number(decisionDate.slice(0, 4)),
    round: 1,
    evaluatedOn: decisionDate,
    criteriaSetId: 'qd-148',
    partScores: {},
    itemScores: null,
    total: stars === 4 ? 72.5 : 55,
    computedStars: stars,
    recognisedStars: stars,
    councilLevel: 'tinh',
    kind: 'lan-dau',
    decisionNo,
    decisionDate,
    certificateNo: '',
    expiryDate: stars >= 3 ? certificateExpiry(decisionDate) : null,
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}
const evaluations: Evaluation[] = [
  decided('tuong', 3, '2023-03-10'),
  decided('tuong', 4, '2025-05-20', '1358/QĐ-UBND'), // nâng hạng (upgrade) before the merger
  decided('ga', 3, '2022-10-01'), // valid through 30/09/2025: 20 days left
  decided('nep', 2, '2019-11-05'), // 2★: never an OCOP product; lapsed after 04/11/2022 (36 months)
  decided('dua', 3, '2021-05-10'), // lapsed after 09/05/2024
  decided('dau', 3, '2022-11-20'), // valid through 19/11/2025: 70 days left
  decided('banh', 3, '2024-08-01'),
  decided('trung', 3, '2025-08-15'), // new this year, in the merged ward
]

let pinia: Pinia
let db: OcopDatabase
let dbCounter = 0
const mounted: VueWrapper[] = []

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2025, 8, 10, 9, 0))
  db = await openDatabase({
    name: `stars-view-${++dbCounter}`,
    appVersion: 'test',
    writeBackup: async () => undefined,
  })
  setDatabase(db)
  pinia = createPinia()
  setActivePinia(pinia)
  const register = useRegisterStore()
  register.products = products
  register.producers = producers
  register.evaluations = evaluations
  useUnitsStore().units = units
})
afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  db.close()
  await Dexie.delete(db.name)
  vi.useRealTimers()
})

function plugins() {
  return [pinia, createAppI18n('vi'), createAppRouter()]
}
async function mountView() {
  const wrapper = mount(StarsView, { global: { plugins: plugins() }, attachTo: document.body })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}
async function mountMatrix(date: string) {
  const wrapper = mount(UnitMatrixPanel, {
    // As the view passes them: sorted by name once, so every list comes out in name order.
    props: { date, products: [...products].sort((a, b) => viCollator.compare(a.name, b.name)) },
    global: { plugins: plugins() },
  })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}
const text = (wrapper: VueWrapper, testid: string) =>
  wrapper.get(`[data-testid="${testid}"]`).text()
async function openTab(wrapper: VueWrapper, name: string) {
  await wrapper.get(`.n-tabs-tab[data-name="${name}"]`).trigger('click')
  await flushPromises()
}
function tableRows(wrapper: VueWrapper, testid: string): string[][] {
  return wrapper
    .get(`[data-testid="${testid}"]`)
    .findAll('tbody tr')
    .map((row) => row.findAll('td').map((cell) => cell.text()))
    .filter((cells) => cells.length > 1)
}
function matrixRow(wrapper: VueWrapper, testid: string) {
  const row = wrapper.get(`[data-testid="${testid}"]`)
  return ['3', '4', '5', 'total'].map((column) => row.get(`[data-testid="cell-${column}"]`).text())
}

describe('Xếp hạng sao: by star', () => {
  it('counts products per star as of today, with the OCOP total', async () => {
    const wrapper = await mountView()
    expect(text(wrapper, 'count-star-5')).toBe('0')
    expect(text(wrapper, 'count-star-4')).toBe('1')
    expect(text(wrapper, 'count-star-3')).toBe('4')
    // The 2★ of Gạo nếp (2019) stood 36 months: it no longer counts in 2025.
    expect(text(wrapper, 'count-star-2')).toBe('0')
    expect(text(wrapper, 'count-star-1')).toBe('0')
    // The lapsed certificate of Dưa chuột no longer counts as a star either.
    expect(text(wrapper, 'count-star-none')).toBe('2')
    expect(text(wrapper, 'count-ocop')).toBe('5')
  })

  it('lists the OCOP products, then the products at the star the clerk clicks', async () => {
    const wrapper = await mountView()
    expect(text(wrapper, 'stars-list-title')).toBe('Sản phẩm OCOP (3 sao trở lên): 5 sản phẩm')
    // 4★ first, then 3★ by name the Vietnamese way (Đ after D, before G).
    expect(tableRows(wrapper, 'stars-list').map((cells) => cells[0])).toEqual([
      'Tương Bần',
      'Bánh cuốn',
      'Đậu phụ',
      'Gà lông màu',
      'Trứng vịt',
    ])
    // A certificate with 90 days or less left says so where its star would be.
    expect(tableRows(wrapper, 'stars-list').map((cells) => cells[3])).toEqual([
      'Đạt OCOP 4 sao',
      'Đạt OCOP 3 sao',
      'Sắp hết hạn (3 sao)',
      'Sắp hết hạn (3 sao)',
      'Đạt OCOP 3 sao',
    ])
    const tuong = tableRows(wrapper, 'stars-list')[0]!
    // The unit is the one valid on the date: Bần Yên Nhân merged into Mỹ Hào. The score shows
    // in a wide window only.
    expect(tuong).toEqual([
      'Tương Bần',
      'HTX Tương Bần',
      'Mỹ Hào',
      'Đạt OCOP 4 sao',
      '19/05/2028',
      '1358/QĐ-UBND ngày 20/05/2025',
    ])
    // The product's page opens on the view's date.
    expect(wrapper.get('[data-testid="stars-list"] a').attributes('href')).toBe(
      '#/san-pham/tuong?ngay=2025-09-10',
    )

    await wrapper.get('[data-testid="count-star-none"]').trigger('click')
    expect(text(wrapper, 'stars-list-title')).toBe('Chưa xếp hạng / hết hiệu lực: 2 sản phẩm')
    const statuses = tableRows(wrapper, 'stars-list').map((cells) => [cells[0], cells[3]])
    expect(statuses).toEqual([
      ['Dưa chuột', 'Hết hạn (3 sao)'],
      ['Gạo nếp cái hoa vàng', 'Hết hạn (2 sao)'],
    ])
  })

  it('says what to do when nothing has a recognised star yet', async () => {
    useRegisterStore().evaluations = []
    const wrapper = await mountView()
    expect(wrapper.text()).toContain(
      'Chưa có sản phẩm nào được công nhận hạng sao tính đến ngày 10/09/2025.',
    )
    expect(wrapper.text()).toContain('Hãy thêm kết quả đánh giá ở mục Sản phẩm.')
    expect(wrapper.find('[data-testid="count-star-3"]').exists()).toBe(false)
  })
})

describe('Xếp hạng sao: unit × star matrix across the 01/07/2025 merger', () => {
  it('before the merger has the old communes as rows', async () => {
    const wrapper = await mountMatrix('2025-06-30')
    const names = wrapper.findAll('tbody tr').map((row) => row.attributes('data-testid'))
    expect(names).toEqual([
      'matrix-row-Bần Yên Nhân',
      'matrix-row-Cẩm Xá',
      'matrix-row-Dị Sử',
      'matrix-row-no-unit',
    ])
    expect(matrixRow(wrapper, 'matrix-row-Bần Yên Nhân')).toEqual(['1', '1', '0', '2'])
    expect(matrixRow(wrapper, 'matrix-row-Cẩm Xá')).toEqual(['1', '0', '0', '1'])
    expect(matrixRow(wrapper, 'matrix-row-no-unit')).toEqual(['1', '0', '0', '1'])
    expect(matrixRow(wrapper, 'matrix-total')).toEqual(['3', '1', '0', '4'])
    expect(text(wrapper, 'matrix-note')).toContain('có hiệu lực vào ngày 30/06/2025')
  })

  it('from the merger counts the old communes under the new wards', async () => {
    const wrapper = await mountView()
    await openTab(wrapper, 'by-unit')
    const names = wrapper
      .findAll('[data-testid="matrix"] tbody tr')
      .map((r) => r.attributes('data-testid'))
    expect(names).toEqual(['matrix-row-Đường Hào', 'matrix-row-Mỹ Hào', 'matrix-row-no-unit'])
    expect(matrixRow(wrapper, 'matrix-row-Mỹ Hào')).toEqual(['3', '1', '0', '4'])
    expect(matrixRow(wrapper, 'matrix-row-no-unit')).toEqual(['1', '0', '0', '1'])
    expect(matrixRow(wrapper, 'matrix-total')).toEqual(['4', '1', '0', '5'])
    expect(text(wrapper, 'matrix-note')).toContain(
      'sản phẩm của đơn vị đã sáp nhập được tính cho đơn vị kế thừa',
    )
  })

  it('highlights a unit with no OCOP product (a 2★ product does not count)', async () => {
    const before = await mountMatrix('2025-06-30')
    const diSu = before.get('[data-testid="matrix-row-Dị Sử"]')
    expect(diSu.classes()).toContain('matrix-row--empty')
    expect(diSu.text()).toContain('Chưa có sản phẩm OCOP')
    expect(before.get('[data-testid="matrix-row-Cẩm Xá"]').classes()).not.toContain(
      'matrix-row--empty',
    )
    expect(text(before, 'matrix-empty-units')).toBe('1 / 3 xã, phường chưa có sản phẩm OCOP.')

    const after = await mountMatrix('2025-09-10')
    expect(after.get('[data-testid="matrix-row-Đường Hào"]').text()).toContain(
      'Chưa có sản phẩm OCOP',
    )
    expect(after.get('[data-testid="matrix-row-Mỹ Hào"]').text()).not.toContain(
      'Chưa có sản phẩm OCOP',
    )
  })

  it('lists the products behind a count the clerk clicks', async () => {
    const wrapper = await mountMatrix('2025-09-10')
    await wrapper
      .get('[data-testid="matrix-row-Mỹ Hào"] [data-testid="cell-3"] button')
      .trigger('click')
    expect(text(wrapper, 'matrix-list-title')).toBe('Mỹ Hào, 3 sao: 3 sản phẩm')
    expect(tableRows(wrapper, 'matrix-list').map((cells) => cells[0])).toEqual([
      'Đậu phụ',
      'Gà lông màu',
      'Trứng vịt',
    ])
    await wrapper.get('[data-testid="matrix-total"] [data-testid="cell-4"] button').trigger('click')
    expect(text(wrapper, 'matrix-list-title')).toBe('Tất cả xã, phường, 4 sao: 1 sản phẩm')
  })
})

describe('Xếp hạng sao: year against year', () => {
  it('compares last year with this year by default', async () => {
    const wrapper = await mountView()
    await openTab(wrapper, 'years')
    expect(wrapper.text()).toContain('vào ngày 31/12/2024 và 31/12/2025')
    expect(text(wrapper, 'change-new')).toBe('1')
    expect(text(wrapper, 'change-upgraded')).toBe('1')
    expect(text(wrapper, 'change-downgraded')).toBe('0')
    // Gà lông màu and Đậu phụ lapse in 2025 unless re-evaluated.
    expect(text(wrapper, 'change-expired')).toBe('2')
    // Bánh cuốn; the 2★ of Gạo nếp had lapsed before either date.
    expect(text(wrapper, 'change-unchanged')).toBe('1')

    await wrapper.get('[data-testid="change-upgraded"]').trigger('click')
    const rows = tableRows(wrapper, 'years-list')
    expect(rows).toEqual([['Tương Bần', 'HTX Tương Bần', 'Mỹ Hào', '3 sao', '4 sao', 'Nâng hạng']])
    await wrapper.get('[data-testid="change-new"]').trigger('click')
    expect(tableRows(wrapper, 'years-list')[0]?.slice(3)).toEqual(['Không có', '3 sao', 'Mới'])
  })
})

describe('Xếp hạng sao: certificates expiring', () => {
  it('lists certificates within 30 days, 31-90 days and expired, with their owners', async () => {
    const wrapper = await mountView()
    await openTab(wrapper, 'expiring')
    expect(text(wrapper, 'notice-rule')).toContain(
      'ít nhất 30 ngày trước khi giấy chứng nhận hết hạn',
    )
    expect(text(wrapper, 'expiring-30-count')).toBe('1')
    expect(text(wrapper, 'expiring-90-count')).toBe('1')
    expect(text(wrapper, 'expired-count')).toBe('1')
    expect(tableRows(wrapper, 'expiring-30-table')).toEqual([
      [
        'Gà lông màu',
        '3 sao',
        '30/09/2025',
        'Còn 20 ngày',
        '31/08/2025',
        // The owner: name, with the producer type under it.
        expect.stringMatching(/^Hộ ông Nguyễn Văn Gà\s*Hộ sản xuất kinh doanh$/),
        '0912 345 678',
        // The decision shows in a wide window only.
      ],
    ])
    const [dau] = tableRows(wrapper, 'expiring-90-table')
    expect([dau?.[0], dau?.[2], dau?.[3]]).toEqual(['Đậu phụ', '19/11/2025', 'Còn 70 ngày'])
    const [dua] = tableRows(wrapper, 'expired-table')
    expect([dua?.[0], dua?.[2], dua?.[3]]).toEqual([
      'Dưa chuột',
      '09/05/2024',
      'Đã hết hạn 489 ngày',
    ])
  })
})

describe('Xếp hạng sao: the screen', () => {
  it('opens on the tab the clerk used last time', async () => {
    const first = await mountView()
    expect(first.get('.n-tabs-tab--active').attributes('data-name')).toBe('by-star')
    await openTab(first, 'expiring')
    await flushPromises()
    first.unmount()
    mounted.splice(mounted.indexOf(first), 1)

    const again = await mountView()
    expect(again.get('.n-tabs-tab--active').attributes('data-name')).toBe('expiring')
    expect(again.find('[data-testid="expiring-30-count"]').exists()).toBe(true)
  })

  it('recomputes every view for the date the clerk types', async () => {
    const wrapper = await mountView()
    await openTab(wrapper, 'by-unit')
    const input = wrapper.get<HTMLInputElement>('[data-testid="stars-date"] input')
    expect(input.element.value).toBe('10/09/2025')
    await input.setValue('30/06/2025')
    await input.trigger('blur')
    await flushPromises()
    expect(text(wrapper, 'matrix-note')).toContain('có hiệu lực vào ngày 30/06/2025')
    expect(wrapper.find('[data-testid="matrix-row-Bần Yên Nhân"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="matrix-row-Mỹ Hào"]').exists()).toBe(false)
  })

  it('says what to do when the register is empty', async () => {
    useRegisterStore().products = []
    const wrapper = await mountView()
    expect(wrapper.text()).toContain('Chưa có sản phẩm nào trong sổ.')
    expect(wrapper.find('.n-tabs').exists()).toBe(false)
  })
})
