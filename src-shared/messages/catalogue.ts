/**
 * The messages the app gives the clerk, as codes with the values their sentences name. Code that
 * finds a problem (the import, backups, the IPC and web hosts, the Excel worker, the CLI, the
 * repositories, the report builder) emits a code and its params, never a sentence: the renderer
 * words it in the UI's language and the CLI in Vietnamese, both from the tables in vi.ts and
 * en.ts, through formatMessage. An AppError takes only the codes of ErrorMessageParams.
 */
import type { ErrorLocation } from '../errors'
import type { BackupKind } from '../ipc/contract'
import type { ChangeBatchKind } from '../db/records'
import type { ClosingProblem, CouncilLevel } from '../rounds/closing'
import type { MemberWorkbookCode } from '../rounds/round-files'
import type { SheetPlace } from '../rounds/sheets'

/** The languages the messages are written in; Vietnamese first. */
export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

type NoParams = Record<string, never>

/** A unit the clerk probably meant, for a row whose unit was not found. */
export interface UnitSuggestion {
  id: string
  name: string
}

/** Messages about one row of a commune file; `value` is the cell's text as written. */
export interface RowMessageParams {
  MISSING_PRODUCT: NoParams
  SCORE_OUT_OF_RANGE: { value: string }
  /** `part` ('A', 'B', 'C') for a part score, absent for the total. */
  SCORE_UNREADABLE: { value: string; part?: string }
  PART_ABOVE_MAX: { part: string; score: number; max: number; criteriaSet: string }
  STARS_OUT_OF_RANGE: { value: string }
  STARS_UNREADABLE: { value: string }
  YEAR_OUT_OF_RANGE: { value: string; firstYear: number }
  YEAR_UNREADABLE: { value: string }
  DATE_INVALID: { value: string }
  STARS_SCORE_MISMATCH: { score: number; computed: number; stars: number }
  /** Not in the catalogue at all, or not valid in the row's year; closest units first. */
  UNKNOWN_COMMUNE:
    | { reason: 'not-found'; value: string; suggestions: UnitSuggestion[] }
    | {
        reason: 'not-valid-then'
        value: string
        year: number | null
        suggestions: UnitSuggestion[]
      }
  MISSING_COMMUNE: NoParams
  UNKNOWN_PRODUCER_TYPE: { value: string }
  DUPLICATE_ROW: { firstRow: number }
  /** An Excel error value ('#REF!', '#N/A' …) where the field's value should be. */
  CELL_ERROR_VALUE: { value: string }
  /** A shared-string index the workbook's string table does not have. */
  CELL_MISSING_STRING: { index: number }
}

/** Messages about a whole commune file or its chosen sheet. */
export interface FileMessageParams {
  /** The file is a legacy .xls or a CSV whatever its extension says ('' when it has none). */
  FILE_RENAMED: { file: string; format: 'xls' | 'csv'; extension: string }
  NO_HEADER: NoParams
  NO_PRODUCT_COLUMN: { headerRows: number[] }
  NO_ROWS: { headerRows: number[] }
}

/** What a backup message is about: a file read for a restore, or content main is to write. */
export type BackupSubject = { file: string } | { writing: BackupKind }

/** A plan as a list of plans names it. */
export interface PlanName {
  id: string
  name: string
}

/** A revocation decision as a CLI error lists it: its number and date (dd/mm/yyyy). */
export interface RevocationName {
  number: string
  date: string
}

/** The Excel worker's jobs, by the names the job runner gives them; each is worded on its own. */
export type ExcelJobName =
  | 'import-check'
  | 'import-template'
  | 'report-xlsx'
  | 'report-docx'
  | 'backup-check'
  | 'member-workbooks-write'
  | 'member-workbooks-read'
  | 'sheet-template'
  | 'sheet-definition-read'
  | 'package-read'

/** A round as a list of rounds names it: what `--round` accepts, and what tells two apart. */
export interface RoundName {
  id: string
  name: string
  year: number
}

/** A record as a message names it: its table (each language words it) and its name, if it has one. */
export interface NamedRecord {
  table: string
  name: string
}

/** A change of the history of changes as a message names it: its summary and when it was made. */
export interface ChangeName {
  summary: string
  /** ISO timestamp. */
  at: string
}

