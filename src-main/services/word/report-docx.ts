/**
 * An OfficialDocument as an editable Word document (.docx) in the layout of Nghị định 30/2020
 * (docs/official-documents.md), written with the `docx` library in the Excel worker:
 *
 * - A4, the decree's margins (rounded up to whole twips, never under the minimum), Times New Roman;
 *   page numbers centred at the top from page 2; each annex a section of its own, landscape when
 *   its table is wide, numbering its pages from 1.
 * - The header block and the closing block are borderless tables; the closing row never splits
 *   and the body's last paragraph keeps with it, so "Nơi nhận" and the signer's name always share
 *   a page with the end of the text. Headings keep with what follows.
 * - Bordered tables are spliced in as WordprocessingML (./docx-table), which keeps a 10,000-row
 *   annex to about a second.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { fitTable, lineWidthMm, textWidthMm } from '@shared/documents/fit'
import {
  DECIDES,
  FIRST_LINE_INDENT_MM,
  FONT,
  MARGINS_MM,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  PARAGRAPH_SPACING_PT,
  RECIPIENTS_LABEL,
  SAMPLE_MARK,
  SIZES,
  addresseeLines,
  annexLabel,
  annexReference,
  letterSubjectLine,
  numberLineOf,
  placeDateLine,
  recipientLines,
} from '@shared/documents/lines'
import type { DocSection, OfficialDocument, Signer } from '@shared/documents/model'
import type { JobProgressReport } from '../../workers/protocol'
import { pngSize } from '../excel/report-xlsx-picture'
import { safeFileName } from '../excel/report-xlsx'
import { TABLE_STYLE, tableXml } from './docx-table'

/** Millimetres to twips, rounded up: 20 mm is 1134 twips, never the 1133 that prints 19.99 mm. */
export const twips = (mm: number): number => Math.ceil((mm * 1440) / 25.4)
const half = (pt: number): number => pt * 2
/** Word's own A4 in twips. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = {
  top: twips(MARGINS_MM.top),
  bottom: twips(MARGINS_MM.bottom),
  left: twips(MARGINS_MM.left),
  right: twips(MARGINS_MM.right),
  header: twips(10),
  footer: twips(10),
}
const lineTwips = (landscape: boolean): number =>
  (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right
/** Blank lines left for the signature and the seal. */
const SIGNATURE_LINES = 4
/** The chart's width on the page. */
const CHART_WIDTH_MM = 160
const PX_PER_MM = 96 / 25.4

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' }
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE }

interface Run {
  text: string
  size: number
  bold?: boolean
  italics?: boolean
  color?: string
}

const run = (r: Run): TextRun =>
  new TextRun({
    text: r.text,
    size: half(r.size),
    ...(r.bold ? { bold: true } : {}),
    ...(r.italics ? { italics: true } : {}),
    ...(r.color ? { color: r.color } : {}),
  })

/** A centred line (header block, title, signature). */
function centred(r: Run, options: { before?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: 0 },
    keepNext: options.keepNext ?? true,
    keepLines: true,
    children: [run(r)],
  })
}

/** A short solid rule: a bottom border on an empty, low paragraph, indented to `lengthMm`. */
function rule(lengthMm: number, columnTwips: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - twips(lengthMm)) / 2))
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 40, lineRule: LineRuleType.EXACT },
    keepNext: true,
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  })
}

function borderless(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_BORDERS,
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  })
}

/** The two columns' widths: the issuer's a little narrower than the national name's. */
function halves(landscape: boolean): [number, number] {
  const line = lineTwips(landscape)
  const left = Math.round(line * 0.4)
  return [left, line - left]
}

