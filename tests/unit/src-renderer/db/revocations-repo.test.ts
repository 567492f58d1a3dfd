// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { RevocationLine } from '@shared/db/records'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import type { OcopDatabase } from '@/db/database'
import { snapshotTables } from '@/db/backup-tables'
import { undoChangeBatch } from '@/db/change-batches'
import { deleteEvaluation, deleteProduct } from '@/db/products-repo'
import {
  getRevocationDraftDays,
  listRevocationBatches,
  recordRevocation,
  saveRevocationDraftDays,
  type RevocationInput,
} from '@/db/revocations-repo'
import { decided, product } from '../../src-shared/domain/ranking-fixtures'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('revocations-repo')

// Two products with certificates of 2018 (expired 2021), one whose re-evaluation gave 2★.
const trà = decided('tra', 3, '2018-06-15')
const mắm = decided('mam', 4, '2018-09-01')
const mắmFailed = decided('mam', 2, '2021-10-01', { id: 'mam-2021' })
const gạo = decided('gao', 2, '2019-03-01')

async function register(): Promise<OcopDatabase> {
  const db = await freshDb()
  await db.products.bulkAdd([
    { ...product('tra'), name: 'Trà hoa vàng' },
    { ...product('mam'), name: 'Mắm tôm Hạ Long' },
    { ...product('gao'), name: 'Gạo nếp cái hoa vàng' },
  ])
  await db.evaluations.bulkAdd([trà, mắm, mắmFailed, gạo])
  return db
}

const line = (
  productId: string,
  evaluationId: string,
  reason: RevocationLine['reason'] = 'het-han',
): RevocationLine => ({ productId, evaluationId, reason, reasonText: '' })

function decision(overrides: Partial<RevocationInput> = {}): RevocationInput {
  return {
    number: ' 12/QĐ-UBND ',
    date: '2022-03-01',
    signer: 'Ủy ban nhân dân thị xã Mỹ Hào',
    issuer: 'self',
    level: 'huyen',
    lines: [line('tra', trà.id), line('mam', mắm.id, 'khong-dat')],
    note: '',
    ...overrides,
  }
}

const refusal = (action: Promise<unknown>) =>
  action.then(
    () => '',
    (error: Error) => error.message,
  )

async function statusesOn(db: OcopDatabase, date: string) {
  const index = new EvaluationIndex(
    await db.evaluations.toArray(),
    undefined,
    await db.revocations.toArray(),
  )
  return { tra: index.statusOn('tra', date).kind, mam: index.statusOn('mam', date).kind }
}

