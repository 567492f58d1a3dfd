import { describe, expect, it } from 'vitest'
import {
  documentToIssue,
  issuedRecord,
  issuedWithNumber,
  nextIssueNumber,
} from '@shared/documents/issued'
import { issuedDocumentSchema } from '@shared/db/records'
import { buildReport } from '@shared/reports/build'
import { myHaoData } from '../reports/my-hao-fixture'

const doc = (type: 'BC' | 'QĐ', number: number, signedOn: string) => ({ type, number, signedOn })

describe('the number offered for a new document', () => {
  it('is 1 for the first document of its type in a year', () => {
    expect(nextIssueNumber([], 'BC', '2026-01-02')).toBe(1)
    // Last year's reports and this year's decisions are other series.
    const issued = [doc('BC', 41, '2025-12-30'), doc('QĐ', 7, '2026-01-02')]
    expect(nextIssueNumber(issued, 'BC', '2026-01-02')).toBe(1)
  })

  it('is one after the highest number of the series, whatever the order or gaps', () => {
    const issued = [
      doc('BC', 5, '2026-03-01'),
      doc('BC', 2, '2026-01-10'),
      doc('BC', 9, '2026-05-01'),
    ]
    expect(nextIssueNumber(issued, 'BC', '2026-06-01')).toBe(10)
  })

  it('finds the document that already has a number in the same series only', () => {
    const issued = [doc('BC', 5, '2026-03-01'), doc('QĐ', 6, '2026-03-01')]
    expect(issuedWithNumber(issued, 'BC', '2026-12-31', 5)).toBe(issued[0])
    expect(issuedWithNumber(issued, 'BC', '2026-12-31', 6)).toBeUndefined()
    expect(issuedWithNumber(issued, 'BC', '2027-01-01', 5)).toBeUndefined()
  })
})

describe('a document as issued', () => {
  const report = buildReport('products', myHaoData(), {
    date: '2020-12-31',
    signedOn: '2021-01-04',
    docNumber: '',
  })

  it('carries its number and signing date, and names its files after its number', () => {
    const issued = documentToIssue(report, 6, '2021-01-05')
    expect(issued.number).toBe('6')
    expect(issued.signedOn).toBe('2021-01-05')
    expect(issued.fileName).toBe(`so-06-bc-ubnd-${report.fileName}`)
    expect(documentToIssue({ ...report, type: 'QĐ' }, 12, '2021-01-05').fileName).toMatch(
      /^so-12-qd-ubnd-/,
    )
  })

  it('is recorded with its reference, subject and signer, as a valid record of the register', () => {
    const document = documentToIssue(report, 6, '2021-01-05')
    const record = issuedRecord({
      id: '2f0a6c1e-1111-4222-8333-444455556666',
      document,
      dataDate: '2020-12-31',
      source: 'products',
      files: [{ name: 'so-06-bc-ubnd-x.docx', format: 'docx', size: 10, sha256: 'a'.repeat(64) }],
      chartPng: null,
      issuedAt: '2021-01-05T02:00:00.000Z',
    })
    expect(record).toMatchObject({
      type: 'BC',
      number: 6,
      reference: '06/BC-UBND',
      signedOn: '2021-01-05',
      subject: report.title.subject,
      signer: report.signers[0]!.name,
    })
    expect(record.signer).not.toBe('')
    expect(issuedDocumentSchema.safeParse(record).success).toBe(true)
  })
})
