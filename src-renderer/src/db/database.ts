/**
 * The register's database: one Dexie subclass with typed tables, declared version by version from
 * src-shared/db/schema.ts. Writes that touch several tables go through repository functions, each
 * one transaction.
 */
import Dexie, { type Table, type Transaction } from 'dexie'
import type {
  AuditEntry,
  CriteriaSet,
  Evaluation,
  ChangeBatch,
  IssuedDocument,
  OfficeRecord,
  PackageLogRecord,
  Revocation,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  ScoringSheetRecord,
  SetAsideRecord,
  Setting,
  Unit,
} from '@shared/db/records'
import {
  DB_NAME,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  storesOf,
  tableMovesAfter,
  tablesToUpgrade,
  upgradeRecord,
  type TableName,
} from '@shared/db/schema'
import {
  EVALUATION_SETS,
  EVALUATIONS,
  evaluationSetsMiddleware,
  groupByProduct,
} from './evaluation-sets'

/**
 * Makes the database of version `from` one of version `to`: moves the records of tables that
 * became others, then changes the records of earlier versions, writing only those changed.
 */
async function upgradeRecords(tx: Transaction, from: number, to: number): Promise<void> {
  for (const move of tableMovesAfter(from, to)) {
    const records = (await tx.table(move.from).toArray()) as Record<string, unknown>[]
    await tx.table(move.to).bulkAdd(records.map(move.change))
  }
  for (const name of tablesToUpgrade(from, to)) {
    await tx
      .table(name)
      .toCollection()
      .modify((record: unknown) => upgradeRecord(name, record, from, to))
  }
}

const requested = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })

/**
 * The evaluations older versions stored one by one, stored by product from this version. Read
 * and written past Dexie: from this version on, its table `evaluations` is served from the sets.
 */
async function moveEvaluationsIntoSets(tx: Transaction): Promise<void> {
  const single = tx.idbtrans.objectStore(EVALUATIONS)
  const sets = tx.idbtrans.objectStore(EVALUATION_SETS)
  const rows = (await requested(single.getAll())) as Record<string, unknown>[]
  for (const set of groupByProduct(rows)) sets.add(set)
  await requested(single.clear())
}

export class OcopDatabase extends Dexie {
  units!: Table<Unit, string>
  producers!: Table<Producer, string>
  products!: Table<Product, string>
  evaluations!: Table<Evaluation, string>
  criteriaSets!: Table<CriteriaSet, string>
  plans!: Table<Plan, string>
  planTargets!: Table<PlanTarget, string>
  changeBatches!: Table<ChangeBatch, string>
  auditLog!: Table<AuditEntry, number, Omit<AuditEntry, 'id'>>
  settings!: Table<Setting, string>
  setAside!: Table<SetAsideRecord, string>
  issuedDocuments!: Table<IssuedDocument, string>
  scoringSheets!: Table<ScoringSheetRecord, string>
  rounds!: Table<Round, string>
  roundMembers!: Table<RoundMember, string>
  roundEntries!: Table<RoundEntry, string>
  roundScores!: Table<RoundScore, string>
  offices!: Table<OfficeRecord, string>
  packages!: Table<PackageLogRecord, string>
  revocations!: Table<Revocation, string>

  constructor(name: string = DB_NAME, upToVersion?: number) {
    // 'strict' makes Chromium flush each transaction to disk before reporting it done: a clerk's
    // save survives a power cut right after it.
    super(name, { chromeTransactionDurability: 'strict' })
    let previous = 0
    for (const { version, recordChanges, tableMoves } of SCHEMA_VERSIONS) {
      if (upToVersion !== undefined && version > upToVersion) break
      const declared = this.version(version).stores({ ...storesOf(version) })
      const from = previous
      const setsAdded = !(EVALUATION_SETS in storesOf(from)) && EVALUATION_SETS in storesOf(version)
      if (recordChanges || tableMoves || setsAdded) {
        declared.upgrade(async (tx) => {
          await upgradeRecords(tx, from, version)
          if (setsAdded) await moveEvaluationsIntoSets(tx)
        })
      }
      previous = version
    }
    this.use(evaluationSetsMiddleware)
  }

  /** Every table of the register, in schema order. */
  registerTables(): Table[] {
    return TABLE_NAMES.map((name: TableName) => this.table(name))
  }
}
