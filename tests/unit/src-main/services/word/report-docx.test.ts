import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { OfficialDocument } from '@shared/documents/model'
import { buildReport } from '@shared/reports/build'
import { REPORT_KINDS, type ReportKind } from '@shared/reports/model'
import {
  spliceTables,
  twips,
  writeReportDocx,
} from '../../../../../src-main/services/word/report-docx'
import { myHaoData, PLAN } from '../../../src-shared/reports/my-hao-fixture'

/** The parts of a .docx a reader checks, with the document's XML split into its paragraphs. */
async function readDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  const part = async (path: string): Promise<string> => {
    const file = zip.file(path)
    if (!file) throw new Error(`${path} missing`)
    return file.async('string')
  }
  const xml = await part('word/document.xml')
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0])
  const text = (p: string): string =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  const paragraph = (wanted: string): string => {
    const found = paragraphs.find((p) => text(p) === wanted)
    if (!found) throw new Error(`no paragraph "${wanted}"`)
    return found
  }
  /** The table row holding the paragraph with `wanted` text. */
  const rowOf = (wanted: string): string => {
    const at = xml.indexOf(paragraph(wanted))
    const start = xml.lastIndexOf('<w:tr>', at)
    return xml.slice(start, xml.indexOf('</w:tr>', at))
  }
  const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0])
  return { zip, part, xml, paragraphs, text, paragraph, rowOf, sections }
}

const attr = (xml: string, element: string, name: string): string | null =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null
const sizeOf = (paragraph: string): number | null => {
  const value = attr(paragraph, 'w:sz', 'w:val')
  return value === null ? null : Number(value) / 2
}

function report(kind: ReportKind, options: { sample?: boolean } = {}): OfficialDocument {
  return buildReport(kind, myHaoData(), {
    date: '2020-12-31',
    signedOn: '2021-01-05',
    docNumber: '5',
    planId: PLAN.id,
    sample: options.sample === true,
  })
}

