// @vitest-environment node
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { Evaluation } from '@shared/db/records'
import { OcopDatabase } from '@/db/database'
import { EVALUATION_SETS, EVALUATIONS } from '@/db/evaluation-sets'
import { storedDatabase } from '@/db/open-database'
import { snapshotTables } from '@/db/backup-tables'

let counter = 0
const opened: Dexie[] = []
async function open(version?: number, name = `sets-${++counter}`): Promise<OcopDatabase> {
  const db = new OcopDatabase(name, version)
  await db.open()
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const evaluation = (id: string, productId: string, year = 2020): Evaluation =>
  ({ id, productId, year, round: 1, recognisedStars: 3, note: '' }) as unknown as Evaluation

/** The stores as IndexedDB holds them, past the middleware. */
async function stored(db: OcopDatabase) {
  const idb = db.backendDB()
  const read = (store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const request = idb.transaction(store).objectStore(store).getAll()
      request.onsuccess = () => resolve(request.result as unknown[])
      request.onerror = () => reject(request.error ?? new Error(store))
    })
  return { single: await read(EVALUATIONS), sets: await read(EVALUATION_SETS) }
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id)

describe('evaluations stored by product', () => {
  it('keeps one record per product, and reads back each evaluation as written', async () => {
    const db = await open()
    const rows = [
      evaluation('e3', 'p1', 2021),
      evaluation('e1', 'p1', 2019),
      evaluation('e2', 'p2'),
      evaluation('e4', 'p1', 2023),
    ]
    await db.evaluations.bulkAdd(rows)
    const { single, sets } = await stored(db)
    expect(single).toEqual([])
    expect(sets).toHaveLength(2)
    expect(await db.evaluations.toArray()).toEqual([rows[1], rows[2], rows[0], rows[3]])
    expect(await db.evaluations.count()).toBe(4)
    expect(await db.evaluations.get('e3')).toEqual(rows[0])
    expect(await db.evaluations.bulkGet(['e2', 'nope', 'e4'])).toEqual([
      rows[2],
      undefined,
      rows[3],
    ])
    expect(ids(await db.evaluations.where('productId').equals('p1').toArray())).toEqual([
      'e1',
      'e3',
      'e4',
    ])
    expect(await db.evaluations.where('productId').equals('p2').primaryKeys()).toEqual(['e2'])
    expect(await db.evaluations.where('productId').equals('p9').count()).toBe(0)
  })

  it('refuses an id it holds, in whichever product, and writes the rest', async () => {
    const db = await open()
    await db.evaluations.add(evaluation('e1', 'p1'))
    const error = await db.evaluations
      .bulkAdd([evaluation('e1', 'p2'), evaluation('e2', 'p2')])
      .catch((e: unknown) => e)
    expect((error as Error).name).toBe('BulkError')
    expect(await db.evaluations.toArray()).toEqual([evaluation('e1', 'p1'), evaluation('e2', 'p2')])
    await expect(db.evaluations.add(evaluation('e2', 'p3'))).rejects.toThrow()
  })

  it('moves an evaluation put under another product, and drops a product left with none', async () => {
    const db = await open()
    await db.evaluations.bulkAdd([evaluation('e1', 'p1'), evaluation('e2', 'p2')])
    await db.evaluations.put(evaluation('e1', 'p2', 2024))
    expect(await db.evaluations.toArray()).toEqual([
      evaluation('e1', 'p2', 2024),
      evaluation('e2', 'p2'),
    ])
    expect((await stored(db)).sets).toEqual([
      { productId: 'p2', evaluations: [evaluation('e2', 'p2'), evaluation('e1', 'p2', 2024)] },
    ])
    await db.evaluations.bulkDelete(['e1', 'e2'])
    expect((await stored(db)).sets).toEqual([])
    await db.evaluations.bulkAdd([evaluation('e5', 'p5'), evaluation('e6', 'p6')])
    await db.evaluations.clear()
    expect(await db.evaluations.count()).toBe(0)
  })

  it('walks them with cursors: filters, lists of keys, order, limits and changes in place', async () => {
    const db = await open()
    const rows = Array.from({ length: 12 }, (_, i) =>
      evaluation(`e${String(i).padStart(2, '0')}`, `p${i % 4}`, 2015 + i),
    )
    await db.evaluations.bulkAdd(rows)
    expect((await db.evaluations.filter((e) => e.year > 2020).first())?.id).toBe('e06')
    expect(ids(await db.evaluations.where('productId').anyOf(['p3', 'p1']).toArray())).toEqual([
      'e01',
      'e05',
      'e09',
      'e03',
      'e07',
      'e11',
    ])
    expect(ids(await db.evaluations.reverse().limit(2).toArray())).toEqual(['e11', 'e10'])
    expect(ids(await db.evaluations.orderBy('productId').offset(10).toArray())).toEqual([
      'e07',
      'e11',
    ])
    expect(await db.evaluations.orderBy('productId').uniqueKeys()).toEqual(['p0', 'p1', 'p2', 'p3'])
    expect(ids(await db.evaluations.where('id').between('e03', 'e05').toArray())).toEqual([
      'e03',
      'e04',
    ])
    await db.evaluations.where('productId').equals('p2').modify({ note: 'sửa' })
    expect((await db.evaluations.get('e06'))?.note).toBe('sửa')
    expect((await db.evaluations.get('e07'))?.note).toBe('')
    await db.evaluations.filter((e) => e.year < 2018).delete()
    expect(await db.evaluations.count()).toBe(9)
  })

  it('answers the queries of a transaction as its writes leave the table', async () => {
    const db = await open()
    const rows = Array.from({ length: 8 }, (_, i) => evaluation(`e${i}`, `p${i % 3}`))
    await db.evaluations.bulkAdd(rows)
    const seen = await db.transaction('rw', db.evaluations, async () => {
      const first = ids(await db.evaluations.orderBy('productId').toArray())
      await db.evaluations.where('id').below('e3').delete()
      await db.evaluations.put(evaluation('e9', 'p0'))
      return {
        first,
        byId: ids(await db.evaluations.toArray()),
        byProduct: ids(await db.evaluations.orderBy('productId').toArray()),
        p0: ids(await db.evaluations.where('productId').equals('p0').toArray()),
      }
    })
    expect(seen).toEqual({
      first: ['e0', 'e3', 'e6', 'e1', 'e4', 'e7', 'e2', 'e5'],
      byId: ['e3', 'e4', 'e5', 'e6', 'e7', 'e9'],
      byProduct: ['e3', 'e6', 'e9', 'e4', 'e7', 'e5'],
      p0: ['e3', 'e6', 'e9'],
    })
  })

  it('reads open-ended ranges, and the first row of each key in either direction', async () => {
    const db = await open()
    await db.evaluations.bulkAdd(
      Array.from({ length: 6 }, (_, i) => evaluation(`e${i}`, `p${i % 2}`)),
    )
    expect(await db.evaluations.where('id').above('e3').primaryKeys()).toEqual(['e4', 'e5'])
    expect(await db.evaluations.where('id').aboveOrEqual('e4').count()).toBe(2)
    expect(await db.evaluations.where('id').below('e2').primaryKeys()).toEqual(['e0', 'e1'])
    const firsts: [unknown, unknown][] = []
    await db.evaluations
      .orderBy('productId')
      .reverse()
      .eachUniqueKey((key, cursor) => void firsts.push([key, cursor.primaryKey]))
    expect(firsts).toEqual([
      ['p1', 'e1'],
      ['p0', 'e0'],
    ])
    await db.evaluations.where('id').above('e3').delete()
    expect(await db.evaluations.count()).toBe(4)
  })

  it('refuses an evaluation without an id or a product, and keeps what it held', async () => {
    const db = await open()
    await db.evaluations.add(evaluation('e1', 'p1'))
    const noId = { ...evaluation('x', 'p1'), id: undefined } as unknown as Evaluation
    await expect(db.evaluations.add(noId)).rejects.toThrow()
    const noProduct = { ...evaluation('e1', 'p1'), productId: null } as unknown as Evaluation
    await db.transaction('rw', db.evaluations, async () => {
      await db.evaluations.put(noProduct).catch(() => undefined)
    })
    expect(await db.evaluations.toArray()).toEqual([evaluation('e1', 'p1')])
  })

  it('hands out copies, and reads in a transaction what was written before in it', async () => {
    const db = await open()
    const row = evaluation('e1', 'p1')
    await db.transaction('rw', db.evaluations, async () => {
      void db.evaluations.put(row)
      row.note = 'changed after the put'
      const read = await db.evaluations.get('e1')
      expect(read?.note).toBe('')
      read!.note = 'changed after the read'
    })
    expect((await db.evaluations.get('e1'))?.note).toBe('')
    await db.evaluations.add(evaluation('e2', 'p1'))
    const notes = await db.transaction('r', db.evaluations, async () => {
      const whole = await db.evaluations.toArray()
      for (const read of whole) read.note = 'changed after reading the whole table'
      const one = await db.evaluations.where('productId').equals('p1').first()
      for (const read of await db.evaluations.bulkGet(['e1', 'e2'])) read!.note = 'changed'
      return [one?.note, ...(await db.evaluations.toArray()).map((e) => e.note)]
    })
    expect(notes).toEqual(['', '', ''])
  })

  it('reads the sets again after a write that failed, in the same transaction', async () => {
    const db = await open()
    await db.evaluations.add(evaluation('e1', 'p1'))
    const unkeyed = { ...evaluation('e2', 'p2'), productId: undefined } as unknown as Evaluation
    const read = await db.transaction('rw', db.evaluations, async () => {
      const failed = await db.evaluations.bulkPut([evaluation('e3', 'p1'), unkeyed]).then(
        () => false,
        () => true,
      )
      return { failed, rows: await db.evaluations.toArray() }
    })
    expect(read.failed).toBe(true)
    const held = (await stored(db)).sets as { evaluations: Evaluation[] }[]
    expect(read.rows).toEqual(held.flatMap((set) => set.evaluations))
    expect(ids(read.rows)).not.toContain('e2')
  })

  it('rolls back with the transaction it was written in', async () => {
    const db = await open()
    await db.evaluations.add(evaluation('e1', 'p1'))
    await expect(
      db.transaction('rw', db.evaluations, db.products, async () => {
        await db.evaluations.bulkPut([evaluation('e1', 'p2'), evaluation('e2', 'p2')])
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await db.evaluations.toArray()).toEqual([evaluation('e1', 'p1')])
  })

  it('moves the evaluations an older version stored one by one into their products', async () => {
    const name = 'sets-upgrade'
    const old = await open(10, name)
    const rows = [evaluation('e1', 'p1'), evaluation('e2', 'p2'), evaluation('e3', 'p1')]
    await old.evaluations.bulkAdd(rows)
    old.close()
    const db = await open(undefined, name)
    expect(await db.evaluations.toArray()).toEqual(rows)
    const { single, sets } = await stored(db)
    expect(single).toEqual([])
    expect(sets).toEqual([
      { productId: 'p1', evaluations: [rows[0], rows[2]] },
      { productId: 'p2', evaluations: [rows[1]] },
    ])
  })

  it('serves the sets to a later upgrade, and to the copy read before an upgrade', async () => {
    const name = 'sets-later-upgrade'
    const db = await open(undefined, name)
    await db.evaluations.bulkAdd([evaluation('e1', 'p1'), evaluation('e2', 'p2')])
    db.close()
    const before = storedDatabase(name)
    await before.open()
    opened.push(before)
    expect((await snapshotTables(before)).evaluations).toEqual([
      evaluation('e1', 'p1'),
      evaluation('e2', 'p2'),
    ])
    before.close()
    // A version after this one that changes evaluations in its upgrade.
    const next = new OcopDatabase(name)
    next
      .version(next.verno + 1)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('evaluations')
          .toCollection()
          .modify((e: Evaluation) => void (e.note = 'upgraded')),
      )
    await next.open()
    opened.push(next)
    expect((await next.evaluations.toArray()).map((e) => e.note)).toEqual(['upgraded', 'upgraded'])
  })
})
