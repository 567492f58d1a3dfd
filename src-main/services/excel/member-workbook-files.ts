/**
 * The secretary's import of filled member workbooks, up to the scores: each chosen file is a
 * member's .xlsx or a .zip of them (as the app saved the round's workbooks); each workbook is
 * checked, read with the scoring sheet of every product's entry, and its problems become catalogue
 * messages naming the file, the sheet and the cell. Matching members and products to the round's
 * records, the preview and the commit are the renderer's.
 */
import { MEMBER_WORKBOOKS_LIMIT } from '@shared/ipc/payload-limits'
import type { Message, WorkbookFile, WorkbookUnreadable } from '@shared/messages/catalogue'
import type { MemberWorkbookCode, MemberWorkbookRead } from '@shared/rounds/round-files'
import type { ScoringSheet } from '@shared/rounds/sheets'
import type { JobProgressReport } from '../../workers/protocol'
import { DEFAULT_FILE_KIND_LIMITS } from '../import/file-kind'
import { openXlsxPackage, PartTooLargeError, type XlsxPackage } from '../import/xlsx-package'
import { readMemberWorkbook, type MemberScoreProblem } from './member-workbook'
import { sha256Of, unreadableWorkbook } from './workbook-file'

export interface MemberWorkbooksToRead {
  /** The round being scored: a workbook of another round gives no scores. */
  roundId: string
  sheets: ScoringSheet[]
  /** The round's product entries, each with its sheet's place in `sheets`. */
  entries: { id: string; sheet: number }[]
  files: { name: string; bytes: Uint8Array }[]
}

/** A workbook to read, chosen by itself or taken out of a .zip, or why it could not be taken. */
type WorkbookBytes = WorkbookFile & ({ bytes: Uint8Array } | { unreadable: WorkbookUnreadable })

/** Reads every workbook of `files`, in order; a file that gives no scores says why. */
export async function readMemberWorkbooks(
  input: MemberWorkbooksToRead,
  onProgress: (progress: JobProgressReport) => void = () => undefined,
): Promise<MemberWorkbookRead[]> {
  const sheetOfEntry = new Map(input.entries.map((entry) => [entry.id, input.sheets[entry.sheet]]))
  const workbooks: (WorkbookBytes | MemberWorkbookRead)[] = []
  for (const file of input.files) {
    if (/\.zip$/i.test(file.name)) workbooks.push(...(await unzipWorkbooks(file)))
    else workbooks.push({ file: file.name, archive: null, bytes: file.bytes })
  }
  const reads: MemberWorkbookRead[] = []
  for (const [i, workbook] of workbooks.entries()) {
    onProgress({ stage: 'read', done: i, total: workbooks.length })
    reads.push(
      'fileName' in workbook
        ? workbook
        : await readOne(workbook, input.roundId, (id) => sheetOfEntry.get(id)),
    )
  }
  onProgress({ stage: 'read', done: workbooks.length, total: workbooks.length })
  return reads
}

/** Excel's lock files (~$…) and the copies a Mac adds to a .zip (._…) are not workbooks. */
const NOT_A_WORKBOOK = /(?:^|\/)(?:~\$|\._)[^/]*$|^__MACOSX\//i

/**
 * The .xlsx files of a .zip, under the import's limits: none inflates beyond the size of a file
 * the import takes, nor all of them together beyond what one read may carry.
 */