function headerBlock(doc: OfficialDocument): Table {
  const [left, right] = halves(doc.landscape)
  const issuerLines = doc.issuer.name
  const issuer = [
    ...(doc.issuer.parent ? [centred({ text: doc.issuer.parent, size: SIZES.parent })] : []),
    ...issuerLines.map((text) => centred({ text, size: SIZES.issuer, bold: true })),
  ]
  // The rule under the issuer: 1/3 to 1/2 of its line; under the motto: as long as the motto.
  const issuerMm = Math.max(...issuerLines.map((t) => textWidthMm(t, SIZES.issuer, true)), 30)
  const national = [
    centred({ text: NATIONAL_NAME, size: SIZES.nationalName, bold: true }),
    centred({ text: NATIONAL_MOTTO, size: SIZES.motto, bold: true }),
  ]
  const number = [centred({ text: numberLineOf(doc), size: SIZES.number }, { before: 60 })]
  const letterSubject = letterSubjectLine(doc)
  if (letterSubject) number.push(centred({ text: letterSubject, size: SIZES.letterSubject }))
  const date = doc.signedOn
    ? [
        centred(
          {
            text: placeDateLine(doc.issuer.place, doc.signedOn),
            size: SIZES.placeDate,
            italics: true,
          },
          { before: 60 },
        ),
      ]
    : []
  return borderless(
    [left, right],
    [
      [
        [...issuer, rule(issuerMm * 0.4, left)],
        [...national, rule(textWidthMm(NATIONAL_MOTTO, SIZES.motto, true), right)],
      ],
      // "Số" and the place-date line on one row, under both rules.
      [number, date],
    ],
  )
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = []
  if (doc.sample) {
    out.push(centred({ text: SAMPLE_MARK, size: 13, bold: true, color: 'C00000' }, { before: 120 }))
  }
  // A letter has no title: its subject is under its number.
  const letter = letterSubjectLine(doc) !== null
  if (!letter) {
    out.push(centred({ text: doc.title.type, size: SIZES.title, bold: true }, { before: 360 }))
    if (doc.title.subject)
      out.push(centred({ text: doc.title.subject, size: SIZES.title, bold: true }))
    if (doc.title.subtitle) {
      out.push(centred({ text: doc.title.subtitle, size: SIZES.placeDate, italics: true }))
    }
    const subjectMm = textWidthMm(doc.title.subject || doc.title.type, SIZES.title, true)
    out.push(rule(Math.min(subjectMm, lineWidthMm(doc.landscape)) * 0.4, lineTwips(doc.landscape)))
  }
  // A letter's "Kính gửi" stands where a title would: as far below the header.
  addresseeLines(doc.recipients?.addressees ?? []).forEach((line, i) => {
    out.push(centred({ text: line, size: SIZES.body }, { before: letter && i === 0 ? 360 : 120 }))
  })
  if (doc.decision) {
    out.push(
      centred({ text: doc.decision.authority, size: SIZES.body, bold: true }, { before: 240 }),
    )
    for (const basis of doc.decision.bases) out.push(bodyParagraph(basis, { italics: true }))
    out.push(centred({ text: DECIDES, size: SIZES.body, bold: true }, { before: 240 }))
  }
  return out
}

function bodyParagraph(
  text: string,
  style: { italics?: boolean; size?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: style.keepNext === true,
    indent: { firstLine: twips(FIRST_LINE_INDENT_MM) },
    // At least 6 pt between paragraphs; 1.15 lines (the decree allows single to 1.5).
    spacing: { before: PARAGRAPH_SPACING_PT * 20, after: 0, line: 276 },
    widowControl: true,
    children: [
      run({ text, size: style.size ?? SIZES.body, ...(style.italics ? { italics: true } : {}) }),
    ],
  })
}

function heading(text: string): Paragraph {
  // Never the last line of a page: it keeps with the paragraph or table that follows.
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(FIRST_LINE_INDENT_MM) },
    spacing: { before: PARAGRAPH_SPACING_PT * 20, after: 0, line: 276 },
    keepNext: true,
    keepLines: true,
    children: [run({ text, size: SIZES.body, bold: true })],
  })
}

/** Placeholders for tables, replaced by their XML after packing. */
const tableMarker = (n: number): string => `@@OCOP-TABLE-${n}@@`

interface Build {
  /** Each table's WordprocessingML, in UTF-8 chunks. */
  tables: Uint8Array[][]
  chart: Uint8Array | undefined
}

/**
 * A section's paragraphs, its table's marker and its picture. `keepEnd`: the last of them keeps
 * with what follows (the closing block after a body without notes).
 */