/**
 * The record whose history of changes an error points to: the UI offers a link that opens
 * Lịch sử thay đổi filtered to it.
 */
export interface HistoryRecord {
  table: string
  id: string
}

/** Errors the clerk's data and the register's own rules raise. */
export interface DataErrorParams {
  internal: NoParams
  'db.newer': NoParams
  /** Backups hold the clerk's register: the practice register is never backed up. */
  'practice.no-backup': NoParams
  'producer.has-products': { producer: string; products: number }
  /** `plans`: the names of the plans whose targets name the product. */
  'product.in-plan': { product: string; plans: string[] }
  /** A product, or one of its evaluations, named by a revocation decision: the decision's numbers. */
  'product.revoked': { product: string; decisions: string[]; what: 'product' | 'evaluation' }
  /** A product named like another of the same producer, saved without the reason a clerk gives. */
  'product.duplicate': { product: string; producer: string }
  /** `by`: what the producer shares with `existing` (see domain/duplicates.ts). */
  'producer.duplicate': { producer: string; existing: string; by: 'tax-code' | 'name-in-unit' }
  'set-aside.refused':
    | { label: string; reason: 'gone' | 'id-taken' }
    | { label: string; reason: 'still-missing'; ids: string[] }
  /** `chosen`: a plan was chosen but is gone; otherwise none was chosen. */
  'report.plan-missing': { chosen: boolean }
  /** A write to a round that is closed: reopening it (undoing its closing) comes first. */
  'round.closed': { round: string }
  /** Scores for a product whose dossier lacks required items and has no override reason. */
  'round.scoring-blocked': { product: string; missing: string[] }
  /** A number already given in its yearly series to the issued document `subject`. */
  'issued.number-taken': { reference: string; signedOn: string; subject: string }
  /**
   * A change batch (`label`: "Nhập tệp …", "Đóng đợt …") that cannot be undone: `record` is what
   * was changed or added since (an edit of a record it wrote, an evaluation of a product it added,
   * a product of a producer it added), `later` the change that did it, and `historyRecord` where
   * Lịch sử thay đổi shows that change.
   */
  'batch.undo.refused':
    | { reason: 'not-found' }
    | { reason: 'already-undone'; label: string }
    | {
        reason: 'edited-later' | 'evaluated-later' | 'product-added-later'
        label: string
        record: NamedRecord
        later: ChangeName | null
        historyRecord: HistoryRecord
      }
    /** `by`, added later, refers to `record`, which the batch added. */
    | {
        reason: 'referred-later'
        label: string
        record: NamedRecord
        by: NamedRecord
        later: ChangeName | null
        historyRecord: HistoryRecord
      }
  /** A change of Lịch sử thay đổi that cannot be reverted, and why. */
  'history.revert.refused':
    | { reason: 'not-found' | 'no-images' }
    /**
     * `label`: the change batch the change belongs to; `kind` says where it is undone, and
     * `roundId` which round's page when it is a round's.
     */
    | { reason: 'in-batch'; label: string; kind: ChangeBatchKind; roundId: string | null }
    | {
        reason: 'changed-later'
        record: NamedRecord
        later: ChangeName | null
        historyRecord: HistoryRecord
      }
    | { reason: 'referred'; record: NamedRecord; by: NamedRecord; historyRecord: HistoryRecord }
    | {
        reason: 'missing-reference'
        record: NamedRecord
        missing: NamedRecord
        historyRecord: HistoryRecord
      }
}

