/**
 * Evaluations are stored by product: one IndexedDB record of `evaluationSets` holds all the
 * evaluations of one product. IndexedDB spends most of a write on each record, whatever its size
 * (about 0.1 ms where it was measured), so a package merging 50,000 evaluations of 10,000 products
 * writes 10,000 records instead of 50,000 (docs/architecture.md, "The register database").
 *
 * The rest of the app still reads and writes a table `evaluations` of single records, with its
 * primary key `id` and its index `productId`: this Dexie middleware, the lowest of its stack,
 * serves that table from the sets, in upgrades too. The declared store `evaluations` stays empty:
 * the upgrade to schema 11 moved what older versions wrote there into the sets, past Dexie.
 *
 * Within one transaction, the table's operations run one after another on the sets as that
 * transaction first read them (all of them, once), so each reads what the ones before wrote, as
 * IndexedDB would. Values go out and come in as copies, as IndexedDB's structured clone makes them.
 */
import {
  cmp,
  type DBCore,
  type DBCoreCursor,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreQuery,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie'

export const EVALUATIONS = 'evaluations'
export const EVALUATION_SETS = 'evaluationSets'

type Row = Record<string, unknown> & { id: string; productId: string }

/** A product's evaluations, as stored. */
export interface EvaluationSet {
  productId: string
  evaluations: Record<string, unknown>[]
}

/** What one transaction holds of the sets: rows by product, and each row's product. */
interface Held {
  byProduct: Map<string, Map<string, Row>>
  productOf: Map<string, string>
  /** Every row in the order of the primary key, and of the index: made when asked, dropped by a write. */
  orders: { id?: Row[]; productId?: Row[] }
}

// DBCoreRangeType, a const enum Dexie's types declare and its code does not export.
const EQUAL = 1
const RANGE = 2
const ANY = 3
const ALL: DBCoreKeyRange = { type: ANY, lower: -Infinity, upper: [[]] }

/** The first position from `from` on at which `holds`, true from some position to the end, holds. */
function firstWhere(rows: readonly Row[], from: number, holds: (row: Row) => boolean): number {
  let low = from
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (holds(rows[middle]!)) high = middle
    else low = middle + 1
  }
  return low
}

/**
 * The rows an index range selects, in the index's order (then by id), with the key of each;
 * `unique` keeps the first row of each key.
 */
function select(
  held: Held,
  { index, range }: DBCoreQuery,
  { reverse = false, unique = false }: { reverse?: boolean; unique?: boolean } = {},
) {
  if (!index.isPrimaryKey && index.keyPath !== 'productId') {
    throw new Error(`evaluations have no index ${String(index.name)}`)
  }
  const order = index.isPrimaryKey === true ? 'id' : 'productId'
  const keyOf = (row: Row): unknown => row[order]
  let all = held.orders[order]
  if (all === undefined) {
    all = [...held.byProduct.values()].flatMap((rows) => [...rows.values()])
    all.sort((a, b) => cmp(keyOf(a), keyOf(b)) || cmp(a.id, b.id))
    held.orders[order] = all
  }
  const type: number = range.type
  let rows: Row[] = []
  if (type === ANY) rows = all.slice()
  else if (type === EQUAL || type === RANGE) {
    // Dexie leaves a bound undefined for above() and below(): that side is open-ended.
    const upper: unknown = type === EQUAL ? range.lower : range.upper
    const start =
      range.lower === undefined
        ? 0
        : firstWhere(all, 0, (row) => {
            const c = cmp(keyOf(row), range.lower)
            return type === RANGE && range.lowerOpen ? c > 0 : c >= 0
          })
    const end =
      upper === undefined
        ? all.length
        : firstWhere(all, start, (row) => {
            const c = cmp(keyOf(row), upper)
            return type === RANGE && range.upperOpen ? c >= 0 : c > 0
          })
    rows = all.slice(start, end)
  }
  // Each key's first row by id, in either direction, as IndexedDB's unique cursors give it.
  if (unique) rows = rows.filter((r, i) => i === 0 || cmp(keyOf(r), keyOf(rows[i - 1]!)) !== 0)
  if (reverse) rows.reverse()
  return { rows, keyOf }
}

