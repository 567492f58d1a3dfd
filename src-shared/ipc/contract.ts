/**
 * The IPC contract: every channel between the renderer and the main-side services, with its
 * request schema (checked at runtime by main and the web host) and its response type.
 * The preload and the web host's client both build `window.api` from this one list.
 */
import { z } from 'zod'
import type { AppErrorData } from '../errors'
import { criteriaSetSchema, keptFileSchema, scoringSheetSchema, UNIT_KINDS } from '../db/records'
import { IMPORT_FIELDS } from '../import/field-synonyms'
import type { ImportCheck } from '../import/check-result'
import { documentSchema } from '../documents/schema'
import type { MemberWorkbookRead, SheetDefinitionRead } from '../rounds/round-files'
import type { ReceivedPackage } from '../exchange/package-format'
import {
  BACKUP_LIMIT,
  CHART_IMAGE_LIMIT,
  IMPORT_FILE_LIMIT,
  MEMBER_WORKBOOKS_LIMIT,
  PACKAGE_FILE_LIMIT,
  SAVED_FILE_LIMIT,
  utf8ByteLength,
  type PayloadLimit,
} from './payload-limits'

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes expected')

/** Where a refused payload's limit travels from the schema to `dispatch`, which words the refusal. */
export interface PayloadLimitParams {
  payloadLimit: PayloadLimit
}
const limitedBy = (limit: PayloadLimit) => ({
  params: { payloadLimit: limit } satisfies PayloadLimitParams,
})

/** Bytes of at most `limit.maxBytes`. */
const bytesWithin = (limit: PayloadLimit) =>
  bytes.refine((value) => value.byteLength <= limit.maxBytes, limitedBy(limit))

/**
 * Text of at most `limit.maxBytes` once encoded as UTF-8. A UTF-16 unit takes 1 to 3 bytes, so the
 * length alone settles most cases; only text in between is counted.
 */
const textWithin = (limit: PayloadLimit) =>
  z
    .string()
    .refine(
      (text) =>
        text.length * 3 <= limit.maxBytes ||
        (text.length <= limit.maxBytes && utf8ByteLength(text) <= limit.maxBytes),
      limitedBy(limit),
    )

const fileFilter = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10),
})

