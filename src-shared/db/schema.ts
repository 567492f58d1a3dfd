/**
 * The database's tables and indexes, version by version, and the changes a version makes to records
 * written before it. Versions are declared explicitly and never edited once shipped: a change is a
 * new version with its own upgrade, applied to the database and to older backups alike.
 */
import type { ZodType } from 'zod'
import {
  auditEntrySchema,
  criteriaSetSchema,
  evaluationSchema,
  changeBatchSchema,
  issuedDocumentSchema,
  officeSchema,
  packageLogSchema,
  revocationSchema,
  planSchema,
  roundEntrySchema,
  roundMemberSchema,
  roundSchema,
  roundScoreSchema,
  scoringSheetSchema,
  planTargetSchema,
  producerSchema,
  productSchema,
  setAsideRecordSchema,
  settingSchema,
  unitSchema,
} from './records'

/** The database's name; with the app's origin it identifies the clerk's data. Never change it. */
export const DB_NAME = 'ocop-desk'

export const TABLE_NAMES = [
  'units',
  'producers',
  'products',
  'evaluations',
  'criteriaSets',
  'plans',
  'planTargets',
  'changeBatches',
  'auditLog',
  'settings',
  'setAside',
  'issuedDocuments',
  'scoringSheets',
  'rounds',
  'roundMembers',
  'roundEntries',
  'roundScores',
  'offices',
  'packages',
  'revocations',
] as const
export type TableName = (typeof TABLE_NAMES)[number]

/** Record schema per table, for checking backups and imports. */
export const RECORD_SCHEMAS: Record<TableName, ZodType> = {
  units: unitSchema,
  producers: producerSchema,
  products: productSchema,
  evaluations: evaluationSchema,
  criteriaSets: criteriaSetSchema,
  plans: planSchema,
  planTargets: planTargetSchema,
  changeBatches: changeBatchSchema,
  auditLog: auditEntrySchema,
  settings: settingSchema,
  setAside: setAsideRecordSchema,
  issuedDocuments: issuedDocumentSchema,
  scoringSheets: scoringSheetSchema,
  rounds: roundSchema,
  roundMembers: roundMemberSchema,
  roundEntries: roundEntrySchema,
  roundScores: roundScoreSchema,
  offices: officeSchema,
  packages: packageLogSchema,
  revocations: revocationSchema,
}

/** A change to one record written by an earlier version, made in place; true when it changed it. */
type RecordChange = (record: Record<string, unknown>) => boolean

/**
 * The records of a table an earlier version had, moved into a table of this version, each made a
 * record of the new table by `change`; the old table goes in a later version (Dexie can only read
 * a table in the upgrade of a version before the one that deletes it).
 */
interface TableMove {
  from: string
  to: TableName
  change: (record: Record<string, unknown>) => Record<string, unknown>
}

interface SchemaVersion {
  version: number
  /**
   * Dexie store definitions; a table appears from the version that adds it, and null deletes it.
   * A version that only changes records leaves them out and keeps the tables of the version before.
   * Names are strings: tables of earlier versions may no longer be tables of the register.
   */
  stores?: Readonly<Record<string, string | null>>
  /** Changes to the records of earlier versions, by table (see upgradeRecord). */
  recordChanges?: Readonly<Record<string, RecordChange>>
  tableMoves?: readonly TableMove[]
}

// Statuses a clerk could choose that no evaluation tells: kept as a line of the description.
const STATUS_WORDS_KEPT: Record<string, string> = { 'y-tuong': 'Ý tưởng', dung: 'Dừng' }

/** Drops a product's stored status; a product idea or a stopped product says so in its description. */
function dropStoredStatus(product: Record<string, unknown>): boolean {
  if (!('status' in product)) return false
  const word = STATUS_WORDS_KEPT[String(product.status)]
  delete product.status
  if (word === undefined) return true
  const line = `Trạng thái đã ghi trước đây: ${word}.`
  const description = typeof product.description === 'string' ? product.description : ''
  const kept = description === '' ? line : `${description}\n${line}`
  // A description already at its limit stays as it was; the pre-upgrade backup keeps the status.
  if (productSchema.shape.description.safeParse(kept).success) product.description = kept
  return true
}

