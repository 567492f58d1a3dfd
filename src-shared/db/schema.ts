/**
 * The database's tables and indexes, version by version. Versions are declared explicitly and
 * never edited once shipped: a change is a new version with its own upgrade.
 */
import type { ZodType } from 'zod'
import {
  auditEntrySchema,
  criteriaSetSchema,
  evaluationSchema,
  importBatchSchema,
  planSchema,
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
  'importBatches',
  'auditLog',
  'settings',
  'setAside',
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
  importBatches: importBatchSchema,
  auditLog: auditEntrySchema,
  settings: settingSchema,
  setAside: setAsideRecordSchema,
}

/** Dexie store definitions per schema version; a table appears from the version that adds it. */
export const SCHEMA_VERSIONS: { version: number; stores: Partial<Record<TableName, string>> }[] = [
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
    // first by [table+id] (the id is the log's order), and a date range by `at`.
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
  },
]

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version

/** The tables a database of `version` has (the newest declared version not above it). */
export function tablesOfVersion(version: number): TableName[] {
  const declared = SCHEMA_VERSIONS.filter((v) => v.version <= version).at(-1) ?? SCHEMA_VERSIONS[0]!
  return TABLE_NAMES.filter((name) => declared.stores[name] !== undefined)
}