/** A cursor over rows already chosen, with IndexedDB's way of moving on. */
function rowCursor(
  trans: DBCoreTransaction,
  rows: Row[],
  keyOf: (row: Row) => unknown,
  values: boolean,
  reverse: boolean,
): DBCoreCursor {
  const dir = reverse ? -1 : 1
  let at = 0
  let done = false
  // The position the consumer moved to, to be visited next; null while it has not moved.
  let wanted: number | null = null
  let walking = false
  let onRow: () => void = () => undefined
  let finish: { resolve: (value: unknown) => void; reject: (error: unknown) => void } | null = null
  const seek = (past: (row: Row) => boolean) => firstWhere(rows, at + 1, past)
  const walk = () => {
    walking = true
    while (finish !== null && wanted !== null) {
      at = wanted
      wanted = null
      if (at >= rows.length) {
        done = true
        cursor.stop()
      } else {
        try {
          onRow()
        } catch (error) {
          cursor.fail(error as Error)
        }
      }
    }
    walking = false
  }
  const moveTo = (index: number) => {
    wanted = index
    // A move made outside the row callback resumes the walk in a microtask.
    if (!walking) queueMicrotask(walk)
  }
  const cursor: DBCoreCursor = {
    trans,
    get done() {
      return done
    },
    get key() {
      return done ? undefined : keyOf(rows[at]!)
    },
    get primaryKey() {
      return done ? undefined : rows[at]!.id
    },
    get value() {
      return values ? structuredClone(rows[at]) : undefined
    },
    continue(key?: unknown) {
      moveTo(key === undefined ? at + 1 : seek((row) => dir * cmp(keyOf(row), key) >= 0))
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      moveTo(
        seek((row) => {
          const byKey = dir * cmp(keyOf(row), key)
          return byKey > 0 || (byKey === 0 && dir * cmp(row.id, primaryKey) >= 0)
        }),
      )
    },
    advance(count: number) {
      if (!(count > 0)) throw new TypeError(`A cursor advances by a positive count, not ${count}.`)
      moveTo(at + count)
    },
    start(callback: () => void) {
      return new Promise((resolve, reject) => {
        finish = { resolve, reject }
        onRow = callback
        wanted = at
        walk()
      })
    },
    stop(value?: unknown) {
      const ending = finish
      finish = null
      ending?.resolve(value)
    },
    fail(error: Error) {
      const ending = finish
      finish = null
      ending?.reject(error)
    },
    next() {
      let gotOne = true
      return cursor
        .start(() => {
          if (gotOne) {
            gotOne = false
            cursor.continue()
          } else cursor.stop()
        })
        .then(() => cursor)
    },
  }
  return cursor
}

function constraintError(id: string): Error {
  return new DOMException(`Key ${id} already exists in the object store.`, 'ConstraintError')
}

