import { describe, expect, it } from 'vitest'
import {
  deletedBy,
  judgeRevert,
  planRevert,
  recordKey,
  referencedBy,
  sameImage,
  type RecordRef,
  type RegisterNow,
  type RevertLine,
  type RevertWrite,
} from '@shared/db/revert'

const producer = { id: 'cs-1', name: 'HTX Tương Bần', unitId: null }
const product = { id: 'sp-1', name: 'Tương Bần', producerId: 'cs-1', unitId: null }
const edited = { ...product, name: 'Tương Bần Mỹ Hào' }
const evaluation = { id: 'dg-1', productId: 'sp-1', criteriaSetId: 'qd-1048', year: 2020 }

let nextId = 1
function line(
  action: RevertLine['action'],
  table: string,
  before: unknown,
  after: unknown,
  batchId: string | null = null,
): RevertLine {
  const image = (after ?? before) as { id: string }
  return { id: nextId++, action, table, recordId: image.id, before, after, batchId }
}

/** The register as `records` (table, record), with every reference rule applied to them. */
function registerWith(...records: [string, { id: string } & Record<string, unknown>][]) {
  const key = (table: string, id: string) => recordKey(table, id)
  return (writes: readonly RevertWrite[]): RegisterNow => {
    const byKey = new Map(records.map(([table, record]) => [key(table, record.id), record]))
    const referrers = new Map<string, RecordRef[]>()
    for (const deleted of deletedBy(writes)) {
      const field = deleted.table === 'products' ? 'productId' : 'producerId'
      referrers.set(
        key(deleted.table, deleted.id),
        records
          .filter(([, record]) => record[field] === deleted.id)
          .map(([table, record]) => ({ table, id: record.id })),
      )
    }
    return {
      current: new Map(
        writes.map((w) => [key(w.table, w.recordId), byKey.get(key(w.table, w.recordId))]),
      ),
      referrers,
      present: new Set(
        referencedBy(writes)
          .map((ref) => key(ref.table, ref.id))
          .filter((k) => byKey.has(k) || k === key('criteriaSets', 'qd-1048')),
      ),
    }
  }
}

/** Reverts `lines` against the register `now`: the writes, or why not. */
function revert(lines: RevertLine[], now: ReturnType<typeof registerWith>) {
  const plan = planRevert(lines)
  if ('refusal' in plan) return plan
  const refusal = judgeRevert(plan.writes, now(plan.writes))
  return refusal === null ? plan : { refusal }
}

describe('reverting a change of the history', () => {
  it('puts an edited record back exactly as it was', () => {
    const edit = line('update', 'products', product, edited)
    expect(revert([edit], registerWith(['producers', producer], ['products', edited]))).toEqual({
      writes: [{ table: 'products', recordId: 'sp-1', left: edited, restore: product }],
    })
  })

  it('refuses when the record was changed after the change', () => {
    const edit = line('update', 'products', product, edited)
    const later = { ...edited, name: 'Tương Bần loại 1' }
    expect(revert([edit], registerWith(['products', later]))).toEqual({
      refusal: { reason: 'changed-later', record: { table: 'products', id: 'sp-1' } },
    })
  })

  it('refuses a line of an import batch: the batch is undone as a whole', () => {
    const imported = line('import', 'importBatches', null, { counts: {} }, 'batch-7')
    expect(planRevert([imported])).toEqual({
      refusal: { reason: 'in-batch', batchId: 'batch-7' },
    })
  })

  it('refuses a line that does not keep the images a revert needs', () => {
    const old = { ...line('update', 'products', product, edited), before: undefined }
    expect(planRevert([old])).toEqual({ refusal: { reason: 'no-images', lineId: old.id } })
  })

  it('reverts a delete to a re-add, with what was deleted in the same change', () => {
    const deleteEvaluation = line('delete', 'evaluations', evaluation, null)
    const deleteProduct = line('delete', 'products', product, null)
    expect(
      revert([deleteEvaluation, deleteProduct], registerWith(['producers', producer])),
    ).toEqual({
      writes: [
        { table: 'evaluations', recordId: 'dg-1', left: null, restore: evaluation },
        { table: 'products', recordId: 'sp-1', left: null, restore: product },
      ],
    })
  })

  it('refuses a re-add of a record whose producer is gone since', () => {
    const deleteProduct = line('delete', 'products', product, null)
    expect(revert([deleteProduct], registerWith())).toEqual({
      refusal: {
        reason: 'missing-reference',
        record: { table: 'products', id: 'sp-1' },
        missing: { table: 'producers', id: 'cs-1' },
      },
    })
  })

  it('reverts an add to a delete, refused while another record refers to it', () => {
    const add = line('create', 'products', null, product)
    expect(revert([add], registerWith(['producers', producer], ['products', product]))).toEqual({
      writes: [{ table: 'products', recordId: 'sp-1', left: product, restore: null }],
    })
    expect(
      revert(
        [add],
        registerWith(['producers', producer], ['products', product], ['evaluations', evaluation]),
      ),
    ).toEqual({
      refusal: {
        reason: 'referred',
        record: { table: 'products', id: 'sp-1' },
        by: { table: 'evaluations', id: 'dg-1' },
      },
    })
  })

  it('deletes records added together, whatever refers to what among them', () => {
    const addProducer = line('create', 'producers', null, producer)
    const addProduct = line('create', 'products', null, product)
    const plan = revert(
      [addProducer, addProduct],
      registerWith(['producers', producer], ['products', product]),
    )
    expect('writes' in plan && plan.writes.map((w) => w.restore)).toEqual([null, null])
  })

  it('reverts a revert: the record comes back as the first change left it', () => {
    const edit = line('update', 'products', product, edited)
    const reverted = line('update', 'products', edited, product)
    expect(
      revert([reverted], registerWith(['producers', producer], ['products', product])),
    ).toEqual({ writes: [{ table: 'products', recordId: 'sp-1', left: product, restore: edited }] })
    // And the first change, reverted already, is now "changed later" by the revert.
    expect(revert([edit], registerWith(['products', product]))).toMatchObject({
      refusal: { reason: 'changed-later' },
    })
  })

  it('takes a record changed twice in one change back to before the first', () => {
    const step = { ...edited, name: 'Bước 1' }
    const plan = planRevert([
      line('update', 'products', product, step),
      line('update', 'products', step, edited),
    ])
    expect(plan).toEqual({
      writes: [{ table: 'products', recordId: 'sp-1', left: edited, restore: product }],
    })
  })
})

describe('record images', () => {
  it('are the same whatever the order of their keys, and differ by any nested value', () => {
    expect(sameImage({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true)
    expect(sameImage({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [2, 1] } })).toBe(false)
    expect(sameImage({ a: null }, { a: undefined })).toBe(false)
    expect(sameImage({ a: 1 }, { a: 1, b: 2 })).toBe(false)
  })
})
