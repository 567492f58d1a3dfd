/**
 * An official document (model.ts) as a runtime schema: what main accepts from the renderer to
 * write, and what an issued document keeps as its snapshot in the register and its backups.
 */
import { z } from 'zod'
import { DOC_TYPES, type DocType, type OfficialDocument } from './model'

/** A document type's code: BC, QĐ, TTr, BB, KH, TB, CV. */
export const docTypeSchema = z.enum(Object.keys(DOC_TYPES) as [DocType, ...DocType[]])

/** Documents are built by our own renderer; the bounds keep a bad one from exhausting main. */
export const DOCUMENT_MAX_ROWS = 200_000
const reportText = z.string().max(2000)
const reportCell = z.union([z.string().max(2000), z.number(), z.null()])
const reportTable = z.object({
  columns: z
    .array(
      z.object({
        key: z.string().max(64),
        title: z.string().max(300),
        group: z.string().max(300).optional(),
        width: z.number().min(0).max(255),
        align: z.enum(['left', 'center', 'right']),
        noBreak: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(50),
  rows: z
    .array(
      z.union([
        z.object({ kind: z.literal('data'), cells: z.array(reportCell).max(50) }),
        z.object({ kind: z.literal('group'), label: reportText }),
        z.object({ kind: z.enum(['subtotal', 'total']), cells: z.array(reportCell).max(50) }),
      ]),
    )
    .max(DOCUMENT_MAX_ROWS),
})
const reportLines = z.array(reportText).max(50)
const reportSections = z
  .array(
    z.object({
      heading: reportText.optional(),
      level: z.union([z.literal(1), z.literal(2)]).optional(),
      narrative: z.string().max(64).optional(),
      paragraphs: z.array(z.string().max(10_000)).max(100).optional(),
      table: reportTable.optional(),
      image: z.literal('plan-star-chart').optional(),
    }),
  )
  .max(50)
const tableRows = (sections: { table?: { rows: unknown[] } | undefined }[]): number =>
  sections.reduce((n, s) => n + (s.table?.rows.length ?? 0), 0)
export const documentSchema = z
  .object({
    type: docTypeSchema,
    issuer: z.object({
      parent: reportText.nullable(),
      name: reportLines,
      nameInText: reportText,
      abbreviation: reportText,
      place: reportText,
    }),
    number: reportText,
    signedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    title: z.object({ type: reportText, subject: reportText, subtitle: reportText.optional() }),
    decision: z.object({ authority: reportText, bases: reportLines }).optional(),
    sections: reportSections,
    notes: z.array(z.string().max(10_000)).max(50),
    recipients: z
      .object({ addressees: reportLines, copies: reportLines, archive: reportText })
      .nullable(),
    signers: z
      .array(z.object({ lines: reportLines, name: reportText }))
      .min(1)
      .max(2),
    annexes: z
      .array(
        z.object({
          title: reportText,
          subtitle: reportText.optional(),
          landscape: z.boolean(),
          sections: reportSections,
        }),
      )
      .max(10),
    landscape: z.boolean(),
    fileName: z.string().min(1).max(200),
    sample: z.boolean(),
  })
  .refine(
    (doc) =>
      tableRows(doc.sections) + doc.annexes.reduce((n, a) => n + tableRows(a.sections), 0) <=
      DOCUMENT_MAX_ROWS,
    `at most ${DOCUMENT_MAX_ROWS} table rows`,
  ) satisfies z.ZodType<OfficialDocument>
