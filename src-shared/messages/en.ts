/** The catalogue in English, for the UI's second language; the same codes as vi.ts. */
import type { BackupKind } from '../ipc/contract'
import type { ChangeBatchKind } from '../db/records'
import type {
  BackupSubject,
  ChangeName,
  ErrorMessageParams,
  DefinitionLineKind,
  ExcelJobName,
  MessagesOf,
  MessageTable,
  NamedRecord,
  PackageErrorParams,
  PackageRefusalParams,
  PackageUnreadable,
  PayloadKind,
  PlanName,
  RoundErrorParams,
  RoundFileMessageParams,
  RoundName,
  UnitSuggestion,
  WorkbookFile,
  WorkbookUnreadable,
  RevocationName,
} from './catalogue'
import type { SheetPlace } from '../rounds/sheets'
import { count, megabytes, moment } from './numbers'
import { formatViDate } from '../dates'
import type { ClosingProblem, CouncilLevel } from '../rounds/closing'

/** 72.5 → '72.5', 60 → '60.0'. */
function decimal(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n)
}

const mb = (bytes: number): string => megabytes(bytes, 'en')

const names = (units: readonly UnitSuggestion[]): string => units.map((u) => u.name).join('; ')

const RECORD_NOUNS: Readonly<Record<string, string>> = {
  units: 'the unit',
  producers: 'the producer',
  products: 'the product',
  evaluations: 'the evaluation',
  criteriaSets: 'the criteria set',
  plans: 'the plan',
  planTargets: 'the plan target',
  settings: 'the office details',
  setAside: 'the record in the To resolve list',
  scoringSheets: 'the scoring sheet',
  rounds: 'the evaluation round',
  roundMembers: 'the council member',
  roundEntries: 'the product registered for evaluation',
  roundScores: 'the score',
  offices: 'the office',
  packages: 'the data package',
}

/** 'the product "Gà Đông Tảo"': a record by what it is and its name. */
const named = (record: NamedRecord): string => {
  const noun = RECORD_NOUNS[record.table] ?? 'the record'
  return record.name === '' ? noun : `${noun} "${record.name}"`
}

/** ' (Sửa sản phẩm Gà Đông Tảo, at 14:05, 12/03/2025)': the change that did it, when known. */
const byChange = (change: ChangeName | null): string =>
  change === null ? '' : ` (${change.summary}, at ${moment(change.at, 'en')})`

function undoRefusal(params: ErrorMessageParams['batch.undo.refused']): string {
  if (params.reason === 'not-found') return 'Cannot undo: this action is not in the history.'
  const refused = `Cannot undo "${params.label}": `
  switch (params.reason) {
    case 'already-undone':
      return `${refused}it has been undone already.`
    case 'evaluated-later':
      return `${refused}${named(params.record)}, which it added, has an evaluation added since${byChange(params.later)}. Revert that change in Change history (or delete that evaluation), then undo again.`
    case 'edited-later':
      return `${refused}${named(params.record)} was edited since${byChange(params.later)}. Revert that change in Change history (or correct by hand), then undo again.`
    case 'product-added-later':
      return `${refused}a producer it added has ${named(params.record)} added since${byChange(params.later)}. Revert that change in Change history (or move the product to another producer), then undo again.`
    case 'referred-later':
      return `${refused}${named(params.record)}, which it added, is used by ${named(params.by)} since${byChange(params.later)}. Revert that change in Change history, then undo again.`
  }
}

/** Where a change batch of `kind` is undone as a whole. */
const BATCH_PLACE: Record<ChangeBatchKind, string> = {
  import: 'Import data (Import history)',
  'round-scores': "the evaluation round's page",
  'round-close': "the evaluation round's page",
  'round-decision': "the evaluation round's page",
  'package-merge': 'Data exchange (Receive data)',
  revocation: 'Certificate revocations (Stars, Certificates tab)',
}

function revertRefusal(params: ErrorMessageParams['history.revert.refused']): string {
  switch (params.reason) {
    case 'not-found':
      return 'This change cannot be reverted: it is no longer in the change history.'
    case 'no-images':
      return 'This change cannot be reverted: its history line does not keep the record as it was before and after. Correct by hand if needed.'
    case 'in-batch':
      return `This change belongs to "${params.label}": that is undone only as a whole, in ${BATCH_PLACE[params.kind]}.`
    case 'changed-later':
      return `This change cannot be reverted: ${named(params.record)} was changed after it${byChange(params.later)}. Revert that later change first (or correct by hand). No data was changed.`
    case 'referred':
      return `This change cannot be reverted: reverting it would delete ${named(params.record)}, but ${named(params.by)} refers to it. Revert the adding of ${named(params.by)} (or delete or move it) first. No data was changed.`
    case 'missing-reference':
      return `This change cannot be reverted: ${named(params.record)} refers to ${named(params.missing)}, which is no longer in the data. Restore ${named(params.missing)} first. No data was changed.`
  }
}

function setAsideRefusal(params: ErrorMessageParams['set-aside.refused']): string {
  const { label } = params
  switch (params.reason) {
    case 'gone':
      return `"${label}" is no longer in the To resolve list.`
    case 'still-missing': {
      const ids = params.ids.map((id) => `"${id}"`).join(', ')
      return `"${label}" still refers to records that are not in the data (${ids}). Restore or put back those records first, or delete "${label}".`
    }
    case 'id-taken':
      return `The data already has a record with the same id as "${label}". Delete "${label}" from the To resolve list if it is no longer needed.`
  }
}

/** A commune file, and its sheet when the problem is in one. */
const fileAndSheet = (file: string, sheet?: string): string =>
  sheet === undefined ? `The file "${file}"` : `The file "${file}", sheet "${sheet}",`

const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  auto: 'daily automatic',
  'pre-restore': 'before-restore',
  'pre-upgrade': 'before-upgrade',
  manual: 'manual',
}

const backupSubject = (subject: BackupSubject): string =>
  'file' in subject
    ? `The file "${subject.file}"`
    : `The ${BACKUP_KIND_LABELS[subject.writing]} backup`

/** What the clerk does next: choose another file to restore, or back up again. */
const backupNextStep = (subject: BackupSubject): string =>
  'file' in subject
    ? 'The current data has not been changed. Choose another backup file (a .json file made by OCOP Desk).'
    : 'No file was written; the data in the app is intact. Try backing up again; if it happens again, send the log to technical support.'

/** The backup's subject, what is wrong with it, and what to do next, as one message. */
const aboutBackup = (subject: BackupSubject, problem: string): string =>
  `${backupSubject(subject)} ${problem} ${backupNextStep(subject)}`

function backupCorruption(params: ErrorMessageParams['backup.corrupt']): string {
  switch (params.problem) {
    case 'unreadable':
      return aboutBackup(params.subject, 'is damaged or cut short, so it cannot be read.')
    case 'no-tables':
      return aboutBackup(params.subject, 'has no data section.')
    case 'missing-table':
      return aboutBackup(params.subject, `has no table "${params.table}".`)
  }
}

