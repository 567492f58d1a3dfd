/**
 * A scoring sheet's definition file as the clerk loads it: checked as a file first, then read
 * (sheet-definition.ts), its problems as catalogue messages that open with the file, the sheet
 * and the row, and say what to fix.
 */
import type { CriteriaSet } from '@shared/db/records'
import type { ErrorLocation } from '@shared/errors'
import type { Message } from '@shared/messages/catalogue'
import type { SheetDefinitionCode, SheetDefinitionRead } from '@shared/rounds/round-files'
import type { SheetProblem } from '@shared/rounds/sheets'
import {
  ABOUT_SHEET,
  DEFINITION_SHEET,
  readSheetDefinition,
  writeSheetTemplate,
  type DefinitionProblem,
} from './sheet-definition'
import { sha256Of, unreadableWorkbook } from './workbook-file'

export const SHEET_TEMPLATE_FILE = 'mau-khai-bao-phieu-cham.xlsx'

/** The empty definition file, with the name the save dialog suggests. */
export async function writeSheetTemplateFile(): Promise<{ fileName: string; bytes: Uint8Array }> {
  return { fileName: SHEET_TEMPLATE_FILE, bytes: await writeSheetTemplate() }
}

/** Reads the definition file `fileName` for one of `sets`: the sheet, or every problem. */
export async function readSheetDefinitionFile(
  bytes: Uint8Array,
  fileName: string,
  sets: readonly Pick<CriteriaSet, 'id' | 'parts'>[],
): Promise<SheetDefinitionRead> {
  const file = { fileName, sha256: sha256Of(bytes) }
  const refuse = (problems: Message<SheetDefinitionCode>[]) => ({
    ...file,
    ok: false as const,
    problems,
  })
  const unreadable = await unreadableWorkbook(bytes, fileName)
  if (unreadable !== null) {
    return refuse([
      { code: 'sheet-definition.unreadable', params: { file: fileName, reason: unreadable } },
    ])
  }
  let read
  try {
    read = await readSheetDefinition(bytes, sets)
  } catch {
    // The file check passed but ExcelJS could not make sense of the workbook's parts.
    return refuse([
      { code: 'sheet-definition.unreadable', params: { file: fileName, reason: 'corrupt' } },
    ])
  }
  if (read.ok) return { ...file, ok: true, sheet: read.sheet }
  const setIds = sets.map((set) => set.id)
  return refuse(read.problems.map((problem) => definitionMessage(fileName, problem, setIds)))
}

/** A problem of the definition file as the catalogue's message, opened by where it is. */
function definitionMessage(
  file: string,
  problem: DefinitionProblem,
  setIds: string[],
): Message<SheetDefinitionCode> {
  const at = (row: number, column?: string): ErrorLocation => ({
    file,
    sheet: DEFINITION_SHEET,
    row,
    ...(column === undefined ? {} : { column }),
  })
  switch (problem.code) {
    case 'no-sheet':
      return { code: 'sheet-definition.no-sheet', params: { file, sheet: problem.sheet } }
    case 'unknown-set':
      return {
        code: 'sheet-definition.unknown-set',
        params: { setId: problem.setId, sets: setIds },
        where: { file, sheet: ABOUT_SHEET, row: 1, column: 'B' },
      }
    case 'line-kind':
      return {
        code: 'sheet-definition.line-kind',
        params: { text: problem.text },
        where: at(problem.row, 'A'),
      }
    case 'no-code':
      return { code: 'sheet-definition.no-code', params: {}, where: at(problem.row, 'B') }
    case 'not-number':
      return {
        code: 'sheet-definition.not-number',
        params: { column: problem.column, text: problem.text },
        where: at(problem.row),
      }
    case 'misplaced':
      return {
        code: 'sheet-definition.misplaced',
        params: { kind: problem.kind },
        where: at(problem.row),
      }
    default: {
      const { row, ...sheetProblem } = problem
      const where = row === null ? { file, sheet: DEFINITION_SHEET } : at(row)
      return { ...sheetProblemMessage(sheetProblem), where }
    }
  }
}

/** A problem of a scoring sheet under its set, as the catalogue's message. */
function sheetProblemMessage(problem: SheetProblem): Message<SheetDefinitionCode> {
  switch (problem.code) {
    case 'part-unknown':
    case 'part-missing':
    case 'no-options':
    case 'duplicate-code':
      return { code: `scoring-sheet.${problem.code}`, params: { at: problem.at } }
    case 'part-max':
      return {
        code: 'scoring-sheet.part-max',
        params: { at: problem.at, max: problem.max, setMax: problem.setMax },
      }
    case 'sections-sum':
    case 'criteria-sum':
      return {
        code: `scoring-sheet.${problem.code}`,
        params: { at: problem.at, sum: problem.sum, max: problem.max },
      }
    case 'option-points':
      return {
        code: 'scoring-sheet.option-points',
        params: { at: problem.at, points: problem.points, max: problem.max },
      }
    case 'mandatory-level':
      return {
        code: 'scoring-sheet.mandatory-level',
        params: { at: problem.at, level: problem.level },
      }
  }
}