/** Errors of closing an evaluation round, entering decisions on it, and reopening it. */
export interface RoundErrorParams {
  /** The round a close, a decision or a reopening names is not in the register. */
  'round.not-found': NoParams
  /**
   * A round that cannot close (`round`: its name): closed already, without products, or with
   * products whose result is not settled (`product`: its name, with what keeps it).
   */
  'round.close.refused':
    | { reason: 'closed' | 'empty'; round: string }
    | {
        reason: 'not-ready'
        round: string
        products: { product: string; problems: ClosingProblem[] }[]
      }
  /** A decision entered against a round whose number or date cannot be taken. */
  'round.decision.invalid':
    | { round: string; problem: 'no-number' }
    | { round: string; problem: 'bad-date'; date: string }
    | { round: string; problem: 'before-meeting'; date: string; meetingDate: string }
  /**
   * The lines of a decision that cannot be entered: the round is not closed, there are none, or
   * `products` are not awaiting a decision of `level`, are named twice, or get stars a decision
   * does not recognise (3★-5★ only); `entryIds`: lines naming no product of the round.
   */
  'round.decision.refused':
    | { reason: 'not-closed' | 'no-lines'; round: string }
    | {
        reason: 'not-awaiting' | 'not-its-rank'
        round: string
        level: CouncilLevel
        products: string[]
      }
    | { reason: 'twice' | 'bad-stars'; round: string; products: string[] }
    | { reason: 'unknown-entries'; round: string; entryIds: string[] }
  /**
   * A revocation decision that cannot be recorded (`number`: its number as entered): no number, a
   * date that is not one, no certificates, a higher level's decision without its signing body, a
   * product named twice, a line whose evaluation is gone or gave no certificate, a certificate
   * given after the decision's date, or one a decision on or before that date already revokes;
   * `bad-days`: the draft's days are not a whole number.
   */
  'revocation.refused':
    | { reason: 'no-number' }
    | { reason: 'bad-date'; date: string }
    | { reason: 'no-lines' | 'no-signer'; number: string }
    | { reason: 'twice' | 'no-certificate'; number: string; products: string[] }
    | { reason: 'certified-later'; number: string; date: string; products: string[] }
    | {
        reason: 'already-revoked'
        number: string
        revoked: { product: string; number: string; date: string }[]
      }
    | { reason: 'bad-days'; days: string }
  /** A round that cannot reopen: not closed, or a decision entered against it still stands. */
  'round.reopen.refused':
    | { reason: 'not-closed'; round: string }
    | {
        reason: 'decision-stands'
        round: string
        level: CouncilLevel
        decisionNo: string
        decisionDate: string
      }
  /**
   * A member's score workbook the round does not take (`round`: its name): the round is closed,
   * the workbook is not one of this round's, its member is not in the council, or it scores a
   * product no longer entered in the round.
   */
  'round.scores.refused': {
    file: string
    archive: string | null
    round: string
    reason: 'closed' | 'not-this-round' | 'member-unknown' | 'product-unknown'
  }
  /** The round's scores or products changed between the preview of `member`'s workbook and its commit. */
  'round.scores.stale': { file: string; archive: string | null; round: string; member: string }
}

/** Errors of a commune file that no reader should open or that cannot be read whole. */
export interface ImportErrorParams {
  'import.file.empty': { file: string }
  'import.file.too-large': { file: string; bytes: number; maxBytes: number }
  'import.file.corrupt': { file: string }
  /** `part`: the workbook part the zip should hold, e.g. `xl/workbook.xml`. */
  'import.file.no-workbook': { file: string; part: string }
  'import.file.encrypted': { file: string }
  /** A binary Excel workbook (.xlsb), the one spreadsheet format the reader does not read. */
  'import.file.unsupported': { file: string }
  'import.file.unknown': { file: string }
  'import.read.too-many-rows': { file: string; sheet?: string; maxRows: number }
  'import.read.too-many-cells': { file: string; sheet?: string; maxCells: number }
  'import.read.timeout': { file: string; seconds: number }
  'import.read.no-sheets': { file: string }
  'import.read.csv-quotes': { file: string }
  'import.read.failed': { file: string; sheet?: string }
  /** The sheet the clerk chose is not in the file; `sheets` are the ones it has. */
  'import.sheet.missing': { file: string; sheet: string; sheets: string[] }
  'import.commit.stale': NoParams
}