const REQUEST_REFUSED =
  "A request to the app's back end was not valid, so it was refused. No data was changed."

function payloadTooLarge(payload: PayloadKind, maxBytes: number): string {
  const limit = mb(maxBytes)
  const sendLog = 'The data in the app is intact. Send the log to technical support for help.'
  switch (payload) {
    case 'import-file':
      return `The file to import is larger than ${limit} MB, so it was not read. Delete the sheets you do not need or split the list into smaller files, then import again. No data was changed.`
    case 'backup':
      return `The backup is larger than ${limit} MB, so it was not written. ${sendLog}`
    case 'saved-file':
      return `The file to save is larger than ${limit} MB, so it was not saved. ${sendLog}`
    case 'chart-image':
      return `The chart image is larger than ${limit} MB, so the report was not made. Make the window smaller, then export the report again.`
    case 'request':
      return `A request to the app's back end was larger than ${limit} MB, so it was refused. No data was changed.`
    case 'package-file':
      return `The data package is larger than ${limit} MB, so it was not read. Ask the sending office for smaller change packages. No data was changed.`
    case 'member-workbooks':
      return `The score workbooks chosen add up to more than ${limit} MB, so they were not read. Choose fewer files at a time (one member's, for instance), then import again. No data was changed.`
  }
}

const SEND_LOG = 'send the log to technical support.'
const TRY_AGAIN = `Try again; if it happens again, ${SEND_LOG}`

/** Each Excel job as a clerk knows it, and what to do when it took too long. */
const TIMED_OUT_JOBS: Record<ExcelJobName, { work: string; advice: string }> = {
  'import-check': {
    work: 'Reading the file to import',
    advice:
      'Open the file in Excel, delete the sheets and columns you do not need, save it as .xlsx, then import again; if it is still too slow, split the list into smaller files.',
  },
  'import-template': {
    work: 'Making the import template',
    advice: `Close some open programs, then download the template again; if it happens again, ${SEND_LOG}`,
  },
  'report-xlsx': {
    work: 'Exporting the report to Excel',
    advice: `Close some open programs, then export again; if it happens again, ${SEND_LOG}`,
  },
  'report-docx': {
    work: 'Exporting the report to Word',
    advice: `Close some open programs, then export again; if it happens again, ${SEND_LOG}`,
  },
  'backup-check': {
    work: 'Checking the backup',
    advice: `No file was written. Close some open programs, then back up again; if it happens again, ${SEND_LOG}`,
  },
  'member-workbooks-write': {
    work: "Saving the members' score workbooks",
    advice: `Close some open programs, then save again; if it happens again, ${SEND_LOG}`,
  },
  'member-workbooks-read': {
    work: "Reading the members' score workbooks",
    advice:
      "No score was imported. Choose fewer files at a time (one member's, for instance), then import again.",
  },
  'sheet-template': {
    work: 'Making the scoring sheet template',
    advice: `Close some open programs, then download the template again; if it happens again, ${SEND_LOG}`,
  },
  'sheet-definition-read': {
    work: 'Reading the scoring sheet definition file',
    advice:
      'No sheet was loaded. Open the file in Excel, delete the sheets and lines you do not need, save it, then load it again.',
  },
  'package-read': {
    work: 'Reading and checking the data package',
    advice: `Nothing was written. Close some open programs, then receive the package again; if it happens again, ${SEND_LOG}`,
  },
}
const TIMED_OUT_OTHER = { work: 'The Excel task', advice: TRY_AGAIN }

/** One plan a line, with its id first: what `--plan` accepts. */
const planList = (plans: readonly PlanName[]): string =>
  plans.map((p) => `  ${p.id}  ${p.name}`).join('\n')

/** One decision a line, its number first: what `--decision` accepts. */
const revocationList = (decisions: readonly RevocationName[]): string =>
  decisions.map((d) => `  ${d.number}  of ${d.date}`).join('\n')

/** One round a line, with its id first: what `--round` accepts. */
const roundList = (rounds: readonly RoundName[]): string =>
  rounds.map((r) => `  ${r.id}  ${r.name} (${r.year})`).join('\n')

const unitsList = (file: string, line: number): string => `Units list "${file}", line ${line}`

/** A council level inside a sentence: "of the province". */
const LEVELS: Record<CouncilLevel, string> = {
  xa: 'the commune',
  huyen: 'the district',
  tinh: 'the province',
  'trung-uong': 'the central level',
}

const UNCHANGED = 'No data was changed.'

const productList = (products: readonly string[]): string =>
  products.map((product) => `"${product}"`).join(', ')

/** What keeps one product from closing, and what to do about it. */
function closingProblem(problem: ClosingProblem): string {
  switch (problem.code) {
    case 'no-result':
      return 'no member has scored every part yet; enter the scores'
    case 'missing':
      return `${problem.members.join(', ')} have not scored every part; enter their scores`
    case 'no-quorum':
      return `only ${problem.scored} members scored it, at least ${problem.required} are needed`
    case 'no-chair':
      return 'the chair has not scored it'
    case 'spread':
      return `the members' totals differ by ${count(problem.difference, 'en')} points, more than the ${count(problem.max, 'en')} allowed: the council discusses and scores again (enter the next pass)`
    case 'no-reason':
      return `the council proposes ${problem.proposed} stars instead of the ${problem.computed} of the score without a reason: write the reason or propose the score's stars`
    case 'dossier-incomplete':
      return `it was scored without ${problem.missing.join(', ')} in its dossier and no reason is written: update the dossier or write the reason`
  }
}

