/**
 * The records of the register, as runtime schemas (zod) with their TypeScript types inferred.
 * The same schemas check a backup file before it may replace the database.
 */
import { z } from 'zod'
import { isIsoDate } from '../dates'
import { docTypeSchema, documentSchema } from '../documents/schema'
import type { TableName } from './schema'

const id = z.string().min(1).max(64)
const isoDate = z.string().refine(isIsoDate, 'ngày phải có dạng YYYY-MM-DD')
const timestamp = z.string().min(10).max(40)
const text = z.string().max(10_000)

/**
 * Where a record came from when another office owns it (exchange/ownership.ts has the rules): the
 * owning office, the record's id there, and its revision there (the owner's `updatedAt`). Absent
 * on a record made here: this office owns it, and its revision is its own `updatedAt`.
 */
export const originSchema = z.object({
  office: z.string().min(1).max(64),
  id,
  rev: timestamp,
})
export type RecordOrigin = z.infer<typeof originSchema>
const origin = originSchema.optional()

export const UNIT_KINDS = ['xa', 'phuong', 'thi-tran', 'dac-khu'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** An administrative unit (xã/phường), valid over a span of dates; merged units point to a successor. */
export const unitSchema = z.object({
  id,
  code: z.string().max(20),
  name: z.string().min(1).max(200),
  kind: z.enum(UNIT_KINDS),
  /** The district/province it belongs to while valid, as written in documents of that time. */
  parentName: z.string().max(200),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  successorId: id.nullable(),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Unit = z.infer<typeof unitSchema>

export const PRODUCER_TYPES = ['htx', 'doanh-nghiep', 'to-hop-tac', 'ho-kinh-doanh'] as const
export type ProducerType = (typeof PRODUCER_TYPES)[number]

/** A producer (chủ thể) that owns OCOP products. */
export const producerSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  type: z.enum(PRODUCER_TYPES),
  taxCode: z.string().max(30),
  address: z.string().max(500),
  unitId: id.nullable(),
  representative: z.string().max(200),
  phone: z.string().max(50),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Producer = z.infer<typeof producerSchema>

/**
 * A product in the register, classified under the catalogue of a criteria set. Its status is not
 * stored: it follows from its evaluations on the day asked about (domain/product-status.ts).
 */
export const productSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  producerId: id.nullable(),
  unitId: id.nullable(),
  criteriaSetId: id.nullable(),
  groupCode: z.string().max(50),
  productSetCode: z.string().max(50),
  description: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Product = z.infer<typeof productSchema>

export const COUNCIL_LEVELS = ['xa', 'huyen', 'tinh', 'trung-uong'] as const
export const EVALUATION_KINDS = ['lan-dau', 'danh-gia-lai', 'nang-hang'] as const
const stars = z.number().int().min(1).max(5)
const score = z.number().min(0).max(100)

/** One council evaluation of a product: scores under the criteria set in force, and its outcome. */
export const evaluationSchema = z.object({
  id,
  productId: id,
  year: z.number().int().min(2000).max(2100),
  round: z.number().int().min(1).max(20),
  evaluatedOn: isoDate.nullable(),
  criteriaSetId: id,
  /** Part scores by part code (A, B, C); the minimum a council's sheet gives. */
  partScores: z.record(z.string().max(10), score),
  itemScores: z.record(z.string().max(20), score).nullable(),
  total: score.nullable(),
  computedStars: stars.nullable(),
  /** The star the decision recognised; entered by the clerk, never overridden. */
  recognisedStars: stars.nullable(),
  councilLevel: z.enum(COUNCIL_LEVELS),
  kind: z.enum(EVALUATION_KINDS),
  decisionNo: z.string().max(50),
  decisionDate: isoDate.nullable(),
  certificateNo: z.string().max(50),
  expiryDate: isoDate.nullable(),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Evaluation = z.infer<typeof evaluationSchema>

/**
 * Why a certificate is revoked: its 36 months ran out with no re-evaluation, the re-evaluation
 * recognised less than 3★ or nothing, the producer broke the rules, the producer stopped producing
 * or asked for it, or another reason the clerk writes.
 */
export const REVOCATION_REASONS = [
  'het-han',
  'khong-dat',
  'vi-pham',
  'ngung-san-xuat',
  'khac',
] as const
export type RevocationReason = (typeof REVOCATION_REASONS)[number]

/** One certificate a revocation decision revokes: the evaluation that gave it, and why. */
export const revocationLineSchema = z.object({
  productId: id,
  /** The evaluation whose recognition (and certificate) is revoked. */
  evaluationId: id,
  reason: z.enum(REVOCATION_REASONS),
  /** The reason in the clerk's words: what 'khac' says, or a detail added to the others. */
  reasonText: z.string().max(500),
})
export type RevocationLine = z.infer<typeof revocationLineSchema>

/**
 * Who signs a revocation: this office, where it recognised the products (its own decision), or
 * the higher level that recognised them, which this office asks to revoke them (tờ trình).
 */
export const REVOCATION_ISSUERS = ['self', 'higher'] as const
export type RevocationIssuer = (typeof REVOCATION_ISSUERS)[number]

/**
 * A decision revoking OCOP certificates (quyết định thu hồi giấy chứng nhận). From its date the
 * certificates it lists give their products no rank (domain/revocations.ts); before it, nothing
 * changes. `issuer` and `level` say who signs it: this office, or the higher level it asked.
 */
export const revocationSchema = z.object({
  id,
  number: z.string().min(1).max(50),
  date: isoDate,
  /** The signing body, e.g. "Ủy ban nhân dân tỉnh Hưng Yên". */
  signer: z.string().max(300),
  issuer: z.enum(REVOCATION_ISSUERS),
  level: z.enum(COUNCIL_LEVELS),
  lines: z.array(revocationLineSchema).min(1).max(10_000),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Revocation = z.infer<typeof revocationSchema>

const catalogueEntry = { code: z.string().min(1).max(50), name: z.string().min(1).max(300) }

/**
 * The product classification that goes with a criteria set: groups (QĐ 148's nhóm, QĐ 1048's
 * ngành) → sub-groups (phân nhóm) → product sets (bộ sản phẩm). Official codes are not public, so
 * codes are OCOP Desk's working codes; `note` says so and where the list comes from.
 */
export const criteriaCatalogueSchema = z.object({
  note: text,
  groups: z.array(
    z.object({
      ...catalogueEntry,
      subGroups: z.array(
        z.object({ ...catalogueEntry, productSets: z.array(z.object(catalogueEntry)) }),
      ),
    }),
  ),
})
export type CriteriaCatalogue = z.infer<typeof criteriaCatalogueSchema>

/** Which council level recognises which stars under a set (minStars..maxStars inclusive). */
export const recognitionRuleSchema = z
  .object({ level: z.enum(COUNCIL_LEVELS), minStars: stars, maxStars: stars, note: text })
  .refine((rule) => rule.minStars <= rule.maxStars, 'minStars phải không lớn hơn maxStars')
export type RecognitionRule = z.infer<typeof recognitionRuleSchema>

/** A criteria set (bộ tiêu chí) with its parts, maxima and validity, kept as editable data. */
export const criteriaSetSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  legalBasis: z.string().max(300),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  parts: z.array(z.object({ code: z.string().max(10), name: z.string().max(200), max: score })),
  /** Minimum total for 2, 3, 4 and 5 stars, in that order (1 star below the first). */
  starThresholds: z.array(score).length(4),
  /** The product classification (groups → sub-groups → product sets) shipped with the set. */
  catalogue: criteriaCatalogueSchema,
  /** Which council level recognises which stars while the set is in force. */
  recognition: z.array(recognitionRuleSchema),
  /** Data revision of a built-in set: a later release may replace an unedited set of a lower one. */
  revision: z.number().int().min(1),
  builtIn: z.boolean(),
  updatedAt: timestamp,
  origin,
})
export type CriteriaSet = z.infer<typeof criteriaSetSchema>

/** A plan (kế hoạch) of the office, with a period and a baseline year. */
export const planSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  docNo: z.string().max(50),
  docDate: isoDate.nullable(),
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100),
  baselineYear: z.number().int().min(2000).max(2100),
  /** Figures written in the plan document, when they differ from what the register computes. */
  baselineOverride: z.record(z.string().max(50), z.number()).nullable(),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Plan = z.infer<typeof planSchema>

/** One target of a plan; `kind` names how its value is measured. */
export const planTargetSchema = z.object({
  id,
  planId: id,
  kind: z.string().min(1).max(50),
  stars: stars.nullable(),
  value: z.number(),
  unitId: id.nullable(),
  productId: id.nullable(),
  byYear: z.number().int().min(2000).max(2100).nullable(),
  note: text,
  /**
   * The target's place in its plan, in the order the clerk gave (0 first). Absent on targets stored
   * before it existed: those keep the order they were stored in (see targetsInPlanOrder).
   */
  position: z.number().int().min(0).max(10_000).optional(),
  origin,
})
export type PlanTarget = z.infer<typeof planTargetSchema>

/** What an import batch read: the commune file, its hash, the sheet, the columns' mapping, the counts. */
export const importDetailSchema = z.object({
  fileName: z.string().max(500),
  fileHash: z.string().max(128),
  sheet: z.string().max(200),
  mapping: z.unknown(),
  counts: z.record(z.string().max(50), z.number().int()),
})
export type ImportDetail = z.infer<typeof importDetailSchema>

const batchBase = {
  id,
  /** What the batch did, in the clerk's words: "Nhập tệp xa-cam-xa.xlsx (trang "DS")". */
  label: z.string().max(1000),
  /** When; every record the batch wrote carries this as its `updatedAt`. */
  at: timestamp,
  /** The computer account the app ran under (empty where the system gives none). */
  who: z.string().max(200),
  /** Records as they were before this batch changed them, to undo it exactly. */
  beforeImages: z.array(z.object({ table: z.string(), record: z.unknown() })),
  createdIds: z.record(z.string(), z.array(id)),
  undoneAt: timestamp.nullable(),
}

/** What a member's score workbook brought into a round: the file, the member, the counts. */
export const roundScoresDetailSchema = z.object({
  roundId: id,
  memberId: id,
  fileName: z.string().max(500),
  fileHash: z.string().max(128),
  counts: z.record(z.string().max(50), z.number().int()),
})
export type RoundScoresDetail = z.infer<typeof roundScoresDetailSchema>

/** A decision entered against a round: this council's recognition or the higher level's. */
export const roundDecisionDetailSchema = z.object({
  roundId: id,
  level: z.enum(COUNCIL_LEVELS),
  decisionNo: z.string().max(50),
  decisionDate: isoDate,
})
export type RoundDecisionDetail = z.infer<typeof roundDecisionDetailSchema>

/**
 * A change batch: one clerk action that writes many records at once (an import of a commune file,
 * a member's score workbook, closing a round, a decision entered against it), kept with what it
 * wrote so that it can be listed and undone as a whole (db/change-batches.ts has the one rule).
 */
/** What a data package brought: the package, its sender, and the counts per table and outcome. */
export const packageMergeDetailSchema = z.object({
  packageId: id,
  senderId: id,
  fileName: z.string().max(500),
  counts: z.record(z.string().max(50), z.record(z.string().max(20), z.number().int())),
})
export type PackageMergeDetail = z.infer<typeof packageMergeDetailSchema>

/** A revocation decision recorded: the decision and how many certificates it revokes. */
export const revocationDetailSchema = z.object({
  revocationId: id,
  number: z.string().max(50),
  date: isoDate,
  count: z.number().int(),
})
export type RevocationDetail = z.infer<typeof revocationDetailSchema>

export const changeBatchSchema = z.discriminatedUnion('kind', [
  z.object({ ...batchBase, kind: z.literal('import'), detail: importDetailSchema }),
  z.object({ ...batchBase, kind: z.literal('round-scores'), detail: roundScoresDetailSchema }),
  z.object({ ...batchBase, kind: z.literal('round-close'), detail: z.object({ roundId: id }) }),
  z.object({ ...batchBase, kind: z.literal('round-decision'), detail: roundDecisionDetailSchema }),
  z.object({ ...batchBase, kind: z.literal('package-merge'), detail: packageMergeDetailSchema }),
  z.object({ ...batchBase, kind: z.literal('revocation'), detail: revocationDetailSchema }),
])
export type ChangeBatch = z.infer<typeof changeBatchSchema>
export type ChangeBatchKind = ChangeBatch['kind']
export type ChangeBatchOf<K extends ChangeBatchKind> = Extract<ChangeBatch, { kind: K }>

/**
 * An office this register has heard of: one that sent a package (its key trusted once the clerk
 * confirmed the fingerprint), or one whose records reached here through another's package.
 */
export const officeSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  /** The administrative unit the office serves, with its official code (may be empty). */
  unitName: z.string().max(200),
  unitCode: z.string().max(20),
  /** Ed25519 public key, raw 32 bytes in base64; empty for an office only heard of through another. */
  publicKey: z.string().max(100),
  /** When the clerk confirmed the key's fingerprint; null while it is not trusted. */
  trustedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type OfficeRecord = z.infer<typeof officeSchema>

export const PACKAGE_KINDS = ['full', 'changes'] as const
export type PackageKind = (typeof PACKAGE_KINDS)[number]

/** A data package this office sent or merged (exchange/package-format.ts has the file). */
export const packageLogSchema = z.object({
  id,
  direction: z.enum(['sent', 'received']),
  kind: z.enum(PACKAGE_KINDS),
  /** The package a change package builds on; null for a full package. */
  baseId: id.nullable(),
  senderId: id,
  recipientId: id.nullable(),
  fileName: z.string().max(500),
  createdAt: timestamp,
  /** When it was sent (written) or merged here. */
  updatedAt: timestamp,
  /** Records per table the package held, and tombstones. */
  counts: z.record(z.string().max(50), z.number().int()),
  /**
   * Of a sent package: every record the recipient holds once it merged it, as revisions by table,
   * owning office and id, from which the next change package to that recipient is computed.
   */
  state: z
    .record(z.string().max(50), z.record(z.string(), z.record(z.string(), z.string())))
    .nullable(),
})
export type PackageLogRecord = z.infer<typeof packageLogSchema>

export const MEMBER_ROLES = ['chu-tich', 'pho-chu-tich', 'uy-vien-thu-ky', 'uy-vien'] as const
export const DOSSIER_STATES = ['du', 'thieu', 'khong-ap-dung'] as const
const points = z.number().min(0).max(100)

/** A council's working rules for a round (rounds/results.ts has the defaults and their sources). */
export const councilRulesSchema = z.object({
  maxSpread: points.nullable(),
  quorumShare: z.number().min(0).max(1),
  quorumNeedsChair: z.boolean(),
  decimals: z.number().int().min(0).max(4),
})

/** An item of a round's dossier checklist. */
export const dossierItemSchema = z.object({
  key: z.string().min(1).max(50),
  label: z.string().min(1).max(300),
  required: z.boolean(),
})

/**
 * An evaluation round (đợt đánh giá, phân hạng): a council of one level scoring the products
 * entered into it under the criteria set in force on its meeting date. Closed, it is read-only.
 */
export const roundSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  level: z.enum(COUNCIL_LEVELS),
  year: z.number().int().min(2000).max(2100),
  number: z.number().int().min(1).max(20),
  criteriaSetId: id,
  /** The decision founding the council (Quyết định thành lập Hội đồng). */
  councilDecisionNo: z.string().max(50),
  councilDecisionDate: isoDate.nullable(),
  meetingFrom: isoDate.nullable(),
  meetingTo: isoDate.nullable(),
  place: z.string().max(300),
  rules: councilRulesSchema,
  dossierChecklist: z.array(dossierItemSchema).max(40),
  status: z.enum(['open', 'closed']),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type Round = z.infer<typeof roundSchema>

/** A member of a round's council, in the order the founding decision lists them. */
export const roundMemberSchema = z.object({
  id,
  roundId: id,
  name: z.string().min(1).max(200),
  role: z.enum(MEMBER_ROLES),
  organisation: z.string().max(300),
  position: z.number().int().min(0).max(1000),
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type RoundMember = z.infer<typeof roundMemberSchema>

/** What closing gave a product: a result only (below 3★), a recognition here, or a proposal upward. */
export const ENTRY_OUTCOMES = ['result', 'recognise', 'propose'] as const

/** A product entered into a round, with its dossier, the council's proposal and, once closed, its outcome. */
export const roundEntrySchema = z.object({
  id,
  roundId: id,
  productId: id,
  /** The product group of the set's catalogue, which decides the scoring sheet. */
  groupCode: z.string().max(50),
  /** The stars the producer registered for. */
  registeredStars: stars.nullable(),
  dossier: z.record(z.string().max(50), z.enum(DOSSIER_STATES)),
  /** Why the council scores the product although its dossier lacks a required item. */
  overrideReason: z.string().max(1000),
  /** The lowest star level whose mandatory criterion the council found missed; null: none. */
  mandatoryMissedFrom: z.number().int().min(2).max(5).nullable(),
  /** The stars the council proposes; null: the computed ones. */
  proposedStars: stars.nullable(),
  proposalReason: z.string().max(1000),
  position: z.number().int().min(0).max(100_000),
  outcome: z.enum(ENTRY_OUTCOMES).nullable(),
  /** The level a proposal goes to. */
  proposedTo: z.enum(COUNCIL_LEVELS).nullable(),
  /** The evaluation closing or a decision wrote for the product. */
  evaluationId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type RoundEntry = z.infer<typeof roundEntrySchema>

/** One member's scores for one product entered in a round, in one pass (a re-scoring is the next). */
export const roundScoreSchema = z.object({
  id,
  roundId: id,
  entryId: id,
  memberId: id,
  pass: z.number().int().min(1).max(10),
  /** Points by part code; null where not scored yet. */
  parts: z.record(z.string().max(10), points.nullable()),
  /** Points by criterion code, where the member scored on a full sheet; null: part level. */
  items: z.record(z.string().max(20), points.nullable()).nullable(),
  source: z.enum(['grid', 'workbook']),
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type RoundScore = z.infer<typeof roundScoreSchema>

const sheetOptionSchema = z.object({ label: z.string().max(500), points })
const sheetCriterionSchema = z.object({
  code: z.string().min(1).max(20),
  text: z.string().max(1000),
  max: points,
  options: z.array(sheetOptionSchema).max(20),
  mandatoryFrom: z.number().int().nullable(),
})
const sheetSectionSchema = z.object({
  code: z.string().min(1).max(20),
  name: z.string().max(300),
  max: points,
  criteria: z.array(sheetCriterionSchema).max(100),
})

/** A full scoring sheet an office loaded from a definition file (rounds/sheets.ts checks it). */
export const scoringSheetSchema = z.object({
  id,
  criteriaSetId: id,
  groupCodes: z.array(z.string().max(50)).max(50),
  name: z.string().min(1).max(300),
  source: z.string().max(500),
  parts: z
    .array(
      z.object({
        code: z.string().max(10),
        name: z.string().max(200),
        max: points,
        sections: z.array(sheetSectionSchema).max(30),
      }),
    )
    .max(10),
  fileName: z.string().max(500),
  createdAt: timestamp,
  updatedAt: timestamp,
  origin,
})
export type ScoringSheetRecord = z.infer<typeof scoringSheetSchema>

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'retire',
  'restore',
  'import',
  'undo',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * One line of the audit log: what changed, with the record before and after (null where it did
 * not exist). Lines written in one transaction (one clerk action: a product deleted with its
 * evaluations, a merge) share a `changeId`, so the history reverts them together; lines written
 * before schema 4 have none and stand alone.
 */
export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: timestamp,
  action: z.enum(AUDIT_ACTIONS),
  table: z.string().max(50),
  recordId: z.string().max(64),
  summary: z.string().max(1000),
  before: z.unknown(),
  after: z.unknown(),
  batchId: id.nullable(),
  changeId: id.nullable().optional(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** A key-value setting (office identity, remembered choices). */
export const settingSchema = z.object({ key: z.string().min(1).max(100), value: z.unknown() })
export type Setting = z.infer<typeof settingSchema>

/** The files a document is written to: Word, Excel, or its annexes alone in Excel. */
export const DOCUMENT_FILE_FORMATS = ['docx', 'xlsx', 'annex-xlsx'] as const
export type DocumentFileFormat = (typeof DOCUMENT_FILE_FORMATS)[number]

/**
 * A copy of an issued document's file, kept read-only in the data folder (van-ban-da-phat-hanh/<the
 * document's id>/<name>); its SHA-256 shows that the copy is still the file that was issued.
 */
export const keptFileSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,149}\.(docx|xlsx)$/),
  /** Which output of the document the file is: Word, Excel, or the annexes alone in Excel. */
  format: z.enum(DOCUMENT_FILE_FORMATS),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type KeptFile = z.infer<typeof keptFileSchema>

/**
 * A document the office issued (phát hành): its number in the office's yearly series for its type,
 * signing date, signer and subject, the copies of its files, and the document itself as it was
 * signed. Nothing the register changes later reaches it: it is never edited, only struck out.
 */
export const issuedDocumentSchema = z.object({
  id,
  type: docTypeSchema,
  /** The number in its series: 6 in "Số: 06/BC-UBND". */
  number: z.number().int().min(1).max(99_999),
  /** "06/BC-UBND", as the document printed it. */
  reference: z.string().min(1).max(100),
  signedOn: isoDate,
  /** The date its figures are counted to (tính đến ngày); null when it has none. */
  dataDate: isoDate.nullable(),
  subject: z.string().max(2000),
  signer: z.string().max(200),
  /** The report it was made from (a ReportKind), or null. */
  source: z.string().max(50).nullable(),
  files: z.array(keptFileSchema).min(1).max(5),
  document: documentSchema,
  /** The plan report's chart as issued (PNG, base64), to recreate a lost copy with its picture. */
  chartPng: z.string().max(30_000_000).nullable(),
  issuedAt: timestamp,
})
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>

/** Tables whose records refer to records of other tables (see references.ts). */
export const REFERRING_TABLES = [
  'units',
  'producers',
  'products',
  'evaluations',
  'planTargets',
  'rounds',
  'roundMembers',
  'roundEntries',
  'roundScores',
  'scoringSheets',
  'revocations',
] as const satisfies readonly TableName[]
export type ReferringTable = (typeof REFERRING_TABLES)[number]

/** One reference of a record that points at nothing: its field, and the table and id it names. */
export const missingReferenceSchema = z.object({
  field: z.string().min(1).max(50),
  table: z.string().min(1).max(50),
  id,
})
export type MissingReference = z.infer<typeof missingReferenceSchema>

/**
 * A record a restore set aside (the "Cần xử lý" list) because something it refers to was missing:
 * kept whole with its table, the references that were missing and the backup it came from, until
 * the clerk puts it back (once those records exist) or deletes it.
 */
export const setAsideRecordSchema = z.object({
  id,
  table: z.enum(REFERRING_TABLES),
  record: z.looseObject({ id }),
  missing: z.array(missingReferenceSchema).min(1).max(20),
  backupName: z.string().max(300),
  setAsideAt: timestamp,
})
export type SetAsideRecord = z.infer<typeof setAsideRecordSchema>