/** An import batch as versions 1-5 stored it, as the change batch it is from version 6. */
function changeBatchOfImport(batch: Record<string, unknown>): Record<string, unknown> {
  const { fileName, fileHash, sheet, mapping, counts, createdAt, ...kept } = batch
  return {
    id: kept.id,
    kind: 'import',
    label: `Nhập tệp ${String(fileName)} (trang "${String(sheet)}")`,
    at: createdAt,
    who: '',
    beforeImages: kept.beforeImages,
    createdIds: kept.createdIds,
    undoneAt: kept.undoneAt,
    detail: { fileName, fileHash, sheet, mapping, counts },
  }
}

/** The audit lines of an import name the change batch its import became. */
function renameImportLine(line: Record<string, unknown>): boolean {
  if (line.table !== 'importBatches') return false
  line.table = 'changeBatches'
  return true
}

/** Dexie store definitions and record changes per schema version. */
export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id, name, type, taxCode, unitId',
      products: 'id, name, producerId, unitId, status, groupCode',
      evaluations:
        'id, productId, year, [productId+year], decisionDate, expiryDate, recognisedStars',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      auditLog: '++id, at, table, recordId, batchId',
      settings: 'key',
    },
  },
  {
    // The register is read whole into memory; an index only pays where a query uses it, and each
    // costs one more write per record: v1's unused ones made a 10,000-row import commit ~3x slower.
    version: 2,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      auditLog: '++id, at, table, recordId, batchId',
      settings: 'key',
    },
  },
  {
    // Records a restore set aside because something they refer to was missing from the backup.
    version: 3,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      auditLog: '++id, at, table, recordId, batchId',
      settings: 'key',
      setAside: 'id',
    },
  },
  {
    // The history of changes: lines of one change are found by `changeId`, a table's lines newest
    // first by [table+id] (the id is the log's order), and a date range by `at`. A product's status
    // follows from its evaluations on the day asked about (domain/product-status.ts); the status
    // stored at creation or import contradicted them.
    version: 4,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
    },
    recordChanges: { products: dropStoredStatus },
  },
  {
    // The documents the office issued, with the copies of their files kept in the data folder.
    version: 5,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
    },
  },
  {
    // Imports become change batches, the one model of a clerk action that writes many records at
    // once (imports, and the rounds and decisions that follow), with one rule for undoing them.
    version: 6,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: 'id, fileHash, createdAt',
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
    },
    tableMoves: [{ from: 'importBatches', to: 'changeBatches', change: changeBatchOfImport }],
    recordChanges: { auditLog: renameImportLine },
  },
  {
    version: 7,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      importBatches: null,
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
    },
  },
  {
    // Evaluation rounds: the council, the products entered, the members' scores, and the full
    // scoring sheets an office loaded. A round's records are found by `roundId`.
    version: 8,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
      scoringSheets: 'id, criteriaSetId',
      rounds: 'id, year',
      roundMembers: 'id, roundId',
      roundEntries: 'id, roundId, productId',
      roundScores: 'id, roundId, entryId',
    },
  },
  {
    // Data packages between offices: the offices heard of, and the packages sent and merged.
    // Records owned by another office carry an `origin` (optional: absent on records made here).
    version: 9,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
      scoringSheets: 'id, criteriaSetId',
      rounds: 'id, year',
      roundMembers: 'id, roundId',
      roundEntries: 'id, roundId, productId',
      roundScores: 'id, roundId, entryId',
      offices: 'id',
      packages: 'id, senderId, recipientId',
    },
  },
  {
    // Decisions revoking OCOP certificates; read whole with the register, like the evaluations.
    version: 10,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
      scoringSheets: 'id, criteriaSetId',
      rounds: 'id, year',
      roundMembers: 'id, roundId',
      roundEntries: 'id, roundId, productId',
      roundScores: 'id, roundId, entryId',
      offices: 'id',
      packages: 'id, senderId, recipientId',
      revocations: 'id',
    },
  },
  {
    // Evaluations stored by product, one record per product (src-renderer/src/db/evaluation-sets.ts):
    // fewer records to write. `evaluations` stays declared and empty, the table the app reads.
    version: 11,
    stores: {
      units: 'id, code, name, validFrom, validTo, successorId',
      producers: 'id',
      products: 'id, producerId',
      evaluations: 'id, productId',
      criteriaSets: 'id, validFrom',
      plans: 'id, fromYear',
      planTargets: 'id, planId',
      changeBatches: 'id, kind, at',
      auditLog: '++id, at, recordId, batchId, changeId, [table+id]',
      settings: 'key',
      setAside: 'id',
      issuedDocuments: 'id',
      scoringSheets: 'id, criteriaSetId',
      rounds: 'id, year',
      roundMembers: 'id, roundId',
      roundEntries: 'id, roundId, productId',
      roundScores: 'id, roundId, entryId',
      offices: 'id',
      packages: 'id, senderId, recipientId',
      revocations: 'id',
      evaluationSets: 'productId',
    },
  },
]

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version