/** Closing a round, entering the decisions on its products, and reopening it. */
const ROUND_MESSAGES: {
  [C in keyof RoundErrorParams]: (params: RoundErrorParams[C]) => string
} = {
  'round.not-found': () =>
    `This evaluation round is not in the data (it may have been deleted, or the data was just restored). Open the list of rounds again. ${UNCHANGED}`,
  'round.close.refused': (params) => {
    switch (params.reason) {
      case 'closed':
        return `The round "${params.round}" is closed already. ${UNCHANGED}`
      case 'empty':
        return `The round "${params.round}" has no products, so it cannot be closed. Add products and enter their scores first. ${UNCHANGED}`
      case 'not-ready': {
        const products = params.products.map(
          ({ product, problems }) =>
            `The product "${product}": ${problems.map(closingProblem).join('; ')}.`,
        )
        return `The round "${params.round}" cannot be closed yet. ${products.join(' ')} ${UNCHANGED}`
      }
    }
  },
  'round.decision.invalid': (params) => {
    switch (params.problem) {
      case 'no-number':
        return `The decision for the round "${params.round}" has no number. Write its number, e.g. 1358/QĐ-UBND. ${UNCHANGED}`
      case 'bad-date':
        return `The decision date "${params.date}" is not a date. Choose the day the decision was signed. ${UNCHANGED}`
      case 'before-meeting':
        return `The decision date ${formatViDate(params.date)} is before the council of the round "${params.round}" met (${formatViDate(params.meetingDate)}). Check the day the decision was signed. ${UNCHANGED}`
    }
  },
  'round.decision.refused': (params) => {
    switch (params.reason) {
      case 'not-closed':
        return `The round "${params.round}" is not closed, so no decision can be entered. Close the round first. ${UNCHANGED}`
      case 'no-lines':
        return `The decision names no product. Choose the products of the round "${params.round}" it recognises or does not recognise. ${UNCHANGED}`
      case 'not-awaiting':
        return `The products ${productList(params.products)} of the round "${params.round}" are not awaiting a decision of ${LEVELS[params.level]} (they have their result, or were proposed to another level). Leave them out of the decision. ${UNCHANGED}`
      case 'not-its-rank':
        return `The products ${productList(params.products)}: under the round's criteria set, ${LEVELS[params.level]} does not recognise the stars given. Enter the decision of the level that does, or correct the stars. ${UNCHANGED}`
      case 'twice':
        return `The products ${productList(params.products)} are named twice in the decision. Give each product one line. ${UNCHANGED}`
      case 'bad-stars':
        return `The products ${productList(params.products)}: a decision recognises 3 to 5 stars only. Correct the stars, or mark them not recognised. ${UNCHANGED}`
      case 'unknown-entries':
        return `The decision has ${params.entryIds.length} lines for no product of the round "${params.round}" (a product may have left the round). Open the round's page again and enter the decision again. ${UNCHANGED}`
    }
  },
  'revocation.refused': (params) => {
    switch (params.reason) {
      case 'no-number':
        return `The revocation decision has no number. Enter its number, e.g. 12/QĐ-UBND. ${UNCHANGED}`
      case 'bad-date':
        return `The revocation decision's date "${params.date}" is not a date. Choose the day it was signed. ${UNCHANGED}`
      case 'no-lines':
        return `The revocation decision ${params.number} names no certificate. Draft one or add the products to revoke. ${UNCHANGED}`
      case 'no-signer':
        return `The revocation decision ${params.number} is signed by a higher level, but its signing body is not named. Enter it, e.g. Ủy ban nhân dân tỉnh Hưng Yên: the proposal is addressed to it. ${UNCHANGED}`
      case 'twice':
        return `The products ${productList(params.products)} are named twice in the revocation decision ${params.number}. Give each product one line. ${UNCHANGED}`
      case 'no-certificate':
        return `The products ${productList(params.products)} have no OCOP certificate (3-5 stars with a recognition decision) to revoke, or that evaluation is no longer in the register. Leave them out of decision ${params.number}. ${UNCHANGED}`
      case 'certified-later':
        return `The products ${productList(params.products)} were recognised after ${formatViDate(params.date)}, the date of revocation decision ${params.number}. Check the decision's date, or leave them out. ${UNCHANGED}`
      case 'already-revoked':
        return `The certificates of ${params.revoked.map((r) => `"${r.product}" were revoked by decision ${r.number} of ${formatViDate(r.date)}`).join('; ')}. Leave them out of decision ${params.number}. ${UNCHANGED}`
      case 'bad-days':
        return `"${params.days}" days cannot be used. Enter a whole number from 0 to 3650. ${UNCHANGED}`
    }
  },
  'round.reopen.refused': (params) =>
    params.reason === 'not-closed'
      ? `The round "${params.round}" is open: there is nothing to reopen. ${UNCHANGED}`
      : `The round "${params.round}" cannot be reopened: decision ${params.decisionNo} of ${formatViDate(params.decisionDate)} by ${LEVELS[params.level]} was entered on its results. Undo that decision first (on the round's page), then reopen the round. ${UNCHANGED}`,
  'round.scores.refused': (params) => {
    const round = `the round "${params.round}"`
    switch (params.reason) {
      case 'closed':
        return `${workbook(params)} was not imported: ${round} is closed. To import it, reopen the round in the Closing tab (undo its closing), then import the file again. ${UNCHANGED}`
      case 'not-this-round':
        return `${workbook(params)} is not a score workbook of ${round}, so it was not imported. Choose a score workbook saved from the page of ${round}. ${UNCHANGED}`
      case 'member-unknown':
        return `${workbook(params)} belongs to a member who is no longer on the council of ${round}, so it was not imported. If that member was added again, save a new score workbook for them, copy the scores into it and import the new file. ${UNCHANGED}`
      case 'product-unknown':
        return `${workbook(params)} has a sheet for a product no longer entered in ${round} (it left the round after the file was read), so it was not imported. Choose the file again to read it again. ${UNCHANGED}`
    }
  },
  'round.scores.stale': (params) =>
    `${workbook(params)} (${params.member}'s scores) was not imported: the scores or products of the round "${params.round}" changed since the preview (someone edited scores in the grid, or another workbook was just imported). Check the preview again, then import again. ${UNCHANGED}`,
}

/** 7.5 → '7.5'. */
const points = (n: number): string => count(n, 'en')

/** 'File "01-phieu-cham-an.xlsx" (in "phieu-cham-dot-1.zip")': a member's workbook. */
const workbook = ({ file, archive }: WorkbookFile): string =>
  archive === null ? `File "${file}"` : `File "${file}" (in "${archive}")`

const UNREADABLE: Record<WorkbookUnreadable, string> = {
  empty: 'is empty (0 bytes): there is nothing to read.',
  'too-large':
    'is too large for a score workbook, so it was not read. Check that you chose the right file.',
  encrypted:
    'is password-protected, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the password), save it and choose it again.',
  corrupt:
    'is damaged or was not downloaded completely, so it cannot be read. Ask for the file again, then choose it again.',
  'other-format':
    'is not an Excel workbook (.xlsx), so it cannot be read. If it was saved in another format (.xls, .ods, .csv …), open it in Excel, use Save As with the type "Excel Workbook (*.xlsx)", then choose it again.',
}

/** 'part A', 'section A1', 'criterion A1.1': the smallest place a sheet problem names. */
const place = (at: SheetPlace): string =>
  at.criterion !== undefined
    ? `criterion ${at.criterion}`
    : at.section !== undefined
      ? `section ${at.section}`
      : `part ${at.part}`

/** The line each kind of line must stand under in the definition file. */
const PARENT_LINE: Record<DefinitionLineKind, string> = {
  Phần: '',
  Mục: 'Phần',
  'Tiêu chí': 'Mục',
  'Lựa chọn': 'Tiêu chí',
}

const FIX_AND_LOAD = 'Correct it in the definition file, then load it again.'
const IMPORT_AGAIN = 'then import the file again.'

