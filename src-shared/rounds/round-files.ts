/**
 * What reading the files of an evaluation round gives back across the IPC boundary: a council
 * member's filled score workbook, and a scoring sheet's definition file. Problems are catalogue
 * messages, worded by whichever side shows them.
 */
import type { Message, MessageCode } from '../messages/catalogue'
import type { ScoringSheet } from './sheets'

export type MemberWorkbookCode = Extract<MessageCode, `member-workbook.${string}`>
export type SheetDefinitionCode = Extract<
  MessageCode,
  `sheet-definition.${string}` | `scoring-sheet.${string}`
>

/** One member's workbook as read: whose scores it holds for which products, and what was refused. */
export interface MemberWorkbookRead {
  /** The workbook's file name; inside `archive` when it came in a .zip. */
  fileName: string
  archive: string | null
  /** SHA-256 of the workbook's bytes, hex: a change batch names the file it imported by it. */
  sha256: string
  /** Empty when the file is not a member's workbook of this round. */
  roundId: string
  memberId: string
  /** By product entry id: the points typed per item code (null where the cell is empty). */
  products: Record<string, Record<string, number | null>>
  problems: Message<MemberWorkbookCode>[]
}

/** A definition file read: the sheet it defines, or every problem that refuses it. */
export type SheetDefinitionRead = { fileName: string; sha256: string } & (
  { ok: true; sheet: ScoringSheet } | { ok: false; problems: Message<SheetDefinitionCode>[] }
)