describe('a report as a Word document (Nghị định 30)', () => {
  it('is A4 with the decree margins, never rounded below the minimum', async () => {
    const docx = await readDocx(await writeReportDocx(report('units')))
    const [body] = docx.sections
    expect(attr(body ?? '', 'w:pgSz', 'w:w')).toBe('11906')
    expect(attr(body ?? '', 'w:pgSz', 'w:h')).toBe('16838')
    // 20 mm is at least 1134 twips (1133 would print 19.99 mm).
    expect(Number(attr(body ?? '', 'w:pgMar', 'w:top'))).toBeGreaterThanOrEqual(1134)
    expect(Number(attr(body ?? '', 'w:pgMar', 'w:bottom'))).toBeGreaterThanOrEqual(1134)
    expect(Number(attr(body ?? '', 'w:pgMar', 'w:left'))).toBeGreaterThanOrEqual(twips(30))
    expect(Number(attr(body ?? '', 'w:pgMar', 'w:right'))).toBeGreaterThanOrEqual(twips(15))
    expect(twips(20)).toBe(1134)
    const styles = await docx.part('word/styles.xml')
    expect(attr(styles, 'w:rFonts', 'w:ascii')).toBe('Times New Roman')
  })

  it('numbers pages centred at the top from page 2, none on page 1', async () => {
    const docx = await readDocx(await writeReportDocx(report('units')))
    const [body] = docx.sections
    expect(body).toContain('<w:titlePg/>')
    const rels = await docx.part('word/_rels/document.xml.rels')
    const headerFile = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(
        body ?? '',
      )?.[1]
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
      if (!target) throw new Error(`no ${type} header`)
      return `word/${target}`
    }
    const numbered = await docx.part(headerFile('default'))
    expect(numbered).toContain('PAGE')
    expect(attr(numbered, 'w:jc', 'w:val')).toBe('center')
    expect(await docx.part(headerFile('first'))).not.toContain('PAGE')
  })

  it('writes the header block: issuer without a parent line, rules, number and date line', async () => {
    const docx = await readDocx(await writeReportDocx(report('products')))
    const issuer = docx.paragraph('ỦY BAN NHÂN DÂN')
    expect(issuer).toContain('<w:b/>')
    expect(sizeOf(issuer)).toBe(12)
    expect(docx.paragraph('THỊ XÃ MỸ HÀO')).toContain('<w:b/>')
    expect(docx.paragraphs.some((p) => docx.text(p).includes('TỈNH HƯNG YÊN'))).toBe(false)
    expect(sizeOf(docx.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(12)
    const motto = docx.paragraph('Độc lập - Tự do - Hạnh phúc')
    expect(motto).toContain('<w:b/>')
    expect(sizeOf(motto)).toBe(13)
    expect(sizeOf(docx.paragraph('Số: 05/BC-UBND'))).toBe(13)
    // The signing date, not the data date, in italics; the data date under the title.
    const date = docx.paragraph('Mỹ Hào, ngày 05 tháng 01 năm 2021')
    expect(date).toContain('<w:i/>')
    docx.paragraph('(Tính đến ngày 31/12/2020)')
    // "Số" and the date line share one row of the header table.
    expect(docx.rowOf('Số: 05/BC-UBND')).toContain('Mỹ Hào, ngày 05 tháng 01 năm 2021')
    // Short rules: bottom borders on empty paragraphs, under the issuer, the motto and the title.
    const rules = docx.paragraphs.filter((p) => /<w:pBdr><w:bottom w:val="single"/.test(p))
    expect(rules).toHaveLength(3)
    expect(sizeOf(docx.paragraph('BÁO CÁO'))).toBe(14)
  })

  it('writes a letter (công văn) with its subject under the number and no title', async () => {
    const letter: OfficialDocument = {
      ...report('units'),
      type: 'CV',
      number: '12',
      title: { type: 'CÔNG VĂN', subject: 'đề nghị đánh giá, phân hạng sản phẩm OCOP' },
      recipients: { addressees: ['Ủy ban nhân dân tỉnh Hưng Yên'], copies: [], archive: 'KT' },
    }
    const docx = await readDocx(await writeReportDocx(letter))
    const subject = docx.paragraph('V/v đề nghị đánh giá, phân hạng sản phẩm OCOP')
    expect(sizeOf(subject)).toBe(12)
    expect(docx.rowOf('Số: 12/UBND-KT')).toContain('V/v đề nghị đánh giá')
    expect(docx.paragraphs.some((p) => docx.text(p) === 'CÔNG VĂN')).toBe(false)
    docx.paragraph('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
    // Only the rules under the issuer and the motto: a letter has no title to underline.
    expect(docx.paragraphs.filter((p) => /<w:pBdr><w:bottom w:val="single"/.test(p))).toHaveLength(
      2,
    )
  })

  it('keeps "Nơi nhận" and the signature in one row that never splits, with the end of the body', async () => {
    const docx = await readDocx(await writeReportDocx(report('products')))
    const label = docx.paragraph('Nơi nhận:')
    expect(label).toContain('<w:b/>')
    expect(label).toContain('<w:i/>')
    expect(sizeOf(label)).toBe(12)
    expect(sizeOf(docx.paragraph('- Lưu: VT, KT.'))).toBe(11)
    const row = docx.rowOf('Nơi nhận:')
    expect(row).toContain('<w:cantSplit/>')
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A']) {
      expect(row).toContain(`>${line}<`)
    }
    // The body's last paragraph, just before the closing table, keeps with it.
    const before = docx.xml.slice(0, docx.xml.lastIndexOf('<w:tbl>', docx.xml.indexOf(row)))
    const lastBody = before.slice(before.lastIndexOf('<w:p>'))
    expect(docx.text(lastBody)).toMatch(/^Hạng sao theo quyết định/)
    expect(lastBody).toContain('<w:keepNext/>')
  })

  it('puts the list in an annex: own section, landscape, pages from 1, header rows repeated', async () => {
    const docx = await readDocx(await writeReportDocx(report('products')))
    expect(docx.sections).toHaveLength(2)
    const annex = docx.sections[1] ?? ''
    expect(attr(annex, 'w:pgSz', 'w:orient')).toBe('landscape')
    expect(attr(annex, 'w:pgSz', 'w:w')).toBe('16838')
    expect(attr(annex, 'w:pgNumType', 'w:start')).toBe('1')
    expect(annex).toContain('<w:titlePg/>')
    docx.paragraph('Phụ lục')
    docx.paragraph('DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC')
    docx.paragraph(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    const tables = [...docx.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])
    const bordered = tables.filter((t) => t.includes('<w:tblBorders><w:top w:val="single"'))
    expect(bordered.length).toBe(2)
    for (const table of bordered) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? ''
      expect(firstRow).toContain('<w:tblHeader/>')
      // Header rows keep with the first data row: never a page holding only a header.
      expect(firstRow).toContain('<w:keepNext/>')
    }
    expect(docx.xml).toContain('>3056/QĐ-UBND<')
    // Table text is 12 pt through its paragraph style, never below 11.
    const styles = await docx.part('word/styles.xml')
    const tableStyle = /<w:style [^>]*w:styleId="OcopTable"[\s\S]*?<\/w:style>/.exec(styles)?.[0]
    expect(attr(tableStyle ?? '', 'w:sz', 'w:val')).toBe('24')
  })

  it('writes every report kind of the practice register, marked as sample data', async () => {
    for (const kind of REPORT_KINDS) {
      const docx = await readDocx(await writeReportDocx(report(kind, { sample: true })))
      expect(docx.xml).toContain('DỮ LIỆU MẪU')
      docx.paragraph('Nơi nhận:')
      expect(docx.xml).not.toContain('@@OCOP-TABLE')
    }
  })

  it('escapes text from the register and drops characters XML cannot hold', async () => {
    const data = myHaoData()
    const products = data.products.map((p, i) => (i === 0 ? { ...p, name: 'A & B <x>\u0001' } : p))
    const doc = buildReport(
      'products',
      { ...data, products },
      {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
      },
    )
    const docx = await readDocx(await writeReportDocx(doc))
    expect(docx.xml).toContain('A &amp; B &lt;x&gt;')
    docx.paragraph('Số:      /BC-UBND')
  })

  it('refuses to splice when a table marker is missing', () => {
    expect(() => spliceTables('<w:body></w:body>', [[new Uint8Array(1)]])).toThrow(/marker 0/)
  })
})