function sectionChildren(
  sections: readonly DocSection[],
  landscape: boolean,
  build: Build,
  keepEnd: boolean,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  sections.forEach((section, s) => {
    const last = keepEnd && s === sections.length - 1
    const paragraphs = section.paragraphs ?? []
    if (section.heading) out.push(heading(section.heading))
    paragraphs.forEach((text, p) => {
      const end = last && p === paragraphs.length - 1 && !section.table && !section.image
      out.push(bodyParagraph(text, { keepNext: end }))
    })
    if (section.table) {
      const fit = fitTable(section.table, { landscape })
      const widths = fit.widthsMm.map((mm) => Math.floor((mm * 1440) / 25.4))
      build.tables.push(
        tableXml(section.table, { widths, keepLastWithNext: last && !section.image }),
      )
      out.push(new Paragraph({ children: [new TextRun(tableMarker(build.tables.length - 1))] }))
    }
    if (section.image && build.chart) {
      const size = pngSize(build.chart)
      if (size) {
        const width = Math.round(CHART_WIDTH_MM * PX_PER_MM)
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120 },
            keepNext: last,
            children: [
              new ImageRun({
                type: 'png',
                data: build.chart,
                transformation: { width, height: Math.round((width * size.height) / size.width) },
              }),
            ],
          }),
        )
      }
    }
  })
  return out
}

function signerBlock(signer: Signer | undefined): Paragraph[] {
  if (!signer) return []
  return [
    ...signer.lines.map((text) => centred({ text, size: SIGNER_SIZE, bold: true })),
    ...Array.from({ length: SIGNATURE_LINES }, () => centred({ text: '', size: SIGNER_SIZE })),
    centred({ text: signer.name, size: SIGNER_SIZE, bold: true }),
  ]
}
const SIGNER_SIZE = SIZES.signer

/** "Nơi nhận" beside the signature in one row that never splits; minutes' two signers side by side. */
function closingBlock(doc: OfficialDocument): Table {
  const [left, right] = halves(doc.landscape)
  const recipients = doc.recipients
    ? [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240 },
          children: [
            run({ text: RECIPIENTS_LABEL, size: SIZES.recipientsLabel, bold: true, italics: true }),
          ],
        }),
        ...recipientLines(doc.recipients).map(
          (text) =>
            new Paragraph({ keepNext: true, children: [run({ text, size: SIZES.recipients })] }),
        ),
      ]
    : []
  const signature = (signer: Signer | undefined): Paragraph[] => {
    const lines = signerBlock(signer)
    // Level with "Nơi nhận:".
    return lines.length === 0
      ? []
      : [new Paragraph({ spacing: { before: 240 }, keepNext: true }), ...lines]
  }
  const [first, second] = doc.signers
  if (second) {
    const half = Math.round((left + right) / 2)
    return borderless(
      [half, left + right - half],
      [[signature(first), signature(second)], ...(recipients.length > 0 ? [[recipients, []]] : [])],
    )
  }
  return borderless([left, right], [[recipients, signature(first)]])
}

function pageHeaders(doc: OfficialDocument): ISectionOptions['headers'] {
  const sample = doc.sample
    ? [
        new Paragraph({
          children: [run({ text: SAMPLE_MARK, size: 12, bold: true, color: 'C00000' })],
        }),
      ]
    : []
  return {
    default: new Header({
      children: [
        ...sample,
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: half(SIZES.pageNumber) })],
        }),
      ],
    }),
    // Page 1 has no number; the first header needs a paragraph of its own to be valid.
    first: new Header({ children: sample.length > 0 ? sample : [new Paragraph({})] }),
  }
}

function page(landscape: boolean, restart: boolean) {
  return {
    titlePage: true,
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: MARGIN,
      ...(restart ? { pageNumbers: { start: 1 } } : {}),
    },
  }
}