export const BACKUP_KINDS = ['manual', 'auto', 'pre-upgrade', 'pre-restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/**
 * A backup's content, for the write channels: one channel per kind, so the kind is never a field.
 * `utcOffset` is the page's offset from UTC in minutes, so the file is named in the clerk's clock.
 */
const backupContent = z.strictObject({
  content: textWithin(BACKUP_LIMIT).min(1),
  utcOffset: z.number().int().min(-720).max(840).optional(),
})

/** A backup file as main lists it; `name` is a bare file name inside the backup folder. */
export interface BackupEntry {
  name: string
  kind: BackupKind
  createdAt: string
  size: number
}

export interface AppInfo {
  version: string
  /** `electron` in the desktop app, `web` in the web host. */
  host: 'electron' | 'web'
  dataDir: string
  backupDir: string
  /** Where the copies of issued documents' files are kept, inside the data folder. */
  issuedDir: string
  /** The computer account the app runs under (named in change batches); empty when unknown. */
  user: string
}

export interface JobProgress {
  jobId: string
  stage: string
  done: number
  total: number
}

/** Commands from the application menu that the renderer carries out. */
export const MENU_COMMANDS = ['backup-now', 'open-settings', 'about'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** A bare file name: no folders, no traversal, so a name can never address a path. */
export const backupFileName = z
  .string()
  .max(120)
  .regex(/^ocop-desk-[a-z-]+-\d{8}-\d{6}([+-]\d{4})?(-\d+)?\.json$/)

/** Column index → field (null: ignore the column). */
const mappingOverride = z.record(z.string().regex(/^\d{1,4}$/), z.enum(IMPORT_FIELDS).nullable())

const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

/** A kept copy of an issued document's file: the document's id and the file's bare name. */
const keptFile = { documentId: z.uuid(), name: keptFileSchema.shape.name }
/** …with the SHA-256 it had when issued: a copy changed since then is refused. */
const keptFileChecked = z.object({ ...keptFile, sha256: keptFileSchema.shape.sha256 })

/**
 * The files of an evaluation round. A scoring sheet travels once and products name it by its place
 * in `sheets`: products of different groups may use different sheets, and most share one.
 */
const recordId = z.string().min(1).max(64)
const scoringSheet = scoringSheetSchema.pick({
  criteriaSetId: true,
  groupCodes: true,
  name: true,
  source: true,
  parts: true,
})
const sheetIndex = z.number().int().min(0).max(49)
const namesKnownSheets = (request: { sheets: unknown[]; products: { sheet: number }[] }) =>
  request.products.every((product) => product.sheet < request.sheets.length)
const memberWorkbookMember = z.object({
  id: recordId,
  name: z.string().min(1).max(200),
  /** As the sheet prints it: "Chủ tịch Hội đồng", "Ủy viên" … */
  role: z.string().max(100),
})
const memberWorkbookContent = z.object({
  round: z.object({
    id: recordId,
    name: z.string().min(1).max(300),
    criteriaSetName: z.string().max(300),
  }),
  sheets: z.array(scoringSheet).min(1).max(50),
  products: z
    .array(
      z.object({
        /** The product's entry in the round. */
        id: recordId,
        name: z.string().max(300),
        producer: z.string().max(300),
        unit: z.string().max(200),
        group: z.string().max(300),
        sheet: sheetIndex,
      }),
    )
    .min(1)
    .max(2000),
})
export type MemberWorkbookMember = z.infer<typeof memberWorkbookMember>
export type MemberWorkbookContent = z.infer<typeof memberWorkbookContent>

/** Filled workbooks to read: each at most the limit, and all of them together too. */
const memberWorkbookFiles = z
  .array(
    z.object({
      name: z.string().min(1).max(300),
      bytes: bytesWithin(MEMBER_WORKBOOKS_LIMIT),
    }),
  )
  .min(1)
  .max(100)
  .refine(
    (files) =>
      files.reduce((total, file) => total + file.bytes.byteLength, 0) <=
      MEMBER_WORKBOOKS_LIMIT.maxBytes,
    limitedBy(MEMBER_WORKBOOKS_LIMIT),
  )

/** Channel definitions. `dialog: true` channels are answered by the browser in the web host. */
export const contract = {
  'app.info': { method: 'appInfo', request: z.undefined(), dialog: false },
  'app.openExternal': {
    method: 'openExternal',
    request: z.object({ url: z.string().url().max(2000) }),
    dialog: false,
  },
  'file.open': {
    method: 'openFile',
    request: z.object({ title: z.string().max(200), filters: z.array(fileFilter).max(10) }),
    dialog: true,
  },
  /** Several files at once (a round's filled score workbooks); null when the clerk cancels. */
  'file.openMany': {
    method: 'openFiles',
    request: z.object({ title: z.string().max(200), filters: z.array(fileFilter).max(10) }),
    dialog: true,
  },
  'file.save': {
    method: 'saveFile',
    request: z.object({
      title: z.string().max(200),
      suggestedName: z.string().min(1).max(200),
      filters: z.array(fileFilter).max(10),
      bytes: bytesWithin(SAVED_FILE_LIMIT),
    }),
    dialog: true,
  },
  'backup.writeDaily': { method: 'writeDailyBackup', request: backupContent, dialog: false },
  'backup.writeBeforeRestore': {
    method: 'writeBackupBeforeRestore',
    request: backupContent,
    dialog: false,
  },
  'backup.writeBeforeUpgrade': {
    method: 'writeBackupBeforeUpgrade',
    request: backupContent,
    dialog: false,
  },
  'backup.writeManual': { method: 'writeManualBackup', request: backupContent, dialog: false },
  /** Whether today already has a daily backup that parses (a truncated one does not count). */
  'backup.hasDailyToday': { method: 'hasDailyBackupToday', request: z.undefined(), dialog: false },
  'backup.list': { method: 'listBackups', request: z.undefined(), dialog: false },
  'backup.read': {
    method: 'readBackup',
    request: z.object({ name: backupFileName }),
    dialog: false,
  },
  'excel.writeTemplate': {
    method: 'writeImportTemplate',
    request: z.object({ jobId }),
    dialog: false,
  },
  'report.printPdf': {
    method: 'printReportPdf',
    request: z.object({
      title: z.string().max(200),
      suggestedName: z.string().min(1).max(200),
      landscape: z.boolean(),
    }),
    dialog: true,
  },
  'import.check': {
    method: 'checkImportFile',
    request: z.object({
      jobId,
      fileName: z.string().min(1).max(300),
      bytes: bytesWithin(IMPORT_FILE_LIMIT),
      sheet: z.string().max(300).optional(),
      mapping: mappingOverride.optional(),
      /** Corrections remembered per header layout (mappingSourceKey → override). */
      remembered: z.record(z.string().max(5000), mappingOverride).optional(),
      units: z
        .array(
          z.object({
            id: z.string().max(64),
            name: z.string().max(200),
            kind: z.enum(UNIT_KINDS),
            validFrom: z.string().max(10).nullable(),
            validTo: z.string().max(10).nullable(),
          }),
        )
        .max(20_000),
      criteriaSets: z.array(criteriaSetSchema).max(100),
    }),
    dialog: false,
  },
  'report.writeXlsx': {
    method: 'writeReportXlsx',
    request: z.object({
      jobId,
      model: documentSchema,
      /** The plan report's star chart (PNG). */
      chartPng: bytesWithin(CHART_IMAGE_LIMIT).optional(),
      /** The whole document, or only its annexes (the tables that go with the Word report). */
      part: z.enum(['whole', 'annexes']).optional(),
    }),
    dialog: false,
  },
  'report.writeDocx': {
    method: 'writeReportDocx',
    request: z.object({
      jobId,
      model: documentSchema,
      chartPng: bytesWithin(CHART_IMAGE_LIMIT).optional(),
    }),
    dialog: false,
  },
  /** Keeps a copy of an issued document's file; `replace` only to recreate a lost or changed one. */
  'issued.keep': {
    method: 'keepIssuedFile',
    request: z.object({
      ...keptFile,
      bytes: bytesWithin(SAVED_FILE_LIMIT),
      replace: z.boolean().optional(),
    }),
    dialog: false,
  },
  'issued.read': { method: 'readIssuedFile', request: keptFileChecked, dialog: false },
  /** Every member's score workbook of a round, as one .zip to save. */
  'round.writeMemberWorkbooks': {
    method: 'writeMemberWorkbooks',
    request: memberWorkbookContent
      .extend({ jobId, members: z.array(memberWorkbookMember).min(1).max(60) })
      .refine(namesKnownSheets),
    dialog: false,
  },
  /** One member's score workbook (.xlsx), to print or send again. */
  'round.writeMemberWorkbook': {
    method: 'writeMemberWorkbook',
    request: memberWorkbookContent
      .extend({ jobId, member: memberWorkbookMember })
      .refine(namesKnownSheets),
    dialog: false,
  },
  /**
   * Filled score workbooks (.xlsx, or a .zip of them) read back: `entries` are the round's product
   * entries, each with its sheet's place in `sheets`.
   */
  'round.readMemberWorkbooks': {
    method: 'readMemberWorkbooks',
    request: z
      .object({
        jobId,
        roundId: recordId,
        sheets: z.array(scoringSheet).min(1).max(50),
        entries: z.array(z.object({ id: recordId, sheet: sheetIndex })).max(2000),
        files: memberWorkbookFiles,
      })
      .refine((request) => namesKnownSheets({ ...request, products: request.entries })),
    dialog: false,
  },
  /** The empty definition file of a full scoring sheet, with its instructions. */
  'round.writeSheetTemplate': {
    method: 'writeSheetTemplate',
    request: z.object({ jobId }),
    dialog: false,
  },
  /** A filled definition file, read and checked against the criteria set it names. */
  'round.readSheetDefinition': {
    method: 'readSheetDefinition',
    request: z.object({
      jobId,
      fileName: z.string().min(1).max(300),
      bytes: bytesWithin(IMPORT_FILE_LIMIT),
      criteriaSets: z.array(criteriaSetSchema).max(100),
    }),
    dialog: false,
  },
  /** A data package another office sent, read and checked whole before anything of it is used. */
  'package.read': {
    method: 'readPackage',
    request: z.object({
      jobId,
      fileName: z.string().min(1).max(300),
      bytes: bytesWithin(PACKAGE_FILE_LIMIT),
    }),
    dialog: false,
  },
  /** Opens a kept file in the program the system has for it; a browser downloads it instead. */
  'issued.open': { method: 'openIssuedFile', request: keptFileChecked, dialog: true },
} as const

/** Response types, by channel. */
export interface ResponseOf {
  'app.info': AppInfo
  'app.openExternal': { opened: boolean }
  'file.open': { name: string; bytes: Uint8Array } | null
  'file.openMany': { name: string; bytes: Uint8Array }[] | null
  'file.save': { saved: boolean; name?: string }
  'backup.writeDaily': BackupEntry
  'backup.writeBeforeRestore': BackupEntry
  'backup.writeBeforeUpgrade': BackupEntry
  'backup.writeManual': BackupEntry
  'backup.hasDailyToday': boolean
  'backup.list': BackupEntry[]
  'backup.read': { name: string; content: string }
  'excel.writeTemplate': { fileName: string; bytes: Uint8Array }
  'import.check': ImportCheck
  'report.writeXlsx': { fileName: string; bytes: Uint8Array }
  'report.writeDocx': { fileName: string; bytes: Uint8Array }
  'issued.keep': { name: string; size: number; sha256: string }
  'issued.read': { name: string; bytes: Uint8Array }
  'issued.open': { opened: boolean }
  'round.writeMemberWorkbooks': { fileName: string; bytes: Uint8Array }
  'round.writeMemberWorkbook': { fileName: string; bytes: Uint8Array }
  'round.readMemberWorkbooks': MemberWorkbookRead[]
  'round.writeSheetTemplate': { fileName: string; bytes: Uint8Array }
  'round.readSheetDefinition': SheetDefinitionRead
  'package.read': ReceivedPackage
  /** Electron saves a PDF of the page's print view; a browser opens its print dialog. */
  'report.printPdf': { saved: boolean; name?: string }
}

export type Channel = keyof typeof contract
export type RequestOf<C extends Channel> = z.infer<(typeof contract)[C]['request']>
export type MethodOf<C extends Channel> = (typeof contract)[C]['method']
export const CHANNELS = Object.keys(contract) as Channel[]

/** Events pushed from main to the renderer. */
export interface EventPayloads {
  'job.progress': JobProgress
  'menu.command': { command: MenuCommand }
}
export type EventName = keyof EventPayloads
export const EVENT_NAMES: EventName[] = ['job.progress', 'menu.command']

/** What every call returns across the boundary: errors are data, not thrown exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** `window.api` as the preload (or the web host client) exposes it: raw envelopes. */
export type RawApi = {
  [C in Channel as MethodOf<C>]: RequestOf<C> extends undefined
    ? () => Promise<Envelope<ResponseOf[C]>>
    : (request: RequestOf<C>) => Promise<Envelope<ResponseOf[C]>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** The API the renderer's stores use: envelopes unwrapped, failures thrown as AppError. */
export type Api = {
  [C in Channel as MethodOf<C>]: RequestOf<C> extends undefined
    ? () => Promise<ResponseOf[C]>
    : (request: RequestOf<C>) => Promise<ResponseOf[C]>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** Builds the named-function table from a transport; used by the preload and the web client. */
export function buildRawApi(
  invoke: (channel: Channel, request: unknown) => Promise<Envelope<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): RawApi {
  const api: Record<string, unknown> = {}
  for (const channel of CHANNELS) {
    api[contract[channel].method] = (request?: unknown) => invoke(channel, request)
  }
  api.on = subscribe
  return api as RawApi
}