const ROUND_FILE_MESSAGES: MessagesOf<RoundFileMessageParams> = {
  'member-workbook.unreadable': (params) => `${workbook(params)} ${UNREADABLE[params.reason]}`,
  'member-workbook.foreign': (params) =>
    `${workbook(params)} is not a score workbook that OCOP Desk saved for a council member (it does not say which round and member it is for), so it was not imported. Choose a score workbook saved from the round's page; scores on paper or in other files are typed into the score grid.`,
  'member-workbook.other-round': (params) =>
    `${workbook(params)} is a score workbook of another evaluation round, so it was not imported into this one. Choose the workbooks of the right round.`,
  'member-workbook.no-workbooks': ({ file }) =>
    `The archive "${file}" holds no score workbook (.xlsx). Choose the .zip saved from the round's page, or choose the members' .xlsx files themselves.`,
  'member-workbook.sheet-missing': (params) =>
    `${workbook(params)} has no sheet "${params.sheet}", so the scores of that sheet's product were not imported. Use the original score workbook (do not delete or rename its sheets), ${IMPORT_AGAIN}`,
  'member-workbook.sheet-changed': (params) =>
    `${workbook(params)}, sheet "${params.sheet}": the sheet's lines no longer match the product's current scoring sheet (the sheet was edited, or the scoring sheet was loaded again after the member's workbook was saved), so its scores were not imported. Save the member's workbook again, copy the scores into it, ${IMPORT_AGAIN}`,
  'member-workbook.product-unknown': (params) =>
    `${workbook(params)}, sheet "${params.sheet}": the sheet's product is no longer in the round, so its scores were not imported. If the product is still scored, enter it in the round again, ${IMPORT_AGAIN}`,
  'member-workbook.not-number': (params) =>
    `${workbook(params)}, sheet "${params.sheet}", cell ${params.cell}: "${params.text}" is not a number, so this score was not imported. Write the score as a number (7 or 7.5, for instance), ${IMPORT_AGAIN}`,
  'member-workbook.out-of-range': (params) =>
    `${workbook(params)}, sheet "${params.sheet}", cell ${params.cell}: the score ${points(params.value)} is outside this line's range of 0 to ${points(params.max)}, so it was not imported. Correct the score, ${IMPORT_AGAIN}`,
  'sheet-definition.unreadable': ({ file, reason }) =>
    `The scoring sheet definition file "${file}" ${UNREADABLE[reason]}`,
  'sheet-definition.no-sheet': ({ file, sheet }) =>
    `File "${file}" has no sheet "${sheet}", so it is not a scoring sheet definition file. Download the definition template, fill it in, then load it again.`,
  'sheet-definition.unknown-set': ({ setId, sets }) =>
    `${setId === '' ? 'no criteria set code is written' : `there is no criteria set with the code "${setId}"`}. Write one of these codes: ${sets.join(', ')}.`,
  'sheet-definition.line-kind': ({ text }) =>
    `${text === '' ? 'the kind of line is not chosen' : `the kind of line "${text}" is unknown`}. Choose one of: Phần, Mục, Tiêu chí, Lựa chọn.`,
  'sheet-definition.no-code': () =>
    'this line has no code. Write its code in the "Mã" column as the document does (A, A1, A1.1, for instance); only "Lựa chọn" lines need none.',
  'sheet-definition.not-number': ({ column, text }) =>
    `the column "${column}" says "${text}", which is not a number. Write a number, 2 or 2.5 for instance.`,
  'sheet-definition.misplaced': ({ kind }) =>
    `the "${kind}" line is not under a "${PARENT_LINE[kind]}" line. Put each "${kind}" line right under its "${PARENT_LINE[kind]}" line, in the document's order.`,
  'scoring-sheet.part-unknown': ({ at }) =>
    `the part "${at.part}" is not in the sheet's criteria set. Write the part codes as the criteria set does (A, B, C …).`,
  'scoring-sheet.part-missing': ({ at }) =>
    `the sheet lacks part ${at.part} of its criteria set. Add the "Phần" line ${at.part} with its sections and criteria.`,
  'scoring-sheet.part-max': ({ at, max, setMax }) =>
    `part ${at.part} has a maximum of ${points(max)}, but the criteria set gives it ${points(setMax)} points. ${FIX_AND_LOAD}`,
  'scoring-sheet.sections-sum': ({ at, sum, max }) =>
    `the sections of part ${at.part} add up to ${points(sum)} points, not the part's maximum of ${points(max)}. Check each section's maximum against the document. ${FIX_AND_LOAD}`,
  'scoring-sheet.criteria-sum': ({ at, sum, max }) =>
    `the criteria of ${place(at)} add up to ${points(sum)} points, not the section's maximum of ${points(max)}. Check each criterion's maximum against the document. ${FIX_AND_LOAD}`,
  'scoring-sheet.no-options': ({ at }) =>
    `${place(at)} has no options. Add "Lựa chọn" lines right under the criterion, one for each level with its points.`,
  'scoring-sheet.option-points': ({ at, points: given, max }) =>
    `option ${at.option ?? ''} of ${place(at)} gives ${points(given)} points, outside 0 to the criterion's maximum of ${points(max)}. ${FIX_AND_LOAD}`,
  'scoring-sheet.mandatory-level': ({ at, level }) =>
    `${place(at)} is mandatory from ${points(level)} stars, but star levels are 2 to 5. Correct the "Bắt buộc từ (sao)" column, or leave it empty if the criterion is not mandatory.`,
  'scoring-sheet.duplicate-code': ({ at }) =>
    `the code of ${place(at)} is used by another line of part ${at.part}. Give each section and criterion a code of its own.`,
}

/** A member workbook's problem as the app's import words it (the CLI lists them the same way). */
function roundFileSentence<C extends keyof RoundFileMessageParams>(message: {
  code: C
  params: RoundFileMessageParams[C]
}): string {
  return ROUND_FILE_MESSAGES[message.code](message.params)
}

const PACKAGE_UNREADABLE: Record<PackageUnreadable, string> = {
  'not-zip': 'is not an OCOP Desk data package (it cannot be read as a zip)',
  'too-large': 'is larger than a data package may be',
  'no-manifest': 'lacks its description (manifest.json) or its signature',
  manifest: 'has an invalid description (manifest.json)',
  'missing-part': 'lacks a part its description lists',
  'extra-part': 'holds a part its description does not list',
  'bad-part': 'has a part that cannot be read',
}

const aboutPackage = (file: string) => `The data package "${file}"`
const ASK_AGAIN = 'Nothing was written. Ask the sending office to export the package again.'

