/**
 * Issuing a document (phát hành): its number in the office's series, the document as signed, and
 * the register's record of it. An office numbers each type of document from 1 every calendar year
 * (Nghị định 30/2020/NĐ-CP, Điều 15; docs/official-documents.md); the next number is only offered,
 * since the office's clerk of records (văn thư) may have given numbers outside the app.
 */
import type { IsoDate } from '../dates'
import type { IssuedDocument, KeptFile } from '../db/records'
import { fileSlug } from '../text/vietnamese'
import { numberSymbol } from './lines'
import type { DocType, OfficialDocument } from './model'

type Numbered = Pick<IssuedDocument, 'type' | 'number' | 'signedOn'>

const yearOf = (date: IsoDate): string => date.slice(0, 4)

/** The documents of the series of `type` in the year of `signedOn`. */
function series<T extends Numbered>(issued: readonly T[], type: DocType, signedOn: IsoDate): T[] {
  return issued.filter((doc) => doc.type === type && yearOf(doc.signedOn) === yearOf(signedOn))
}

/** One more than the highest number of the series; 1 for the first document of a year. */
export function nextIssueNumber(
  issued: readonly Numbered[],
  type: DocType,
  signedOn: IsoDate,
): number {
  return Math.max(0, ...series(issued, type, signedOn).map((doc) => doc.number)) + 1
}

/** The document that already has `number` in the series, if any: a number is given only once. */
export function issuedWithNumber<T extends Numbered>(
  issued: readonly T[],
  type: DocType,
  signedOn: IsoDate,
  number: number,
): T | undefined {
  return series(issued, type, signedOn).find((doc) => doc.number === number)
}

/**
 * The document as it is issued: its number and signing date written in, its files named after its
 * number ("so-06-bc-ubnd-bao-cao-…"), so copies saved side by side never take each other's name.
 */
export function documentToIssue(
  doc: OfficialDocument,
  number: number,
  signedOn: IsoDate,
): OfficialDocument {
  const issued = { ...doc, number: String(number), signedOn }
  return { ...issued, fileName: `${fileSlug(`số ${numberSymbol(issued)}`)}-${doc.fileName}` }
}

/** The register's record of `document`, issued with the copies `files`. */
export function issuedRecord(input: {
  id: string
  document: OfficialDocument
  dataDate: IsoDate | null
  source: string | null
  files: KeptFile[]
  chartPng: string | null
  issuedAt: string
}): IssuedDocument {
  const { document } = input
  if (document.signedOn === null) throw new Error('an issued document has a signing date')
  return {
    id: input.id,
    type: document.type,
    number: Number(document.number),
    reference: numberSymbol(document),
    signedOn: document.signedOn,
    dataDate: input.dataDate,
    subject: document.title.subject,
    // The one who signs is the right-hand signer (the chair, in minutes).
    signer: document.signers.at(-1)?.name ?? '',
    source: input.source,
    files: input.files,
    document,
    chartPng: input.chartPng,
    issuedAt: input.issuedAt,
  }
}
