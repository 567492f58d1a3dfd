import { describe, expect, it } from 'vitest'
import type { BackupTables } from '@shared/db/backup-format'
import { findDanglingRecords, referencesOf, setDanglingAside } from '@shared/db/references'
import { TABLE_NAMES } from '@shared/db/schema'

function tablesWith(tables: Partial<Record<keyof BackupTables, object[]>>): BackupTables {
  const empty = Object.fromEntries(TABLE_NAMES.map((n) => [n, []])) as unknown as BackupTables
  return { ...empty, ...tables }
}

const unit = (id: string, successorId: string | null = null) => ({ id, name: id, successorId })
const producer = (id: string, unitId: string | null = null) => ({ id, name: id, unitId })
const product = (id: string, producerId: string | null, extra: object = {}) => ({
  id,
  name: id,
  producerId,
  unitId: null,
  criteriaSetId: 'qd148',
  ...extra,
})
const evaluation = (id: string, productId: string) => ({ id, productId, criteriaSetId: 'qd148' })
const criteriaSets = [{ id: 'qd148' }]
/** A revocation decision revoking the certificates of `lines`: [product, evaluation] each. */
const revocation = (id: string, lines: [string, string][]) => ({
  id,
  number: `${id}/QĐ-UBND`,
  lines: lines.map(([productId, evaluationId]) => ({
    productId,
    evaluationId,
    reason: 'het-han',
    reasonText: '',
  })),
})

describe('references of a record', () => {
  it('lists the non-null id fields with the table each names', () => {
    expect(referencesOf('products', product('sp1', 'p1'))).toEqual([
      { field: 'producerId', table: 'producers', id: 'p1' },
      { field: 'criteriaSetId', table: 'criteriaSets', id: 'qd148' },
    ])
    expect(referencesOf('settings', { id: 'office' })).toEqual([])
  })

  it('lists what each line of a revocation decision names, each id once', () => {
    const decision = revocation('12', [
      ['sp1', 'e1'],
      ['sp1', 'e2'],
    ])
    expect(referencesOf('revocations', decision)).toEqual([
      { field: 'lines.productId', table: 'products', id: 'sp1' },
      { field: 'lines.evaluationId', table: 'evaluations', id: 'e1' },
      { field: 'lines.evaluationId', table: 'evaluations', id: 'e2' },
    ])
  })
})