const PACKAGE_MESSAGES: MessagesOf<PackageErrorParams> = {
  'package.unreadable': ({ file, reason, part }) =>
    `${aboutPackage(file)} ${PACKAGE_UNREADABLE[reason]}${part ? ` ("${part}")` : ''}. ${ASK_AGAIN}`,
  'package.newer-format': ({ file, version, supported }) =>
    `${aboutPackage(file)} was made by a newer OCOP Desk (package format ${version}; this version reads up to format ${supported}). Nothing was written. Update OCOP Desk, then receive the package again.`,
  'package.signature': ({ file }) =>
    `${aboutPackage(file)} has a signature that does not match the sender's key written in it: it was changed after signing or not made by that office. ${ASK_AGAIN}`,
  'package.checksum': ({ file, part }) =>
    `${aboutPackage(file)}: the part "${part}" does not match the SHA-256 in the signed description — it is damaged or was changed. ${ASK_AGAIN}`,
  'package.record-invalid': ({ file, table, record }) =>
    `${aboutPackage(file)}: record ${record} of the table "${table}" is invalid. ${ASK_AGAIN}`,
  'package.own': ({ file }) =>
    `${aboutPackage(file)} was made by this office itself, so it is not received. Choose a package another office sent.`,
  'package.other-recipient': ({ file, recipient }) =>
    `${aboutPackage(file)} is addressed to "${recipient}", not to this office. Nothing was written. Ask the sender to export it for the right recipient.`,
  'package.key-mismatch': ({ file, office }) =>
    `${aboutPackage(file)} claims to come from "${office}" but is signed with a key other than the one confirmed for that office. It is refused; nothing was written. Call that office to check.`,
  'package.missing-base': ({ file, office, baseCreatedAt }) =>
    `${aboutPackage(file)} holds only the changes since the package "${office}" made at ${moment(baseCreatedAt, 'en')}, which has not been received here. Nothing was written. Receive that package first, or ask "${office}" for a full package.`,
  'package.no-identity': () =>
    'This office has no exchange identity yet. Create one in Settings > Exchange identity, then send again.',
  'package.other-install': () =>
    "This register's exchange identity belongs to another PC (the register was restored from that PC's backup), so no package was sent. Choose which PC keeps the identity in Settings > Exchange identity, then send again.",
  'package.practice': () =>
    "The practice register's data is never sent. Open the office's register, then send data.",
  'package.stale': () =>
    'The data changed since the preview. Nothing was written. Preview again, then write.',
  'record.foreign': ({ record, office }) =>
    `${named(record)} belongs to ${office === '' ? 'another office (it came in a data package)' : `"${office}"`} and is read-only here. That office edits it and sends its package again; contact them if it needs a change.`,
}

const PACKAGE_REFUSALS: MessagesOf<PackageRefusalParams> = {
  'merge.own-record': () =>
    "this office owns the record: a package never overwrites the office's own data",
  'merge.older-revision': () =>
    'the package holds an older version than the one here, so it is ignored',
  'merge.missing-reference': ({ field, target }) =>
    `${RECORD_NOUNS[target] ?? 'the record'} it needs (field ${field}) is neither in the package nor here; receive the sender's earlier packages first, or ask for a full package`,
  'merge.still-referred': ({ by }) =>
    `the sender removed it, but ${named(by)} here still uses it, so it stays`,
}

