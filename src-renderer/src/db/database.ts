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
  ImportBatch,
  Plan,
  PlanTarget,
  Producer,
  Product,
  SetAsideRecord,
  Setting,
  Unit,
} from '@shared/db/records'
import { DB_NAME, SCHEMA_VERSIONS, TABLE_NAMES, type TableName } from '@shared/db/schema'

/** Upgrade functions by version, for versions that change data as well as indexes. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {}

export class OcopDatabase extends Dexie {
  units!: Table<Unit, string>
  producers!: Table<Producer, string>
  products!: Table<Product, string>
  evaluations!: Table<Evaluation, string>
  criteriaSets!: Table<CriteriaSet, string>
  plans!: Table<Plan, string>
  planTargets!: Table<PlanTarget, string>
  importBatches!: Table<ImportBatch, string>
  auditLog!: Table<AuditEntry, number, Omit<AuditEntry, 'id'>>
  settings!: Table<Setting, string>
  setAside!: Table<SetAsideRecord, string>

  constructor(name: string = DB_NAME, upToVersion?: number) {
    // 'strict' makes Chromium flush each transaction to disk before reporting it done: a clerk's
    // save survives a power cut right after it.
    super(name, { chromeTransactionDurability: 'strict' })
    for (const { version, stores } of SCHEMA_VERSIONS) {
      if (upToVersion !== undefined && version > upToVersion) break
      const declared = this.version(version).stores(stores)
      const upgrade = UPGRADES[version]
      if (upgrade) declared.upgrade(upgrade)
    }
  }

  /** Every table of the register, in schema order. */
  registerTables(): Table[] {
    return TABLE_NAMES.map((name: TableName) => this.table(name))
  }
}