async function unzipWorkbooks(file: {
  name: string
  bytes: Uint8Array
}): Promise<(WorkbookBytes | MemberWorkbookRead)[]> {
  const archive = { file: file.name, archive: null }
  let pkg: XlsxPackage
  try {
    pkg = await openXlsxPackage(file.bytes)
  } catch {
    return [refused(archive, file.bytes, { code: 'unreadable', reason: 'corrupt' })]
  }
  try {
    const names = pkg.partNames.filter(
      (name) => /\.xlsx$/i.test(name) && !NOT_A_WORKBOOK.test(name),
    )
    if (names.length === 0) {
      const message = { code: 'member-workbook.no-workbooks', params: { file: file.name } } as const
      return [{ ...emptyRead(archive, sha256Of(file.bytes)), problems: [message] }]
    }
    const workbooks: WorkbookBytes[] = []
    let left = MEMBER_WORKBOOKS_LIMIT.maxBytes
    for (const name of names) {
      const place = { file: name.split('/').pop() ?? name, archive: file.name }
      try {
        const bytes = await pkg.bytes(name, Math.min(DEFAULT_FILE_KIND_LIMITS.maxBytes, left))
        left -= bytes?.byteLength ?? 0
        workbooks.push({ ...place, bytes: new Uint8Array(bytes ?? []) })
      } catch (error) {
        workbooks.push({
          ...place,
          unreadable: error instanceof PartTooLargeError ? 'too-large' : 'corrupt',
        })
      }
    }
    return workbooks
  } finally {
    pkg.close()
  }
}

async function readOne(
  workbook: WorkbookBytes,
  roundId: string,
  sheetOf: (entryId: string) => ScoringSheet | undefined,
): Promise<MemberWorkbookRead> {
  if ('unreadable' in workbook) {
    return refused(workbook, null, { code: 'unreadable', reason: workbook.unreadable })
  }
  const { bytes } = workbook
  const unreadable = await unreadableWorkbook(bytes, workbook.file)
  if (unreadable !== null)
    return refused(workbook, bytes, { code: 'unreadable', reason: unreadable })
  let scores
  try {
    scores = await readMemberWorkbook(bytes, sheetOf)
  } catch {
    // The file check passed but ExcelJS could not make sense of the workbook's parts.
    return refused(workbook, bytes, { code: 'unreadable', reason: 'corrupt' })
  }
  if (scores.roundId !== '' && scores.roundId !== roundId) {
    return refused(workbook, bytes, { code: 'other-round' })
  }
  return {
    fileName: workbook.file,
    archive: workbook.archive,
    sha256: sha256Of(bytes),
    roundId: scores.roundId,
    memberId: scores.memberId,
    products: Object.fromEntries(scores.products),
    problems: scores.problems.map((problem) => memberWorkbookMessage(workbook, problem)),
  }
}

/** What a workbook's problems and refusals say, besides those reading its sheets finds. */
type FileProblem =
  MemberScoreProblem | { code: 'unreadable'; reason: WorkbookUnreadable } | { code: 'other-round' }

function emptyRead(file: WorkbookFile, sha256: string): MemberWorkbookRead {
  const { file: fileName, archive } = file
  return { fileName, archive, sha256, roundId: '', memberId: '', products: {}, problems: [] }
}

/** A workbook that gives no scores; `bytes` null when it could not be taken out of its .zip. */
function refused(
  file: WorkbookFile,
  bytes: Uint8Array | null,
  problem: FileProblem,
): MemberWorkbookRead {
  return {
    ...emptyRead(file, bytes === null ? '' : sha256Of(bytes)),
    problems: [memberWorkbookMessage(file, problem)],
  }
}

/** A problem of a workbook as the catalogue's message, naming the workbook and its .zip. */
export function memberWorkbookMessage(
  file: WorkbookFile,
  problem: FileProblem,
): Message<MemberWorkbookCode> {
  const where = { file: file.file, archive: file.archive }
  switch (problem.code) {
    case 'unreadable':
      return { code: 'member-workbook.unreadable', params: { ...where, reason: problem.reason } }
    case 'not-member-workbook':
      return { code: 'member-workbook.foreign', params: where }
    case 'other-round':
      return { code: 'member-workbook.other-round', params: where }
    case 'sheet-missing':
    case 'sheet-changed':
    case 'product-unknown':
      return { code: `member-workbook.${problem.code}`, params: { ...where, sheet: problem.sheet } }
    case 'not-number': {
      const { sheet, cell, text } = problem
      return { code: 'member-workbook.not-number', params: { ...where, sheet, cell, text } }
    }
    case 'out-of-range': {
      const { sheet, cell, value, max } = problem
      return {
        code: 'member-workbook.out-of-range',
        params: { ...where, sheet, cell, value, max },
      }
    }
  }
}