/** Errors of backup files: checking their content, and the backup folder. */
export interface BackupErrorParams {
  'backup.empty': { subject: BackupSubject }
  'backup.foreign': { subject: BackupSubject }
  'backup.unsupported': { subject: BackupSubject }
  'backup.newer': { subject: BackupSubject; schemaVersion: number }
  'backup.checksum-mismatch': { subject: BackupSubject }
  'backup.corrupt':
    | { subject: BackupSubject; problem: 'unreadable' | 'no-tables' }
    | { subject: BackupSubject; problem: 'missing-table'; table: string }
  /** `record`: the record's place in its table, from 1. */
  'backup.invalid-record': { subject: BackupSubject; table: string; record: number }
  /** Content sent to be written as a backup of `expected` says it is of kind `found`. */
  'backup.wrong-kind': { expected: BackupKind; found: string }
  'backup.write-failed': { folder: string }
  'backup.list-failed': { folder: string }
  'backup.bad-name': { name: string }
  'backup.not-found': { name: string; folder: string }
  /** Over the size a backup may have, or too long for a string (`maxBytes` null). */
  'backup.too-large': { name: string; maxBytes: number | null }
  'backup.read-failed': { name: string; folder: string }
}

/**
 * What a council must see about a product's result before it proposes stars (rounds/results.ts):
 * members who have not scored every part, the spread between members' totals, the quorum, the
 * chair, and stars capped by a mandatory criterion missed.
 */
export interface RoundResultMessageParams {
  'round-result.missing': { members: string[] }
  'round-result.spread': { difference: number; max: number }
  'round-result.no-quorum': { scored: number; required: number }
  'round-result.no-chair': NoParams
  'round-result.capped': { fromStars: number; computedStars: number }
}

/** What a payload over its size limit was (see payload-limits.ts); `request`: a web host call. */
export type PayloadKind =
  | 'import-file'
  | 'backup'
  | 'saved-file'
  | 'chart-image'
  | 'request'
  | 'member-workbooks'
  | 'package-file'

/** Errors between the renderer and main: calls refused, files opened and saved, the Excel worker. */
export interface HostErrorParams {
  'ipc.unknown-channel': NoParams
  'ipc.invalid-payload': NoParams
  'ipc.too-large': { payload: PayloadKind; maxBytes: number }
  'ipc.bad-json': NoParams
  'ipc.foreign-sender': NoParams
  'ipc.foreign-origin': NoParams
  'ipc.no-access': NoParams
  /** `busy`: another program holds the port; `suggestedPort`: one the clerk may try. */
  'web.port-unavailable': { port: number; busy: boolean; suggestedPort: number }
  /** `locked`: held by another program or not allowed; `gone`: not found; else unreadable. */
  'file.read-failed': { file: string; problem: 'locked' | 'gone' | 'unreadable' }
  'file.not-a-file': { file: string }
  /** `bytes`: the file's size when it was known before reading. */
  'file.too-large': { file: string; bytes?: number; maxBytes: number }
  'file.write-failed': { file: string; busy: boolean }
  /** Copies of issued documents, in the data folder's `folder`. */
  'issued.exists': { file: string; folder: string }
  'issued.missing': { file: string; folder: string }
  'issued.changed': { file: string; folder: string }
  'issued.open-failed': { file: string; folder: string }
  'job.worker-stopped': NoParams
  /** `job` null: a name this build does not know, worded generally. */
  'job.timeout': { job: ExcelJobName | null; seconds: number }
  'job.cancelled': NoParams
  'job.runner-closed': NoParams
  'job.worker-missing': { workerFile: string }
  'job.bad-input': NoParams
  'job.unknown': NoParams
}

