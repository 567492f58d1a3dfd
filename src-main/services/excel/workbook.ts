/**
 * Our one door to ExcelJS (4.4.0 is its last release, so it stays behind one module:
 * docs/stack.md). Other modules build and read workbooks through these functions and types, so a
 * change of library or a library pitfall is handled here once.
 */
import ExcelJS from 'exceljs'
import type { DataValidation, Workbook, Worksheet } from 'exceljs'

export type {
  Alignment,
  Borders,
  Cell,
  Column,
  DataValidation,
  Fill,
  Font,
  Workbook,
  Worksheet,
} from 'exceljs'

/** A new, empty workbook with our author metadata. */
export function createWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'OCOP Desk'
  return workbook
}

/** Serialises a workbook to .xlsx bytes in a Uint8Array that owns its whole buffer. */
export async function workbookToBytes(workbook: Workbook): Promise<Uint8Array> {
  const buffer: unknown = await workbook.xlsx.writeBuffer()
  // ExcelJS returns a Node Buffer, which may be a slice of a shared pool: `new Uint8Array(view)`
  // copies it into an array that owns its whole ArrayBuffer, so callers can transfer it to
  // another thread without detaching memory that belongs to someone else.
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer)
    : new Uint8Array(buffer as ArrayBuffer)
}

/** Reads .xlsx bytes into a workbook (whole-file reader; fine for templates and small files). */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook()
  // ExcelJS's typings call its input `Buffer` but accept any ArrayBuffer view at runtime.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  return workbook
}

/** Applies one validation to a whole range (ExcelJS supports this but its typings omit it). */
export function addRangeValidation(
  sheet: Worksheet,
  range: string,
  validation: DataValidation,
): void {
  // A range key is written as one <dataValidation sqref="M2:M1001">, instead of a thousand cells.
  const withRanges = sheet as Worksheet & {
    dataValidations: { add(address: string, validation: DataValidation): void }
  }
  withRanges.dataValidations.add(range, validation)
}
