import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import type { Evaluation, Producer, Product } from '@shared/db/records'
import {
  heldOutByDefault,
  matchImport,
  producerTypeFromName,
  withUnitChoices,
  type ImportMatch,
  type RegisterSnapshot,
} from '@shared/import/match'
import type { ImportRow, ImportRowFields } from '@shared/import/rows'

const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z')
const NOW = '2026-11-29T08:00:00.000Z'

function fields(overrides: Partial<ImportRowFields>): ImportRowFields {
  return {
    product: 'Tương Bần',
    producer: 'HTX Tương Bần',
    producerType: 'htx',
    taxCode: '',
    unit: 'u-ban-yen-nhan',
    unitName: 'Phường Bần Yên Nhân',
    address: '',
    group: 'Thực phẩm',
    score: 72.5,
    partScores: {},
    stars: 4,
    year: 2023,
    decisionNo: '1234/QĐ-UBND',
    decisionDate: '2023-05-03',
    certificateNo: '',
    note: '',
    ...overrides,
  }
}
function row(
  n: number,
  overrides: Partial<ImportRowFields> = {},
  status: ImportRow['status'] = 'ok',
): ImportRow {
  return { row: n, status, fields: fields(overrides), messages: [] }
}

let ids = 0
const options = (excluded: number[] = []) => ({
  excluded: new Set(excluded),
  now: NOW,
  newId: () => `id-${++ids}`,
})
const empty: RegisterSnapshot = { producers: [], products: [], evaluations: [], criteriaSets }

/** The register after writing `match` into `register`, as the repository does. */
function apply(register: RegisterSnapshot, match: ImportMatch): RegisterSnapshot {
  const put = <T extends { id: string }>(
    list: readonly T[],
    created: T[],
    updated: { after: T }[],
  ) => {
    const byId = new Map(list.map((r) => [r.id, r]))
    for (const r of [...created, ...updated.map((u) => u.after)]) byId.set(r.id, r)
    return [...byId.values()]
  }
  return {
    criteriaSets,
    producers: put<Producer>(register.producers, match.create.producers, match.update.producers),
    products: put<Product>(register.products, match.create.products, match.update.products),
    evaluations: put<Evaluation>(
      register.evaluations,
      match.create.evaluations,
      match.update.evaluations,
    ),
  }
}