/** Errors of the command line (`npm run ocop`), which prints them in Vietnamese. */
export interface CliErrorParams {
  'cli.file-unreadable': { file: string; reason: 'missing' | 'folder' | 'unreadable' }
  'cli.folder-missing': { folder: string }
  'cli.write-failed': { file: string }
  'cli.file-exists': { file: string }
  'cli.data-unreadable': { file: string; missing: boolean }
  'cli.plan-missing': NoParams
  /** Several plans and none named (`wanted` null), or several whose names hold `wanted`. */
  'cli.plan-ambiguous': { wanted: string | null; plans: PlanName[] }
  'cli.plan-unknown': { wanted: string; plans: PlanName[] }
  'cli.units-unreadable': { file: string }
  'cli.revocation-missing': NoParams
  /** No decision has that number; `decisions`: all of them. */
  'cli.revocation-unknown': { wanted: string; decisions: RevocationName[] }
  /** --number or --signed given for a decision the office signs, which has its own. */
  'cli.revocation-numbered': { number: string }
  'cli.round-missing': NoParams
  /** No round has that id or name; `rounds`: all of them. */
  'cli.round-unknown': { wanted: string; rounds: RoundName[] }
  /** Several rounds share the name. */
  'cli.round-ambiguous': { wanted: string; rounds: RoundName[] }
  /** The round's criteria set is not in the data file. */
  'cli.round-no-set': { round: string; setId: string }
  /** The --sheets folder cannot be listed, or holds no .xlsx file. */
  'cli.sheets-folder': { folder: string; problem: 'unreadable' | 'empty' }
  /**
   * A workbook of the --sheets folder that cannot stand for its member's scores: not a member's
   * score workbook, of another round (`round`: its name when the data file has it, else its id),
   * of a member not in the round, a second one for the same member (`other`), naming a product no
   * longer in the round, or with cells that cannot be read (`problems`: each as the app's import
   * words it, naming the file, sheet and cell).
   */
  'cli.member-workbook':
    | { file: string; reason: 'unreadable' | 'foreign' | 'member-unknown' | 'product-unknown' }
    | { file: string; reason: 'other-round'; round: string }
    | { file: string; reason: 'twice'; other: string }
    | { file: string; reason: 'cells'; problems: Message<MemberWorkbookCode>[] }
}

/** Errors of a units list (CSV), read at the first start or by `ocop check --units`. */
export interface UnitsListErrorParams {
  'units-list.encoding': { file: string }
  'units-list.no-name': { file: string }
  'units-list.empty': { file: string }
  /** `line`: the line of the units list, from 1 with its header line. */
  'units-list.kind': { file: string; line: number; value: string }
  'units-list.date': {
    file: string
    line: number
    column: 'valid_from' | 'valid_to'
    value: string
  }
  'units-list.code': { file: string; line: number; value: string }
  'units-list.dates-order': { file: string; line: number }
  /** The same code, name and start date as the unit on `firstLine`. */
  'units-list.duplicate': { file: string; line: number; firstLine: number }
}

/** A council member's score workbook as a message names it: the file, and the .zip it came in. */
export interface WorkbookFile {
  file: string
  /** The .zip the workbook was read from; null when it was chosen by itself. */
  archive: string | null
}

/** Why a file could not be read as a workbook: '.xls', '.ods', '.csv' … are 'other-format'. */
export type WorkbookUnreadable = 'empty' | 'too-large' | 'encrypted' | 'corrupt' | 'other-format'

/** The kind of line of a scoring sheet's definition file, as the clerk writes it. */
export type DefinitionLineKind = 'Phần' | 'Mục' | 'Tiêu chí' | 'Lựa chọn'

/** Sentences for each code of a group of `params`: how a language words that group. */
export type MessagesOf<P> = { [C in keyof P]: (params: P[C]) => string }

/**
 * Problems of the files of an evaluation round: a member's filled score workbook (each names its
 * file, sheet and cell), and a scoring sheet's definition file, whose row problems and sheet
 * problems (sums, maxima, options) open with the file, sheet and row as their `where`.
 */