/** The store definitions of a database of `version` (the newest version not above it that has them). */
export function storesOf(version: number): Readonly<Record<string, string | null>> {
  const declared = SCHEMA_VERSIONS.filter((v) => v.version <= version && v.stores !== undefined)
  return (declared.at(-1) ?? SCHEMA_VERSIONS[0]!).stores ?? {}
}

/** The tables a database of `version` has, by name (tables since moved included). */
function storedTables(version: number): string[] {
  return Object.entries(storesOf(version))
    .filter(([, definition]) => typeof definition === 'string')
    .map(([name]) => name)
}

/** The register's tables a database of `version` has. */
export function tablesOfVersion(version: number): TableName[] {
  const stored = storedTables(version)
  return TABLE_NAMES.filter((name) => stored.includes(name))
}

/** The moves of tables of the versions after `from`, up to `to`, in order. */
export function tableMovesAfter(from: number, to: number = CURRENT_SCHEMA_VERSION): TableMove[] {
  return SCHEMA_VERSIONS.filter((v) => v.version > from && v.version <= to).flatMap(
    (v) => v.tableMoves ?? [],
  )
}

// Tables that keep whole copies of other tables' records (import batches did, under that name).
const COPY_HOLDERS: readonly string[] = ['setAside', 'auditLog', 'changeBatches', 'importBatches']

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The tables of a database of version `to` whose records the versions after `from`, up to `to`,
 * change (with their copy holders).
 */
export function tablesToUpgrade(from: number, to: number = CURRENT_SCHEMA_VERSION): string[] {
  const changed = SCHEMA_VERSIONS.filter((v) => v.version > from && v.version <= to).flatMap((v) =>
    Object.keys(v.recordChanges ?? {}),
  )
  return changed.length === 0
    ? []
    : storedTables(to).filter((name) => changed.includes(name) || COPY_HOLDERS.includes(name))
}

/**
 * Makes one stored record of `table`, written at schema version `from`, a record of version `to`,
 * in place: a record of a changed table, and the copies other tables keep of such records (a
 * set-aside record, an audit line's before and after, an import's undo images), so that an undo
 * or a revert puts back a record of today's shape. True when it changed anything.
 */
export function upgradeRecord(
  table: string,
  record: unknown,
  from: number,
  to: number = CURRENT_SCHEMA_VERSION,
): boolean {
  let changed = false
  for (const { version, recordChanges } of SCHEMA_VERSIONS) {
    if (version <= from || version > to || recordChanges === undefined) continue
    const apply = (copyOf: unknown, copy: unknown) => {
      // `copyOf` comes from the stored record: only a table this version changes may match.
      const change =
        typeof copyOf === 'string' && Object.hasOwn(recordChanges, copyOf)
          ? recordChanges[copyOf]
          : undefined
      if (change !== undefined && isRecord(copy) && change(copy)) changed = true
    }
    apply(table, record)
    if (!isRecord(record)) continue
    if (table === 'setAside') apply(record.table, record.record)
    if (table === 'auditLog') {
      apply(record.table, record.before)
      apply(record.table, record.after)
    }
    if (
      (table === 'changeBatches' || table === 'importBatches') &&
      Array.isArray(record.beforeImages)
    ) {
      for (const image of record.beforeImages) if (isRecord(image)) apply(image.table, image.record)
    }
  }
  return changed
}