describe('matchImport', () => {
  it('adds a producer once for its two products, each product with its evaluation under the set in force', () => {
    const match = matchImport(
      [row(2), row(3, { product: 'Tương Bần đặc biệt', stars: 3, score: 60 })],
      empty,
      options(),
    )
    expect(match.rows.map((r) => r.action)).toEqual(['new', 'new'])
    expect(match.create.producers).toHaveLength(1)
    expect(match.create.products.map((p) => p.producerId)).toEqual([
      match.create.producers[0]?.id,
      match.create.producers[0]?.id,
    ])
    const [first] = match.create.evaluations
    expect(first).toMatchObject({
      year: 2023,
      round: 1,
      criteriaSetId: 'qd-148',
      total: 72.5,
      computedStars: 4,
      recognisedStars: 4,
      decisionDate: '2023-05-03',
      expiryDate: '2026-05-02',
      kind: 'lan-dau',
    })
    expect(match.create.products[0]).toMatchObject({
      groupCode: 'I',
      criteriaSetId: 'qd-148',
    })
    expect(match.create.products[0]).not.toHaveProperty('status')
    expect(match.counts).toMatchObject({ new: 2, update: 0, unchanged: 0 })
  })

  it('finds everything the second time: re-importing the same rows changes nothing', () => {
    const rows = [
      row(2),
      row(3, { product: 'Giò chả', producer: 'Hộ Nguyễn Văn A', producerType: null }),
    ]
    const after = apply(empty, matchImport(rows, empty, options()))
    const again = matchImport(rows, after, options())
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged'])
    expect(again.create).toEqual({ producers: [], products: [], evaluations: [] })
    expect(again.update).toEqual({ producers: [], products: [], evaluations: [] })
  })

  it('matches names across case, NFD and tone placement, and producers by tax number before name', () => {
    const after = apply(empty, matchImport([row(2, { taxCode: '0900123456' })], empty, options()))
    const renamed = row(2, {
      product: 'TƯƠNG BẦN'.normalize('NFD'),
      producer: 'Hợp tác xã Tương Bần Mỹ Hào',
      taxCode: '0900 123 456',
    })
    expect(matchImport([renamed], after, options()).rows[0]?.action).toBe('unchanged')
  })

  it('shows an update with the changed fields and keeps the before-image; empty cells erase nothing', () => {
    const after = apply(empty, matchImport([row(2)], empty, options()))
    const match = matchImport(
      [row(2, { stars: 5, score: 91, decisionNo: '', decisionDate: null })],
      after,
      options(),
    )
    expect(match.rows[0]).toMatchObject({ action: 'update', changes: ['score', 'stars'] })
    const [change] = match.update.evaluations
    expect(change?.before).toEqual(after.evaluations[0])
    expect(change?.after).toMatchObject({
      total: 91,
      recognisedStars: 5,
      computedStars: 5,
      decisionNo: '1234/QĐ-UBND',
      updatedAt: NOW,
    })
  })

  it('never changes a record another office owns: its owner sends it again', () => {
    const after = apply(empty, matchImport([row(2)], empty, options()))
    const origin = { office: 'cam-xa', id: 'x', rev: '2026-01-01T00:00:00.000Z' }
    const owned: RegisterSnapshot = {
      ...after,
      producers: after.producers.map((p) => ({ ...p, origin })),
      products: after.products.map((p) => ({ ...p, origin })),
      evaluations: after.evaluations.map((e) => ({ ...e, origin })),
    }
    const match = matchImport(
      [row(2, { stars: 5, score: 91, producerType: 'doanh-nghiep' })],
      owned,
      options(),
    )
    expect(match.rows[0]).toMatchObject({ action: 'unchanged', changes: [] })
    expect(match.update).toEqual({ producers: [], products: [], evaluations: [] })
  })

  it('writes nothing for error rows and rows the clerk left out', () => {
    const match = matchImport([row(2, {}, 'error'), row(3)], empty, options([3]))
    expect(match.rows.map((r) => r.action)).toEqual(['error', 'excluded'])
    expect(match.create).toEqual({ producers: [], products: [], evaluations: [] })
  })

  it('reads the group as the template writes it: by code, or by name with its legal basis', () => {
    const match = matchImport(
      [
        row(2, { group: 'IV.2 - Vải và may mặc' }),
        row(3, {
          product: 'Trà',
          group: 'Thảo dược (QĐ 1048)',
          year: 2020,
          decisionDate: '2020-06-01',
        }),
      ],
      empty,
      options(),
    )
    expect(match.create.products.map((p) => [p.criteriaSetId, p.groupCode])).toEqual([
      ['qd-148', 'IV'],
      ['qd-1048', '1048-3'],
    ])
  })

  it('calls a later, higher recognition an upgrade', () => {
    const after = apply(empty, matchImport([row(2, { stars: 3, score: 60 })], empty, options()))
    const match = matchImport(
      [row(2, { year: 2026, stars: 4, score: 75, decisionDate: '2026-03-01' })],
      after,
      options(),
    )
    expect(match.create.evaluations[0]).toMatchObject({
      kind: 'nang-hang',
      criteriaSetId: 'qd-148-sd-1489',
    })
  })

  it('infers a missing producer type from the name, and holds unknown units and duplicates out by default', () => {
    expect(producerTypeFromName('HTX Dịch vụ Nông nghiệp')).toBe('htx')
    expect(producerTypeFromName('Công ty TNHH An Phát')).toBe('doanh-nghiep')
    expect(producerTypeFromName('Nguyễn Văn A')).toBe('ho-kinh-doanh')
    const unknown = { ...row(2), status: 'warning' as const }
    unknown.messages = [
      {
        level: 'warning',
        code: 'UNKNOWN_COMMUNE',
        params: { reason: 'not-found', value: 'x', suggestions: [] },
        where: { row: 2, column: 'E' },
      },
    ]
    expect(heldOutByDefault(unknown)).toBe(true)
    expect(heldOutByDefault(row(3))).toBe(false)
  })

  it('takes the unit the clerk chose for a row whose unit was not found, and settles its warning', () => {
    const unknown: ImportRow = {
      ...row(15, { unit: null, unitName: 'Phường Hà Nội' }),
      status: 'warning',
      messages: [
        {
          level: 'warning',
          code: 'UNKNOWN_COMMUNE',
          params: { reason: 'not-found', value: 'Phường Hà Nội', suggestions: [] },
          where: { row: 15, column: 'E' },
        },
        {
          level: 'warning',
          code: 'STARS_SCORE_MISMATCH',
          params: { score: 72.5, computed: 4, stars: 3 },
          where: { row: 15, column: 'H' },
        },
      ],
    }
    const [chosen] = withUnitChoices([unknown], new Map([[15, { id: 'u-di-su', name: 'Dị Sử' }]]))
    expect(chosen?.fields).toMatchObject({ unit: 'u-di-su', unitName: 'Dị Sử' })
    expect(chosen?.messages.map((m) => m.code)).toEqual(['STARS_SCORE_MISMATCH'])
    expect(heldOutByDefault(chosen!)).toBe(false)
    expect(matchImport([chosen!], empty, options()).create.products[0]?.unitId).toBe('u-di-su')
  })
})