export interface RoundFileMessageParams {
  'member-workbook.unreadable': WorkbookFile & { reason: WorkbookUnreadable }
  /** A readable workbook without the hidden sheet that names the round and the member. */
  'member-workbook.foreign': WorkbookFile
  'member-workbook.other-round': WorkbookFile
  /** A .zip that holds no .xlsx file. */
  'member-workbook.no-workbooks': { file: string }
  'member-workbook.sheet-missing': WorkbookFile & { sheet: string }
  /** The sheet's lines are not those of the product's scoring sheet any more. */
  'member-workbook.sheet-changed': WorkbookFile & { sheet: string }
  /** The sheet's product is no longer entered in the round. */
  'member-workbook.product-unknown': WorkbookFile & { sheet: string }
  'member-workbook.not-number': WorkbookFile & { sheet: string; cell: string; text: string }
  'member-workbook.out-of-range': WorkbookFile & {
    sheet: string
    cell: string
    value: number
    max: number
  }
  'sheet-definition.unreadable': { file: string; reason: WorkbookUnreadable }
  'sheet-definition.no-sheet': { file: string; sheet: string }
  /** `setId` '' when none is written; `sets`: the codes the app has. */
  'sheet-definition.unknown-set': { setId: string; sets: string[] }
  'sheet-definition.line-kind': { text: string }
  'sheet-definition.no-code': NoParams
  'sheet-definition.not-number': { column: string; text: string }
  /** A line not under a line of the kind it belongs to (a Mục before any Phần …). */
  'sheet-definition.misplaced': { kind: DefinitionLineKind }
  'scoring-sheet.part-unknown': { at: SheetPlace }
  'scoring-sheet.part-missing': { at: SheetPlace }
  'scoring-sheet.part-max': { at: SheetPlace; max: number; setMax: number }
  'scoring-sheet.sections-sum': { at: SheetPlace; sum: number; max: number }
  'scoring-sheet.criteria-sum': { at: SheetPlace; sum: number; max: number }
  'scoring-sheet.no-options': { at: SheetPlace }
  'scoring-sheet.option-points': { at: SheetPlace; points: number; max: number }
  'scoring-sheet.mandatory-level': { at: SheetPlace; level: number }
  'scoring-sheet.duplicate-code': { at: SheetPlace }
}

/** Why a data package could not be read; `part` names the zip entry at fault. */
export type PackageUnreadable =
  'not-zip' | 'too-large' | 'no-manifest' | 'manifest' | 'missing-part' | 'extra-part' | 'bad-part'

/** Problems of a data package between offices, and of the records another office owns. */
export interface PackageErrorParams {
  'package.unreadable': { file: string; reason: PackageUnreadable; part?: string }
  'package.newer-format': { file: string; version: number; supported: number }
  'package.signature': { file: string }
  'package.checksum': { file: string; part: string }
  /** `record`: its place in the table's part, from 1. */
  'package.record-invalid': { file: string; table: string; record: number }
  'package.own': { file: string }
  'package.other-recipient': { file: string; recipient: string }
  /** A package claims an office this register knows, but is signed with another key. */
  'package.key-mismatch': { file: string; office: string }
  /** A change package whose base this office has not merged; `baseCreatedAt` names it. */
  'package.missing-base': { file: string; office: string; baseCreatedAt: string }
  'package.no-identity': NoParams
  /** The register's identity is held by another install (a backup restored on a second PC). */
  'package.other-install': NoParams
  'package.practice': NoParams
  'package.stale': NoParams
  /** An edit of a record another office owns; `office` its name, '' where it was not at hand. */
  'record.foreign': { record: NamedRecord; office: string }
}

/**
 * Why a record of a data package is not written (exchange/merge.ts): `target`, `by.table` are
 * table names, which each language words as its record nouns.
 */
export interface PackageRefusalParams {
  'merge.own-record': NoParams
  'merge.older-revision': NoParams
  'merge.missing-reference': { field: string; target: string }
  'merge.still-referred': { by: NamedRecord }
}

/** The sentences of AppErrors, by their code. */
export interface ErrorMessageParams
  extends
    PackageErrorParams,
    DataErrorParams,
    RoundErrorParams,
    ImportErrorParams,
    BackupErrorParams,
    HostErrorParams,
    CliErrorParams,
    UnitsListErrorParams {}

/** Every code of the catalogue with the params its sentence names. */
export interface MessageParams
  extends
    RowMessageParams,
    FileMessageParams,
    ErrorMessageParams,
    RoundFileMessageParams,
    RoundResultMessageParams,
    PackageRefusalParams {}

export type MessageCode = keyof MessageParams
export type RowMessageCode = keyof RowMessageParams
export type FileMessageCode = keyof FileMessageParams
export type ErrorMessageCode = keyof ErrorMessageParams

/**
 * A message of the catalogue: a code with its params (checked against the code), and where it
 * applies, which opens its sentence ("Tệp …, trang …, dòng …, cột … (label): ").
 */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: { code: K; params: MessageParams[K]; where?: ErrorLocation }
}[C]

/** How one language words every message, and the location that opens a sentence. */
export interface MessageTable {
  location: (where: ErrorLocation) => string
  messages: { [C in MessageCode]: (params: MessageParams[C]) => string }
}