export const en: MessageTable = {
  location: ({ file, sheet, row, column, columnLabel }) => {
    const parts: string[] = []
    if (file !== undefined) parts.push(`File ${file}`)
    if (sheet !== undefined) parts.push(`sheet "${sheet}"`)
    if (row !== undefined) parts.push(`row ${row}`)
    if (column !== undefined) {
      parts.push(
        columnLabel === undefined ? `column ${column}` : `column ${column} (${columnLabel})`,
      )
    }
    return `${parts.join(', ')}: `
  },
  messages: {
    MISSING_PRODUCT: () =>
      'the product name is missing (empty cell). Write the product name or leave this row out.',
    SCORE_OUT_OF_RANGE: ({ value }) =>
      `the score ${value} is not valid: a score is from 0 to 100. Correct it from the score sheet.`,
    SCORE_UNREADABLE: ({ value, part }) =>
      part === undefined
        ? `the score "${value}" cannot be read; write a number, for example 72.5.`
        : `the part ${part} score "${value}" cannot be read; write a number, for example 32.5.`,
    PART_ABOVE_MAX: ({ part, score, max, criteriaSet }) =>
      `the part ${part} score is ${decimal(score)}, above this part's maximum of ${decimal(max)} under ${criteriaSet}. Correct it from the score sheet.`,
    STARS_OUT_OF_RANGE: ({ value }) =>
      `the star rating ${value} is not valid: ratings are 1 to 5 stars. Correct it from the recognition decision.`,
    STARS_UNREADABLE: ({ value }) =>
      `the star rating "${value}" cannot be read; write 1 to 5, for example "3", "3 sao" or "★★★".`,
    YEAR_OUT_OF_RANGE: ({ value, firstYear }) =>
      `the recognition year ${value} is not valid (the OCOP programme began in ${firstYear}). Write a four-digit year.`,
    YEAR_UNREADABLE: ({ value }) =>
      `the year "${value}" cannot be read; write a four-digit year, for example 2020.`,
    DATE_INVALID: ({ value }) =>
      `the decision date "${value}" is not a date; write it as day/month/year, for example 05/03/2021.`,
    STARS_SCORE_MISMATCH: ({ score, computed, stars }) =>
      `a score of ${decimal(score)} means ${computed} stars but the rating says ${stars} stars. The file's ${stars} stars are kept; please check.`,
    UNKNOWN_COMMUNE: (params) => {
      if (params.reason === 'not-valid-then') {
        return `"${params.value}" did not exist (or no longer existed) in ${params.year ?? ''}: ${names(params.suggestions)}. Check the recognition year or choose the right commune/ward.`
      }
      const guess =
        params.suggestions.length > 0 ? ` Did you mean: ${names(params.suggestions)}?` : ''
      return `"${params.value}" is not in the list of communes and wards.${guess} Choose the right commune/ward or add it to the list.`
    },
    MISSING_COMMUNE: () => "the product's commune/ward is not known; choose the commune/ward.",
    UNKNOWN_PRODUCER_TYPE: ({ value }) =>
      `the producer type "${value}" is not recognised; choose cooperative (Hợp tác xã), enterprise (Doanh nghiệp), cooperative group (Tổ hợp tác) or household business (Hộ kinh doanh).`,
    DUPLICATE_ROW: ({ firstRow }) =>
      `the same as row ${firstRow} (same product, producer, commune/ward and recognition year). Leave one of the two rows out or confirm keeping both.`,
    CELL_ERROR_VALUE: ({ value }) =>
      `the cell holds the Excel error value ${value}, so it is read as empty. Correct the formula or write the value in the file, then import again.`,
    CELL_MISSING_STRING: ({ index }) =>
      `the cell points to text number ${index}, which the file does not have (the file may be damaged), so it is read as empty. Open the file in Excel, save it again, then import again.`,

    FILE_RENAMED: ({ file, format, extension }) => {
      const wearing = extension === '' ? 'has no extension' : `has the extension ${extension}`
      return format === 'xls'
        ? `The file "${file}" is an Excel 97-2003 file (.xls) but ${wearing}. It will be read as .xls.`
        : `The file "${file}" is a CSV text file but ${wearing}. It will be read as CSV.`
    },
    NO_HEADER: () =>
      'no column header row (such as "Tên sản phẩm", "Chủ thể", "Hạng sao") in the first 30 rows. Choose another sheet or use the import template.',
    NO_PRODUCT_COLUMN: ({ headerRows }) =>
      `no product name column in the header (row ${headerRows.join(', ')}). Choose the column holding product names in the column mapping.`,
    NO_ROWS: ({ headerRows }) =>
      `no product rows under the header (row ${headerRows.join(', ')}). Check that the right sheet is chosen, or correct the column mapping.`,

    'round-result.missing': ({ members }) => `not scored in full by ${members.join(', ')}`,
    'round-result.spread': ({ difference, max }) =>
      `two members' totals differ by ${count(difference, 'en')} points, more than the ${count(max, 'en')} allowed: the council discusses and scores again`,
    'round-result.no-quorum': ({ scored, required }) =>
      `only ${scored} members scored in full, at least ${required} are needed`,
    'round-result.no-chair': () => 'the chair has not scored in full',
    'round-result.capped': ({ fromStars, computedStars }) =>
      `misses a criterion mandatory from ${fromStars} stars, so it is not ranked ${computedStars} stars as its points would give`,

    internal: () =>
      'Something unexpected went wrong. No data was changed. Try again; if it happens again, send the log to technical support.',
    'db.newer': () =>
      'The data on this computer was made by a newer version of OCOP Desk. Install the latest version to open it; the data has not been changed.',
    'practice.no-backup': () =>
      'The practice register is open: sample data is not backed up, so that it never mixes with the backups of the real register. Go back to the real register to make a backup.',
    'producer.has-products': ({ producer, products }) =>
      `The producer "${producer}" still has ${products} products, so it cannot be deleted. Move the products to another producer or merge the two producers, then delete again. No data was changed.`,
    'product.in-plan': ({ product, plans }) =>
      `The product "${product}" is a target of the plan ${plans.map((p) => `"${p}"`).join(', ')}, so it cannot be deleted. Remove that target from the plan, then delete again. No data was changed.`,
    'product.revoked': ({ product, decisions, what }) =>
      `${what === 'product' ? `The product "${product}"` : `This evaluation of the product "${product}"`} is named in the revocation decision ${decisions.join(', ')}, so it cannot be deleted: the decision must keep its list. If the decision was recorded by mistake, undo it under Certificate revocations, then delete again. No data was changed.`,
    'product.duplicate': ({ product, producer }) =>
      `The register already has the product "${product}" of the producer "${producer}". Open that product, or give a reason to save anyway. No data was changed.`,
    'producer.duplicate': ({ producer, existing, by }) =>
      `The register already has the producer "${existing}" with ${by === 'tax-code' ? 'the same tax number' : 'the same name in the same commune or ward'} as "${producer}". Open that producer, or give a reason to save anyway. No data was changed.`,
    'set-aside.refused': (params) =>
      `Could not put it back: ${setAsideRefusal(params)} No data was changed.`,
    'round.closed': ({ round }) =>
      `Round "${round}" is closed and cannot be changed. To change it, reopen it in the Closing tab (undo its closing) first. No data was changed.`,
    'round.scoring-blocked': ({ product, missing }) =>
      `"${product}" cannot be scored yet: its dossier lacks ${missing.join(', ')}. Update the dossier in the Registered products tab, or write why the council scores it anyway.`,
    'issued.number-taken': ({ reference, signedOn, subject }) =>
      `Number ${reference} was already given to the document “${subject}” signed on ${signedOn}; a number is given only once a year. Use the next number or the one the records office gave this document.`,
    'report.plan-missing': ({ chosen }) =>
      chosen
        ? 'The chosen plan is not in the data (it may have been deleted). Choose another plan, then make the report again.'
        : 'No plan is chosen for the plan results report. Choose a plan, then make the report again.',
    'history.revert.refused': revertRefusal,
    ...ROUND_MESSAGES,
    ...PACKAGE_MESSAGES,
    ...PACKAGE_REFUSALS,

    'import.file.empty': ({ file }) =>
      `The file "${file}" is empty (0 bytes): there is nothing to import. Ask the commune/ward to send the file again.`,
    'import.file.too-large': ({ file, bytes, maxBytes }) =>
      `The file "${file}" is too large (${mb(bytes)} MB, the limit is ${mb(maxBytes)} MB), so it is not imported. Delete the sheets you do not need or split the list into smaller files, then import again.`,
    'import.file.corrupt': ({ file }) =>
      `The file "${file}" is damaged or was not downloaded completely, so it cannot be read. Ask the commune/ward to send the file again.`,
    'import.file.no-workbook': ({ file, part }) =>
      `The file "${file}" is damaged: the part ${part} is missing, so its list of sheets cannot be read. Ask the commune/ward to save the file again in Excel and send it again.`,
    'import.file.encrypted': ({ file }) =>
      `The file "${file}" is protected by a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the password), save it, then import again.`,
    'import.file.unsupported': ({ file }) =>
      `The file "${file}" is an Excel binary workbook (.xlsb), a format the app cannot read yet. Open it in Excel and save it as .xlsx, then import again.`,
    'import.file.unknown': ({ file }) =>
      `The file "${file}" is not a valid Excel file (its format is not recognised). Please check the file.`,
    'import.read.too-many-rows': ({ file, sheet, maxRows }) =>
      `${fileAndSheet(file, sheet)} has too many rows (the limit is ${count(maxRows, 'en')} rows a file), so it is not imported. Delete the rows and sheets you do not need or split the list into smaller files, then import again.`,
    'import.read.too-many-cells': ({ file, sheet, maxCells }) =>
      `${fileAndSheet(file, sheet)} has too many cells (the limit is ${count(maxCells, 'en')} cells a file), so it is not imported. Delete the columns and sheets you do not need or split the list into smaller files, then import again.`,
    'import.read.timeout': ({ file, seconds }) =>
      `${fileAndSheet(file)} took too long to read (over ${seconds} seconds), so the app stopped. Open it in Excel, delete the sheets you do not need, save it as .xlsx, then import again.`,
    'import.read.no-sheets': ({ file }) =>
      `${fileAndSheet(file)} has no sheet to read. Ask the commune/ward to check the file and send it again.`,
    'import.read.csv-quotes': ({ file }) =>
      `${fileAndSheet(file)} (CSV) has a missing double quote ("), so its rows run into each other. Open it in Excel, check it, save it as .xlsx, then import again.`,
    'import.read.failed': ({ file, sheet }) =>
      `${fileAndSheet(file, sheet)} cannot be read; the file may be damaged. Open it in Excel, save it as .xlsx, then import again; if it still fails, ask the commune/ward to send the file again.`,
    'import.sheet.missing': ({ file, sheet, sheets }) =>
      `The file "${file}" has no sheet "${sheet}". Its sheets are: ${sheets.join('; ')}. Choose one of them.`,
    'import.commit.stale': () =>
      'The data has changed since the preview (someone edited it or another import was written). Nothing was written. Check the preview again, then import again.',
    'batch.undo.refused': undoRefusal,

    'backup.empty': ({ subject }) => aboutBackup(subject, 'is empty.'),
    'backup.foreign': ({ subject }) => aboutBackup(subject, 'is not an OCOP Desk backup.'),
    'backup.unsupported': ({ subject }) =>
      aboutBackup(subject, 'was made in a format this version cannot read.'),
    'backup.newer': ({ subject, schemaVersion }) =>
      aboutBackup(
        subject,
        `was made by a newer version of OCOP Desk (schema ${schemaVersion}). Update OCOP Desk, then try again.`,
      ),
    'backup.checksum-mismatch': ({ subject }) =>
      aboutBackup(
        subject,
        'does not match the checksum (SHA-256) written in it: its content was damaged or edited after the backup, so it is not used.',
      ),
    'backup.corrupt': backupCorruption,
    'backup.invalid-record': ({ subject, table, record }) =>
      `${backupSubject(subject)}: record ${record} of the table "${table}" is not valid. ${backupNextStep(subject)}`,
    'backup.wrong-kind': ({ expected, found }) =>
      aboutBackup({ writing: expected }, `says inside that it is of kind "${found}".`),
    'backup.write-failed': ({ folder }) =>
      `The backup could not be written to the folder "${folder}". The data in the app is intact. Check that the disk has free space and that you may write to it, then back up again.`,
    'backup.list-failed': ({ folder }) =>
      `The backup folder "${folder}" cannot be read. Check that the folder still exists and that you may read it, then open the Backup screen again.`,
    'backup.bad-name': ({ name }) =>
      `"${name}" is not the name of an OCOP Desk backup, so it was not opened. Choose a backup from the list on the Backup screen.`,
    'backup.not-found': ({ name, folder }) =>
      `The backup "${name}" is not in the folder "${folder}". It may have been deleted or moved. Open the list of backups again and choose another one.`,
    'backup.too-large': ({ name, maxBytes }) =>
      maxBytes === null
        ? `The backup "${name}" is too large to open in the app. Choose another backup.`
        : `The backup "${name}" is over the ${mb(maxBytes)} MB limit, so it cannot be a file OCOP Desk made. Choose another backup.`,
    'backup.read-failed': ({ name, folder }) =>
      `The backup "${name}" in the folder "${folder}" cannot be read. Check that you may read the folder, then try again, or choose another backup.`,

    'ipc.unknown-channel': () => REQUEST_REFUSED,
    'ipc.invalid-payload': () => REQUEST_REFUSED,
    'ipc.too-large': ({ payload, maxBytes }) => payloadTooLarge(payload, maxBytes),
    'ipc.bad-json': () =>
      "A request to the app's back end could not be read (it is not valid JSON), so it was refused. No data was changed.",
    'ipc.foreign-sender': () =>
      'A request did not come from an OCOP Desk window, so it was refused. No data was changed.',
    'ipc.foreign-origin': () =>
      'A request did not come from OCOP Desk, so it was refused. No data was changed.',
    'ipc.no-access': () =>
      'A request without this run\'s access code was refused. No data was changed. Open OCOP Desk at the exact address with the access code (…/?token=…) that "npm run web" printed when it started; each run has a new code.',
    'web.port-unavailable': ({ port, busy, suggestedPort }) => {
      const another = `npm run web -- --port ${suggestedPort}`
      return busy
        ? `Port ${port} is in use by another program (perhaps another OCOP Desk (web) is running). Stop that program, or choose another port with --port, for example: ${another}`
        : `Port ${port} on 127.0.0.1 cannot be opened. Choose another port (1024 or above) with --port, for example: ${another}`
    },
    'file.read-failed': ({ file, problem }) => {
      switch (problem) {
        case 'locked':
          return `The file “${file}” cannot be opened: another program is using it, or you may not read it. Close it in Excel, then try again.`
        case 'gone':
          return `The file “${file}” cannot be opened. Check that it still exists, then try again.`
        case 'unreadable':
          return `The file “${file}” cannot be read. If it is open in Excel, close it, then try again.`
      }
    },
    'file.not-a-file': ({ file }) => `“${file}” is not a file. Choose a file.`,
    'file.too-large': ({ file, bytes, maxBytes }) =>
      bytes === undefined
        ? `The file “${file}” is over the ${mb(maxBytes)} MiB limit, so it was not opened.`
        : `The file “${file}” is ${mb(bytes)} MiB, over the ${mb(maxBytes)} MiB limit, so it was not opened. Check that you chose the right file, or delete the sheets you do not need, then try again.`,
    'file.write-failed': ({ file, busy }) =>
      busy
        ? `The file “${file}” could not be saved: it is open in another program, or you may not write to the folder. Close it in Excel or choose another folder, then save again.`
        : `The file “${file}” could not be saved. Check that the disk has free space or choose another folder, then save again.`,
    'issued.exists': ({ file, folder }) =>
      `A kept copy “${file}” is already in the folder “${folder}”; an issued document is never overwritten. Issue the document again to keep a new copy.`,
    'issued.missing': ({ file, folder }) =>
      `The kept copy “${file}” is not in the folder “${folder}”. It may have been deleted, or the data was restored on another computer. Copy the folder from the computer that issued the document, or use “Recreate files” to write the file again from the document kept in the register.`,
    'issued.changed': ({ file, folder }) =>
      `The kept copy “${file}” in the folder “${folder}” is no longer the file that was issued (it was changed afterwards). The app does not open it. Use “Recreate files” to write the file again from the document kept in the register.`,
    'issued.open-failed': ({ file, folder }) =>
      `“${file}” (folder “${folder}”) could not be opened. The computer needs a program that opens Word or Excel files; or use “Save a copy” to save the file elsewhere and open it there.`,
    'job.worker-stopped': () =>
      `The Excel worker stopped unexpectedly, so the task was not finished. No data was changed. ${TRY_AGAIN}`,
    'job.timeout': ({ job, seconds }) => {
      const { work, advice } = job === null ? TIMED_OUT_OTHER : TIMED_OUT_JOBS[job]
      return `${work} took too long (over ${seconds} seconds), so the app stopped it. No data was changed. ${advice}`
    },
    'job.cancelled': () =>
      'The Excel task was cancelled because the app is closing. No data was changed; open the app again and do it again.',
    'job.runner-closed': () => 'The app is closing, so no new Excel task is started.',
    'job.worker-missing': ({ workerFile }) =>
      `The app's Excel worker (${workerFile}) is missing. Reinstall OCOP Desk; if you run it from source, run "npm run build".`,
    'job.bad-input': () =>
      `The data could not be sent to the Excel worker, so the task was not done. ${TRY_AGAIN}`,
    'job.unknown': () =>
      'The app asked for an Excel task this version does not have, so it was skipped. Update or reinstall OCOP Desk.',

    'cli.file-unreadable': ({ file, reason }) => {
      switch (reason) {
        case 'missing':
          return `The file "${file}" was not found. Check the file's name and folder.`
        case 'folder':
          return `"${file}" is a folder, not a file. Give the name of the file to check.`
        case 'unreadable':
          return `The file "${file}" cannot be read. If it is open in Excel, close it, then run the command again.`
      }
    },
    'cli.folder-missing': ({ folder }) =>
      `Cannot write to the folder "${folder}": it does not exist or you may not write to it. Choose another folder.`,
    'cli.write-failed': ({ file }) =>
      `The file "${file}" could not be written. If it is open in Excel, close it; check that the disk has free space, then run the command again.`,
    'cli.file-exists': ({ file }) =>
      `The file "${file}" already exists, so it was not overwritten. Choose another name, or add --force to overwrite it.`,
    'cli.data-unreadable': ({ file, missing }) =>
      missing
        ? `The data file "${file}" was not found. Check the name and folder of the backup file.`
        : `The data file "${file}" cannot be read. Check that you may read the file, then run the command again.`,
    'cli.plan-missing': () =>
      'The data file has no plan, so the plan results report cannot be made.',
    'cli.plan-ambiguous': ({ wanted, plans }) =>
      wanted === null
        ? `The data file has ${plans.length} plans: choose one with --plan (id or name):\n${planList(plans)}`
        : `${plans.length} plans match "${wanted}": give the plan's id.\n${planList(plans)}`,
    'cli.plan-unknown': ({ wanted, plans }) =>
      `There is no plan "${wanted}" in the data file. Its plans are:\n${planList(plans)}`,
    'cli.units-unreadable': ({ file }) =>
      `The units list "${file}" cannot be read: it does not exist or cannot be opened. Check the file's name and folder, then run the command again.`,
    'cli.revocation-missing': () =>
      'The data file has no decision revoking certificates. Record the revocation in OCOP Desk, back up again, then run the command with the new backup.',
    'cli.revocation-unknown': ({ wanted, decisions }) =>
      `There is no revocation decision numbered "${wanted}" in the data file. Give --decision the number of one of its decisions:\n${revocationList(decisions)}`,
    'cli.revocation-numbered': ({ number }) =>
      `Revocation decision ${number} is signed by this office, so the document prints the decision's number and date; --number and --signed are only for the proposal asking a higher level to revoke. Leave those two options out.`,
    'cli.round-missing': () =>
      'The data file has no evaluation round. Create the round in OCOP Desk, back up again, then run the command with the new backup.',
    'cli.round-unknown': ({ wanted, rounds }) =>
      `There is no evaluation round "${wanted}" in the data file. Give the id or name of one of its rounds:\n${roundList(rounds)}`,
    'cli.round-ambiguous': ({ wanted, rounds }) =>
      `${rounds.length} evaluation rounds are named "${wanted}": give the id of the one to use.\n${roundList(rounds)}`,
    'cli.round-no-set': ({ round, setId }) =>
      `The data file lacks the criteria set "${setId}" that the round "${round}" is scored under, so its results cannot be computed. Back up again from OCOP Desk and run the command with the new file.`,
    'cli.sheets-folder': ({ folder, problem }) =>
      problem === 'unreadable'
        ? `The score sheets folder "${folder}" cannot be read: it does not exist or cannot be opened. Check the folder's name, then run the command again.`
        : `The score sheets folder "${folder}" holds no .xlsx file. Copy the members' filled score workbooks into it, then run the command again.`,
    'cli.member-workbook': (params) => {
      const file = params.file
      switch (params.reason) {
        case 'unreadable':
          return `"${file}" cannot be opened as an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx, or remove it from the score sheets folder, then run the command again.`
        case 'foreign':
          return `"${file}" is not a member's score workbook written by OCOP Desk. Remove it from the score sheets folder, then run the command again.`
        case 'member-unknown':
          return `"${file}" is the workbook of a member who is not on this round's council. Remove it from the folder, or write the workbooks again with round sheets.`
        case 'other-round':
          return `"${file}" is a score workbook of the round "${params.round}", not of this one. Remove it from the folder, or choose the right round with --round.`
        case 'twice':
          return `"${file}" and "${params.other}" are workbooks of the same member. Keep one of them, then run the command again.`
        case 'product-unknown':
          return `"${file}" has a sheet for a product no longer entered in the round. Write the workbooks again with round sheets and copy the scores into the new one.`
        case 'cells':
          return `"${file}" has score cells that cannot be read, so no score was taken from it; once they are corrected, run the command again to import it:\n${params.problems.map((problem) => `  ${roundFileSentence(problem)}`).join('\n')}`
      }
    },

    'units-list.encoding': ({ file }) =>
      `The units list "${file}" is not UTF-8 text. In Excel, use Save As with the type "CSV UTF-8 (Comma delimited)", then choose the file again.`,
    'units-list.no-name': ({ file }) =>
      `The units list "${file}" has no name column (commune/ward name). The file's first line must be the column names, for example: code,kind,name,valid_from,valid_to.`,
    'units-list.empty': ({ file }) =>
      `The units list "${file}" has no unit (the name column is empty on every line). Check the file, then choose it again.`,
    'units-list.kind': ({ file, line, value }) =>
      `${unitsList(file, line)}: the unit kind "${value}" is not known. Write Xã, Phường or Thị trấn in the kind column.`,
    'units-list.date': ({ file, line, column, value }) =>
      `${unitsList(file, line)}, column ${column}: "${value}" is not a date. Write it as day/month/year, for example 01/07/2025.`,
    'units-list.code': ({ file, line, value }) =>
      `${unitsList(file, line)}, column code: "${value}" is not a unit code. Administrative unit codes have 3 to 6 digits, for example 12103; leave it empty when there is none.`,
    'units-list.dates-order': ({ file, line }) =>
      `${unitsList(file, line)}: the end of validity (valid_to) is before its start (valid_from). Correct one of the two dates.`,
    'units-list.duplicate': ({ file, line, firstLine }) =>
      `${unitsList(file, line)}: the same unit as line ${firstLine} (same code, name and start date). Delete one of the two lines.`,
    ...ROUND_FILE_MESSAGES,
  },
}