describe('dangling records in a backup', () => {
  it('finds none in a backup whose references all hold', () => {
    const tables = tablesWith({
      units: [unit('u1'), unit('u2', 'u1')],
      producers: [producer('p1', 'u1')],
      products: [product('sp1', 'p1', { unitId: 'u2' }), product('sp2', null)],
      evaluations: [evaluation('e1', 'sp1')],
      criteriaSets,
      plans: [{ id: 'kh1' }],
      planTargets: [{ id: 't1', planId: 'kh1', unitId: 'u1', productId: 'sp2' }],
    })
    expect(findDanglingRecords(tables)).toEqual([])
  })

  it('finds a product whose producer is missing, and the evaluations of that product', () => {
    const tables = tablesWith({
      producers: [producer('p1')],
      products: [product('sp1', 'p1'), product('sp2', 'p9')],
      evaluations: [evaluation('e1', 'sp1'), evaluation('e2', 'sp2'), evaluation('e3', 'sp7')],
      criteriaSets,
    })
    const found = findDanglingRecords(tables)
    expect(found.map((d) => [d.table, d.record.id, d.missing])).toEqual([
      ['products', 'sp2', [{ field: 'producerId', table: 'producers', id: 'p9' }]],
      ['evaluations', 'e2', [{ field: 'productId', table: 'products', id: 'sp2' }]],
      ['evaluations', 'e3', [{ field: 'productId', table: 'products', id: 'sp7' }]],
    ])
  })

  it('follows every foreign key: units, producers, criteria sets, plans and their targets', () => {
    const tables = tablesWith({
      units: [unit('u1', 'u-gone')],
      producers: [producer('p1', 'u-gone')],
      products: [product('sp1', null, { criteriaSetId: 'bo-cu' })],
      criteriaSets,
      planTargets: [
        { id: 't1', planId: 'kh-gone', unitId: null, productId: null },
        { id: 't2', planId: 'kh1', unitId: null, productId: 'sp-gone' },
      ],
      plans: [{ id: 'kh1' }],
    })
    expect(findDanglingRecords(tables).map((d) => `${d.table}.${d.missing[0]!.field}`)).toEqual([
      'units.successorId',
      'producers.unitId',
      'products.criteriaSetId',
      'planTargets.planId',
      'planTargets.productId',
    ])
  })

  it('follows a long chain of successor units in one pass', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => unit(`u${i}`, `u${i + 1}`))
    const started = performance.now()
    const found = findDanglingRecords(tablesWith({ units: chain }))
    expect(found).toHaveLength(5000)
    expect(found[0]!.missing).toEqual([{ field: 'successorId', table: 'units', id: 'u1' }])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('restoring with dangling records set aside', () => {
  it('sets aside a revocation decision one of whose products is missing, with its evaluation', () => {
    const tables = tablesWith({
      producers: [producer('p1')],
      products: [product('sp1', 'p1'), product('sp2', 'p9')],
      evaluations: [evaluation('e1', 'sp1'), evaluation('e2', 'sp2')],
      criteriaSets,
      revocations: [
        revocation('12', [['sp1', 'e1']]),
        revocation('13', [
          ['sp1', 'e1'],
          ['sp-gone', 'e2'],
        ]),
      ],
    })
    const found = findDanglingRecords(tables)
    expect(found.map((d) => [d.table, d.record.id, d.missing])).toEqual([
      ['products', 'sp2', [{ field: 'producerId', table: 'producers', id: 'p9' }]],
      ['evaluations', 'e2', [{ field: 'productId', table: 'products', id: 'sp2' }]],
      [
        'revocations',
        '13',
        [
          { field: 'lines.productId', table: 'products', id: 'sp-gone' },
          { field: 'lines.evaluationId', table: 'evaluations', id: 'e2' },
        ],
      ],
    ])
    const restored = setDanglingAside(tables, found, {
      backupName: 'b.json',
      at: '2026-01-06T01:00:00.000Z',
      newId: () => 'x',
    })
    expect(restored.revocations).toEqual([revocation('12', [['sp1', 'e1']])])
    expect(restored.setAside.map((entry) => (entry as { table: string }).table)).toContain(
      'revocations',
    )
  })

  it('takes them out of their tables into the set-aside list, with the reason and the backup', () => {
    const kept = product('sp1', 'p1')
    const tables = tablesWith({
      producers: [producer('p1')],
      products: [kept, product('sp2', 'p9')],
      evaluations: [evaluation('e2', 'sp2')],
      criteriaSets,
      setAside: [{ id: 'earlier' }],
    })
    let next = 0
    const restored = setDanglingAside(tables, findDanglingRecords(tables), {
      backupName: 'ocop-desk-manual-20260105-080000.json',
      at: '2026-01-06T01:00:00.000Z',
      newId: () => `x${++next}`,
    })
    expect(restored.products).toEqual([kept])
    expect(restored.evaluations).toEqual([])
    expect(restored.producers).toEqual(tables.producers)
    expect(restored.setAside).toEqual([
      { id: 'earlier' },
      {
        id: 'x1',
        table: 'products',
        record: product('sp2', 'p9'),
        missing: [{ field: 'producerId', table: 'producers', id: 'p9' }],
        backupName: 'ocop-desk-manual-20260105-080000.json',
        setAsideAt: '2026-01-06T01:00:00.000Z',
      },
      {
        id: 'x2',
        table: 'evaluations',
        record: evaluation('e2', 'sp2'),
        missing: [{ field: 'productId', table: 'products', id: 'sp2' }],
        backupName: 'ocop-desk-manual-20260105-080000.json',
        setAsideAt: '2026-01-06T01:00:00.000Z',
      },
    ])
    // The backup's own tables are left as they were (the clerk may still cancel).
    expect(tables.products).toHaveLength(2)
  })
})