/** The document as .docx bytes. */
export async function writeReportDocx(
  doc: OfficialDocument,
  options: { chartPng?: Uint8Array; onProgress?: (progress: JobProgressReport) => void } = {},
): Promise<Uint8Array> {
  const report = options.onProgress ?? (() => undefined)
  const build: Build = { tables: [], chart: options.chartPng }
  report({ stage: 'Đang dựng văn bản Word', done: 0, total: 3 })

  // The body's last paragraph keeps with the closing block: never "Nơi nhận" alone on a page.
  const notes = doc.notes.map((text, i) =>
    bodyParagraph(text, { italics: true, size: SIZES.note, keepNext: i === doc.notes.length - 1 }),
  )
  const body = [
    headerBlock(doc),
    ...titleBlock(doc),
    ...sectionChildren(doc.sections, doc.landscape, build, notes.length === 0),
    ...notes,
  ]

  const sections: ISectionOptions[] = [
    {
      properties: page(doc.landscape, false),
      headers: pageHeaders(doc),
      children: [...body, closingBlock(doc)],
    },
    ...doc.annexes.map((annex, index) => ({
      properties: page(annex.landscape, true),
      headers: pageHeaders(doc),
      children: [
        ...(doc.sample
          ? [centred({ text: SAMPLE_MARK, size: 13, bold: true, color: 'C00000' })]
          : []),
        centred({ text: annexLabel(doc, index), size: SIZES.annexLabel, bold: true }),
        centred({ text: annex.title, size: SIZES.annexTitle, bold: true }),
        centred({ text: annexReference(doc), size: SIZES.placeDate, italics: true }),
        ...(annex.subtitle
          ? [centred({ text: annex.subtitle, size: SIZES.placeDate, italics: true })]
          : []),
        new Paragraph({ keepNext: true, children: [] }),
        ...sectionChildren(annex.sections, annex.landscape, build, false),
      ],
    })),
  ]

  const document = new Document({
    creator: 'OCOP Desk',
    title: `${doc.title.type} ${doc.title.subject}`.trim(),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: half(SIZES.body) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'Bảng số liệu',
          basedOn: 'Normal',
          run: { size: half(SIZES.table) },
          paragraph: { spacing: { before: 20, after: 20 } },
        },
      ],
    },
    sections,
  })
  report({ stage: 'Đang ghi bảng', done: 1, total: 3 })
  const packed = await Packer.toBuffer(document)
  if (build.tables.length === 0) return new Uint8Array(packed)
  // The tables go in where their markers stand; the parts are zipped again as they were.
  const files = unzipSync(packed)
  const xml = files[DOCUMENT_XML]
  if (!xml) throw new Error('the packed document has no word/document.xml')
  files[DOCUMENT_XML] = spliceTables(strFromU8(xml), build.tables)
  report({ stage: 'Đang nén tệp Word', done: 2, total: 3 })
  // A copy that owns its whole buffer, so the worker can transfer it.
  return new Uint8Array(zipSync(files, { level: 6 }))
}

const DOCUMENT_XML = 'word/document.xml'

/** document.xml with each marker paragraph replaced by its table, as UTF-8 bytes. */
export function spliceTables(
  xml: string,
  tables: readonly Uint8Array[][],
): Uint8Array<ArrayBuffer> {
  const pieces: Uint8Array[] = []
  let from = 0
  tables.forEach((table, n) => {
    const at = xml.indexOf(tableMarker(n), from)
    const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at))
    const end = xml.indexOf('</w:p>', at)
    if (at < 0 || start < from || end < 0) {
      throw new Error(`table marker ${n} not found in word/document.xml`)
    }
    pieces.push(strToU8(xml.slice(from, start)), ...table)
    from = end + '</w:p>'.length
  })
  pieces.push(strToU8(xml.slice(from)))
  const bytes = new Uint8Array(pieces.reduce((n, piece) => n + piece.byteLength, 0))
  let offset = 0
  for (const piece of pieces) {
    bytes.set(piece, offset)
    offset += piece.byteLength
  }
  return bytes
}

/** The worker job: the document's .docx under its suggested file name. */
export async function reportDocxJob(
  input: { model: OfficialDocument; chartPng?: Uint8Array },
  onProgress: (progress: JobProgressReport) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const bytes = await writeReportDocx(input.model, {
    ...(input.chartPng ? { chartPng: input.chartPng } : {}),
    onProgress,
  })
  return { fileName: `${safeFileName(input.model.fileName)}.docx`, bytes }
}