describe('recordRevocation', () => {
  it('writes the decision, its batch and one audit line naming it', async () => {
    const db = await register()
    const { revocation, batch } = await recordRevocation(db, decision(), 'van.thu')

    expect(await db.revocations.toArray()).toEqual([revocation])
    expect(revocation.number).toBe('12/QĐ-UBND')
    expect(revocation.lines.map((l) => l.evaluationId)).toEqual([trà.id, mắm.id])
    expect(batch).toMatchObject({
      kind: 'revocation',
      label: 'Quyết định thu hồi số 12/QĐ-UBND (2 giấy chứng nhận)',
      who: 'van.thu',
      createdIds: { revocations: [revocation.id] },
      detail: { revocationId: revocation.id, number: '12/QĐ-UBND', date: '2022-03-01', count: 2 },
    })
    expect(await listRevocationBatches(db)).toEqual([batch])
    const audit = await db.auditLog.toArray()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ batchId: batch.id, table: 'changeBatches' })
    expect(audit[0]!.summary).toContain('Trà hoa vàng, Mắm tôm Hạ Long')
  })

  it('makes the products "Bị thu hồi" from the decision date, not the day before', async () => {
    const db = await register()
    await recordRevocation(db, decision(), 'van.thu')

    // The 2★ re-evaluation is the newer result: it, not the revoked certificate, gives the status.
    expect(await statusesOn(db, '2022-02-28')).toEqual({ tra: 'het-han', mam: 'da-danh-gia' })
    expect(await statusesOn(db, '2022-03-01')).toEqual({ tra: 'bi-thu-hoi', mam: 'da-danh-gia' })
  })

  it('is undone as a whole, giving the register back exactly', async () => {
    const db = await register()
    const before = await snapshotTables(db)
    const { batch } = await recordRevocation(db, decision(), 'van.thu')

    const undone = await undoChangeBatch(db, batch.id, '2022-03-02T00:00:00.000Z')

    expect(undone.undoneAt).toBe('2022-03-02T00:00:00.000Z')
    const after = await snapshotTables(db)
    const { auditLog: _a, changeBatches: _b, ...tablesAfter } = after
    const { auditLog: _c, changeBatches: _d, ...tablesBefore } = before
    expect(tablesAfter).toEqual(tablesBefore)
    expect(await statusesOn(db, '2022-03-01')).toEqual({ tra: 'het-han', mam: 'da-danh-gia' })
    expect((await listRevocationBatches(db))[0]!.undoneAt).toBe('2022-03-02T00:00:00.000Z')
    expect(await refusal(undoChangeBatch(db, batch.id, '2022-03-03T00:00:00.000Z'))).toContain(
      'đã được hoàn tác',
    )
  })

  it('refuses, changing nothing, a decision it cannot record', async () => {
    const db = await register()
    await recordRevocation(db, decision({ number: '5/QĐ-UBND', lines: [line('tra', trà.id)] }), 'a')
    const before = await snapshotTables(db)
    const cases: [Partial<RevocationInput>, string][] = [
      [{ number: '  ' }, 'Chưa ghi số quyết định thu hồi.'],
      [{ date: '2022-02-30' }, 'Ngày quyết định thu hồi "2022-02-30" không phải là ngày.'],
      [{ lines: [] }, 'Quyết định thu hồi số 12/QĐ-UBND chưa có giấy chứng nhận nào.'],
      [
        { issuer: 'higher', level: 'tinh', signer: ' ' },
        'Quyết định thu hồi số 12/QĐ-UBND do cấp trên ký nhưng chưa ghi cơ quan ký.',
      ],
      [
        { lines: [line('mam', mắm.id), line('mam', mắm.id)] },
        'Sản phẩm "Mắm tôm Hạ Long" được ghi hai lần',
      ],
      [
        { lines: [line('gao', gạo.id)] },
        'Sản phẩm "Gạo nếp cái hoa vàng" không có giấy chứng nhận',
      ],
      [
        { lines: [line('mam', mắmFailed.id)] },
        'Sản phẩm "Mắm tôm Hạ Long" không có giấy chứng nhận',
      ],
      [{ lines: [line('mam', 'gone')] }, 'Sản phẩm "Mắm tôm Hạ Long" không có giấy chứng nhận'],
      [{ lines: [line('tra', mắm.id)] }, 'Sản phẩm "Trà hoa vàng" không có giấy chứng nhận'],
      [
        { date: '2018-08-01', lines: [line('mam', mắm.id)] },
        'Sản phẩm "Mắm tôm Hạ Long" được công nhận sau ngày 01/08/2018',
      ],
      [
        {},
        'Giấy chứng nhận của "Trà hoa vàng" đã bị thu hồi theo Quyết định số 5/QĐ-UBND ngày 01/03/2022.',
      ],
      [{ date: '2023-01-01' }, 'đã bị thu hồi theo Quyết định số 5/QĐ-UBND'],
    ]
    for (const [overrides, expected] of cases) {
      const message = await refusal(recordRevocation(db, decision(overrides), 'a'))
      expect(message).toContain(expected)
      expect(message).toContain('Dữ liệu không bị thay đổi.')
    }
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('takes a certificate a later decision revokes: the earlier date counts', async () => {
    const db = await register()
    await recordRevocation(db, decision({ number: '5/QĐ-UBND', date: '2023-01-01' }), 'a')
    await recordRevocation(db, decision({ lines: [line('tra', trà.id)] }), 'a')

    expect((await statusesOn(db, '2022-03-01')).tra).toBe('bi-thu-hoi')
  })
})

describe('the draft days setting', () => {
  it('is 0 until saved, then remembered; a bad value is refused', async () => {
    const db = await register()
    expect(await getRevocationDraftDays(db)).toBe(0)
    await saveRevocationDraftDays(db, 30)
    expect(await getRevocationDraftDays(db)).toBe(30)
    expect(await refusal(saveRevocationDraftDays(db, -1))).toContain('Số ngày "-1" không dùng được')
    expect(await getRevocationDraftDays(db)).toBe(30)
  })
})

describe('what a decision names', () => {
  it('cannot be deleted: the product or the revoked evaluation stays, and nothing changes', async () => {
    const db = await register()
    await recordRevocation(db, decision(), 'van.thu')
    const before = await snapshotTables(db)

    await expect(deleteProduct(db, 'tra')).rejects.toMatchObject({
      code: 'product.revoked',
      params: { product: 'Trà hoa vàng', decisions: ['12/QĐ-UBND'], what: 'product' },
    })
    await expect(deleteEvaluation(db, mắm.id, 'Mắm tôm Hạ Long')).rejects.toThrow(
      'Quyết định thu hồi số 12/QĐ-UBND',
    )
    expect(await snapshotTables(db)).toEqual(before)
    // What no decision names is deleted as before.
    await deleteEvaluation(db, mắmFailed.id, 'Mắm tôm Hạ Long')
    await deleteProduct(db, 'gao')
    expect(await db.products.count()).toBe(2)
  })
})