function evaluationsTable(down: DBCore): DBCoreTable {
  const single = down.table(EVALUATIONS)
  const sets = down.table(EVALUATION_SETS)
  const held = new WeakMap<DBCoreTransaction, Promise<Held>>()
  const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>()

  async function load(trans: DBCoreTransaction): Promise<Held> {
    const { result } = await sets.query({
      trans,
      values: true,
      query: { index: sets.schema.primaryKey, range: ALL },
    })
    const state: Held = { byProduct: new Map(), productOf: new Map(), orders: {} }
    for (const set of result as EvaluationSet[]) {
      const rows = new Map<string, Row>()
      for (const row of set.evaluations as Row[]) {
        rows.set(row.id, row)
        state.productOf.set(row.id, set.productId)
      }
      state.byProduct.set(set.productId, rows)
    }
    return state
  }

  /** Runs `op` on the sets as this transaction holds them, after the operations before it. */
  function inTurn<T>(trans: DBCoreTransaction, op: (state: Held) => Promise<T> | T): Promise<T> {
    const before = queues.get(trans) ?? Promise.resolve()
    const turn = before
      .catch(() => undefined)
      .then(() => {
        let state = held.get(trans)
        if (state === undefined) {
          state = load(trans)
          held.set(trans, state)
        }
        return state
      })
      .then(op)
    queues.set(trans, turn)
    return turn
  }

  function remove(state: Held, id: string, changed: Set<string>) {
    const productId = state.productOf.get(id)
    if (productId === undefined) return
    state.byProduct.get(productId)!.delete(id)
    state.productOf.delete(id)
    changed.add(productId)
  }

  /** Writes the sets `changed` names as `state` now has them; a set left empty is deleted. */
  async function write(trans: DBCoreTransaction, state: Held, changed: Set<string>) {
    const kept: EvaluationSet[] = []
    const emptied: string[] = []
    for (const productId of changed) {
      const rows = state.byProduct.get(productId)
      if (rows === undefined || rows.size === 0) {
        state.byProduct.delete(productId)
        emptied.push(productId)
      } else kept.push({ productId, evaluations: [...rows.values()] })
    }
    const writes: Promise<DBCoreMutateResponse>[] = []
    if (kept.length > 0) writes.push(sets.mutate({ type: 'put', trans, values: kept }))
    if (emptied.length > 0) writes.push(sets.mutate({ type: 'delete', trans, keys: emptied }))
    for (const response of await Promise.all(writes)) {
      if (response.numFailures > 0) throw Object.values(response.failures)[0]!
    }
  }

  async function mutate(state: Held, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const changed = new Set<string>()
    const failures: Record<number, Error> = {}
    const results: unknown[] = []
    if (req.type === 'add' || req.type === 'put') {
      ;(req.values as Row[]).forEach((row, i) => {
        // IndexedDB refuses a record without a valid key; a set needs its product's id too.
        if (typeof row.id !== 'string' || typeof row.productId !== 'string') {
          failures[i] = new DOMException('An evaluation needs an id and a productId.', 'DataError')
          return
        }
        if (req.type === 'add' && state.productOf.has(row.id)) {
          failures[i] = constraintError(row.id)
          return
        }
        remove(state, row.id, changed)
        let rows = state.byProduct.get(row.productId)
        if (rows === undefined) {
          rows = new Map()
          state.byProduct.set(row.productId, rows)
        }
        rows.set(row.id, row)
        state.productOf.set(row.id, row.productId)
        changed.add(row.productId)
        results[i] = row.id
      })
    } else if (req.type === 'delete') {
      for (const id of req.keys as string[]) remove(state, id, changed)
    } else {
      const query = { index: single.schema.primaryKey, range: req.range }
      for (const row of select(state, query).rows) remove(state, row.id, changed)
    }
    state.orders = {}
    await write(req.trans, state, changed)
    const numFailures = Object.keys(failures).length
    return { numFailures, failures, results, lastResult: results.at(-1) }
  }

  const copyOf = (state: Held, id: unknown) => {
    const productId = typeof id === 'string' ? state.productOf.get(id) : undefined
    const found =
      productId === undefined ? undefined : state.byProduct.get(productId)!.get(id as string)
    return found === undefined ? undefined : structuredClone(found)
  }

  return {
    name: EVALUATIONS,
    schema: single.schema,
    mutate: (req) => {
      // Copied now, as IndexedDB copies a value when asked to write it.
      const copied =
        req.type === 'add' || req.type === 'put'
          ? { ...req, values: req.values.map((value: unknown) => structuredClone(value)) }
          : req
      return inTurn(req.trans, (s) =>
        mutate(s, copied).catch((error: unknown) => {
          // What was written is unknown: the next operation reads the sets again.
          held.delete(req.trans)
          throw error
        }),
      )
    },
    get: (req) => inTurn(req.trans, (s) => copyOf(s, req.key)),
    getMany: (req) => inTurn(req.trans, (s) => req.keys.map((key) => copyOf(s, key))),
    count: (req) => inTurn(req.trans, (s) => select(s, req.query).rows.length),
    query: (req) =>
      inTurn(req.trans, (s) => {
        const direction = req.direction ?? 'next'
        const { rows } = select(s, req.query, {
          reverse: direction.startsWith('prev'),
          unique: direction.endsWith('unique'),
        })
        const chosen = req.limit === undefined ? rows : rows.slice(0, req.limit)
        if (!req.values) return { result: chosen.map((r) => r.id) }
        // Half the table or more (the register reading it whole): the rows themselves go out,
        // and the transaction reads the sets again if it asks anything more, which costs less
        // than copying them.
        if (2 * chosen.length >= s.productOf.size) {
          held.delete(req.trans)
          return { result: chosen }
        }
        return { result: chosen.map((r) => structuredClone(r)) }
      }),
    openCursor: (req) =>
      inTurn(req.trans, (s) => {
        const reverse = req.reverse === true
        const { rows, keyOf } = select(s, req.query, { reverse, unique: req.unique })
        return rows.length === 0
          ? null
          : rowCursor(req.trans, rows, keyOf, req.values !== false, reverse)
      }),
  }
}

/**
 * The middleware: a transaction over `evaluations` also takes `evaluationSets`, and the table
 * `evaluations` is served from them. A database of a version before the sets is left as it is.
 */
export const evaluationSetsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'EvaluationSets',
  level: -10,
  create(down) {
    if (!down.schema.tables.some((table) => table.name === EVALUATION_SETS)) return down
    const evaluations = evaluationsTable(down)
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          stores.includes(EVALUATIONS) && !stores.includes(EVALUATION_SETS)
            ? [...stores, EVALUATION_SETS]
            : stores,
          mode,
          options,
        ),
      table: (name) => (name === EVALUATIONS ? evaluations : down.table(name)),
    }
  },
}

/** A product's evaluations grouped as the sets store them (for the upgrade that moves them). */
export function groupByProduct(rows: readonly Record<string, unknown>[]): EvaluationSet[] {
  const byProduct = new Map<string, Record<string, unknown>[]>()
  for (const row of rows) {
    const productId = String(row.productId)
    const list = byProduct.get(productId) ?? []
    list.push(row)
    byProduct.set(productId, list)
  }
  return [...byProduct].map(([productId, evaluations]) => ({ productId, evaluations }))
}
