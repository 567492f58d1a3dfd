import { describe, expect, it } from 'vitest'
import {
  IMPORT_FIELDS,
  detectHeader,
  mapColumns,
  type HeaderCell,
  type HeaderRow,
  type ImportField,
} from '@shared/import/header'

const nfd = (s: string) => s.normalize('NFD')

/** A row of plain cells; `font` applies to every non-empty cell. */
function row(n: number, texts: readonly string[], font?: string): HeaderRow {
  return {
    row: n,
    cells: texts.map((text): HeaderCell => (font === undefined ? { text } : { text, font })),
  }
}

/** Marks the range rows top..bottom, columns left..right (1-based) as merged, like read-table. */
function merge(
  rows: HeaderRow[],
  top: number,
  left: number,
  right: number,
  bottom = top,
): HeaderRow[] {
  return rows.map((r) => {
    if (r.row < top || r.row > bottom) return r
    const cells = [...r.cells]
    for (let c = left; c <= right; c++) {
      const isTopLeft = r.row === top && c === left
      cells[c - 1] = { text: isTopLeft ? (cells[c - 1]?.text ?? '') : '', merged: { top, left } }
    }
    return { row: r.row, cells }
  })
}

/** A title merged across `width` columns. */
function title(n: number, text: string, width: number): HeaderRow[] {
  return merge([row(n, [text, ...Array<string>(width - 1).fill('')])], n, 1, width)
}

const NOTE = 'DỮ LIỆU MẪU - không phải số liệu thật'
const F01 = [
  'STT',
  'Tên sản phẩm',
  'Tên chủ thể',
  'Loại hình chủ thể',
  'Xã, phường',
  'Nhóm sản phẩm',
  'Điểm',
  'Hạng sao',
  'Năm công nhận',
  'Số quyết định',
  'Ngày quyết định',
]
const DATA01 = [
  '1',
  'Rau mầm hữu cơ Thành Đạt',
  'Hộ kinh doanh Tạ Thanh Thủy',
  'Hộ kinh doanh',
  'Phường Bần Yên Nhân',
  'Thực phẩm',
  '73.9',
  '4',
  '2019',
  '3191/QĐ-UBND',
  '20/12/2019',
]
const STANDARD: (ImportField | null)[] = [
  'rowNumber',
  'product',
  'producer',
  'producerType',
  'unit',
  'group',
  'score',
  'stars',
  'year',
  'decisionNo',
  'decisionDate',
]

interface Fixture {
  id: string
  rows: HeaderRow[]
  headerRows: number[]
  firstDataRow: number
  /** Manifest column map, by column: the field, or null for a column the importer ignores. */
  fields: (ImportField | null)[]
}

// Header rows in the layouts of commune files 01-12 (tests/fixtures/commune/manifest.json), with
// the title rows above and a first data row below.
const FIXTURES: Fixture[] = [
  {
    id: '01',
    rows: [row(1, F01), row(2, DATA01)],
    headerRows: [1],
    firstDataRow: 2,
    fields: STANDARD,
  },
  {
    id: '02',
    rows: [
      ...merge(
        merge(
          [
            row(1, ['ỦY BAN NHÂN DÂN', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']),
            row(2, ['THỊ XÃ MỸ HÀO', '', '', '', 'Độc lập - Tự do - Hạnh phúc']),
            row(3, ['Số: 112/BC-UBND', '', '', '', 'Mỹ Hào, ngày 08 tháng 12 năm 2023']),
          ],
          1,
          1,
          4,
          3,
        ),
        1,
        5,
        10,
        3,
      ),
      ...title(5, 'BIỂU TỔNG HỢP SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN GIAI ĐOẠN 2020 - 2023', 10),
      ...title(6, '(Kèm theo Báo cáo số 112/BC-UBND ngày 08/12/2023 của UBND thị xã Mỹ Hào)', 10),
      ...title(7, NOTE, 10),
      row(9, [
        'STT',
        'Tên sản phẩm OCOP',
        'Chủ thể sản xuất',
        'Loại hình',
        'Địa chỉ (xã, phường)',
        'Nhóm sản phẩm',
        'Tổng điểm',
        'Xếp hạng (sao)',
        'Năm',
        'Số, ngày quyết định công nhận',
      ]),
      row(10, ['1', 'Ruốc thịt lợn Đất Lành', 'Hộ kinh doanh Vũ Quang Lợi', 'Hộ kinh doanh']),
    ],
    headerRows: [9],
    firstDataRow: 10,
    // decision_combined: the number and date share one column, mapped as the decision number.
    fields: STANDARD.slice(0, 10),
  },
  {
    id: '03',
    rows: merge(
      merge(
        merge(
          merge(
            merge(
              [
                ...title(1, 'DANH MỤC SẢN PHẨM OCOP THỊ XÃ MỸ HÀO', 10),
                ...title(2, `(${NOTE})`, 10),
                row(3, [
                  'STT',
                  'Sản phẩm',
                  '',
                  'Thông tin chủ thể',
                  '',
                  'Kết quả phân hạng',
                  '',
                  '',
                  'Quyết định công nhận',
                  '',
                ]),
                row(4, [
                  '',
                  'Tên',
                  'Nhóm',
                  'Tên',
                  'Loại hình',
                  'Điểm',
                  'Hạng sao',
                  'Năm',
                  'Số',
                  'Ngày',
                ]),
              ],
              3,
              1,
              1,
              4,
            ),
            3,
            2,
            3,
          ),
          3,
          4,
          5,
        ),
        3,
        6,
        8,
      ),
      3,
      9,
      10,
    ).concat([
      row(5, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)']),
      ...title(6, 'I. Phường Bần Yên Nhân', 10),
    ]),
    headerRows: [3, 4],
    firstDataRow: 6,
    fields: [
      'rowNumber',
      'product',
      'group',
      'producer',
      'producerType',
      'score',
      'stars',
      'year',
      'decisionNo',
      'decisionDate',
    ],
  },
  {
    id: '04',
    rows: [
      row(1, [`DANH SÁCH SẢN PHẨM OCOP (${NOTE})`]),
      row(2, [
        'STT',
        'Tên sản phẩm',
        'Chủ thể',
        'Loại hình',
        'Xã/phường',
        'Nhóm',
        'Điểm số',
        'Số sao',
        'Năm',
        'QĐ số',
        'Ngày QĐ',
      ]),
      row(3, ['1', 'Dưa chuột muối Thành Đạt', 'Công ty Cổ phần Bảo Ngọc', 'Doanh nghiệp']),
    ],
    headerRows: [2],
    firstDataRow: 3,
    fields: STANDARD,
  },
  {
    id: '05',
    rows: [
      ...title(1, 'b¶ng kª s¶n phÈm ocop ®\u00adîc c«ng nhËn n¨m 2019 - 2021', 10).map((r) => ({
        ...r,
        cells: r.cells.map((c) => ({ ...c, font: '.VnTimeH' })),
      })),
      ...title(2, NOTE, 10),
      row(
        3,
        [
          'STT',
          'T£N S¶N PHÈM',
          'CHñ THÓ S¶N XUÊT',
          'X·, PH¦êNG',
          'NHãM S¶N PHÈM',
          '§IÓM §¸NH GI¸',
          'XÕP H¹NG (SAO)',
          'N¡M',
          'Sè QUYÕT §ÞNH',
          'NGµY QUYÕT §ÞNH',
        ],
        '.VnTimeH',
      ),
      row(4, ['1', 'T\u00ad¬ng BÇn ViÖt H\u00adng', 'HTX T\u00ad¬ng Minh Khang'], '.VnTime'),
    ],
    headerRows: [3],
    firstDataRow: 4,
    fields: [
      'rowNumber',
      'product',
      'producer',
      'unit',
      'group',
      'score',
      'stars',
      'year',
      'decisionNo',
      'decisionDate',
    ],
  },
  {
    id: '06',
    rows: [
      row(1, [nfd(`Danh sách sản phẩm OCOP - ${NOTE}`)]),
      row(
        2,
        [
          'STT',
          'Tên sản phẩm',
          'Chủ thể',
          'Loại hình chủ thể',
          'Địa bàn',
          'Nhóm sản phẩm',
          'Điểm',
          'Hạng',
          'Năm',
          'Số QĐ',
          'Ngày QĐ',
        ].map(nfd),
      ),
      row(3, ['1', 'Trứng gà sạch Hợp Thành'].map(nfd)),
    ],
    headerRows: [2],
    firstDataRow: 3,
    fields: STANDARD,
  },
  {
    id: '07',
    rows: [
      row(1, ['DANH SÁCH SẢN PHẨM OCOP THỊ XÃ MỸ HÀO']),
      row(3, [
        'STT',
        'Mã nội bộ',
        'Tên sản phẩm',
        'Chủ thể',
        'Loại hình',
        'Xã/Phường',
        'Nhóm sản phẩm',
        'Điểm',
        'Sao',
        'Năm công nhận',
        'Quyết định số',
        'Ngày ký',
      ]),
      row(4, ['1', 'MH-XD-2019-001', 'Quất cảnh Xuân Dục']),
    ],
    headerRows: [3],
    firstDataRow: 4,
    fields: [
      'rowNumber',
      null,
      'product',
      'producer',
      'producerType',
      'unit',
      'group',
      'score',
      'stars',
      'year',
      'decisionNo',
      'decisionDate',
    ],
  },
  {
    id: '08',
    rows: [
      row(1, [
        '\uFEFFSTT',
        'Tên sản phẩm',
        'Tên chủ thể',
        'Loại hình chủ thể',
        'Xã/phường',
        'Nhóm sản phẩm',
        'Điểm',
        'Hạng sao',
        'Năm',
        'Số QĐ',
        'Ngày QĐ',
        'Ghi chú',
      ]),
      row(2, ['1', 'Bánh dày giò Bần Yên Nhân', 'Tổ hợp tác bánh dày thôn Hạ Hào']),
    ],
    headerRows: [1],
    firstDataRow: 2,
    fields: [...STANDARD, 'note'],
  },
  {
    id: '09',
    rows: [
      row(1, [
        `DANH SÁCH SẢN PHẨM OCOP XÃ DƯƠNG QUANG, HÒA PHONG, CẨM XÁ (${NOTE})`,
        ...Array<string>(9).fill(''),
      ]),
      row(3, [
        'STT',
        'Tên sản phẩm',
        'Chủ thể',
        'Loại hình',
        'Xã/phường',
        'Điểm',
        'Hạng sao',
        'Năm',
        'Số quyết định',
        'Ngày quyết định',
      ]),
      row(4, ['1', 'Rượu nếp "cái hoa vàng" Việt Hưng', 'Hộ kinh doanh Trịnh Thu Nga']),
    ],
    headerRows: [3],
    firstDataRow: 4,
    fields: [
      'rowNumber',
      'product',
      'producer',
      'producerType',
      'unit',
      'score',
      'stars',
      'year',
      'decisionNo',
      'decisionDate',
    ],
  },
  {
    id: '10',
    rows: [row(1, F01), row(2, DATA01)],
    headerRows: [1],
    firstDataRow: 2,
    fields: STANDARD,
  },
  {
    id: '11',
    rows: [
      row(1, [NOTE]),
      row(2, [
        'Số QĐ',
        'Ngày QĐ',
        'TT',
        'Xã/P',
        'Tên SP',
        'Chủ thể SX',
        'Loại hình',
        'Nhóm SP',
        'Hạng',
        'Điểm TB',
        'Năm CN',
      ]),
      row(3, ['1343/QĐ-UBND', '02/06/22', '1', 'P.Dị Sử', 'Trứng vịt muối Vạn Xuân']),
    ],
    headerRows: [2],
    firstDataRow: 3,
    fields: [
      'decisionNo',
      'decisionDate',
      'rowNumber',
      'unit',
      'product',
      'producer',
      'producerType',
      'group',
      'stars',
      'score',
      'year',
    ],
  },
  {
    id: '12',
    rows: [row(1, [`KẾT QUẢ ĐÁNH GIÁ SẢN PHẨM OCOP 2023-2024 (${NOTE})`]), row(2, F01)],
    headerRows: [2],
    firstDataRow: 3,
    fields: STANDARD,
  },
]

describe('detectHeader and mapColumns on the commune fixtures', () => {
  it.each(FIXTURES)('file $id: finds the header rows and maps every column', (fixture) => {
    const header = detectHeader(fixture.rows)
    expect(header).not.toBeNull()
    if (header === null) return
    expect(header.headerRows).toEqual(fixture.headerRows)
    expect(header.firstDataRow).toBe(fixture.firstDataRow)
    const mapping = mapColumns(header.columns)
    const byColumn = fixture.fields.map(
      (_, index) => mapping.find((m) => m.index === index)?.field ?? null,
    )
    expect(byColumn).toEqual(fixture.fields)
    expect(new Set(mapping.map((m) => m.field)).size).toBe(mapping.length)
    for (const m of mapping) {
      expect(m.confidence).toBeGreaterThan(0)
      expect(m.confidence).toBeLessThanOrEqual(1)
    }
  })
})

describe('detectHeader', () => {
  it('joins a two-level merged header into parent › child labels', () => {
    const header = detectHeader(FIXTURES.find((f) => f.id === '03')?.rows ?? [])
    expect(header?.columns.map((c) => c.label)).toEqual([
      'STT',
      'Sản phẩm › Tên',
      'Sản phẩm › Nhóm',
      'Thông tin chủ thể › Tên',
      'Thông tin chủ thể › Loại hình',
      'Kết quả phân hạng › Điểm',
      'Kết quả phân hạng › Hạng sao',
      'Kết quả phân hạng › Năm',
      'Quyết định công nhận › Số',
      'Quyết định công nhận › Ngày',
    ])
  })

  it('decodes TCVN3 header cells by their font', () => {
    const header = detectHeader(FIXTURES.find((f) => f.id === '05')?.rows ?? [])
    expect(header?.columns.map((c) => c.label).slice(1, 4)).toEqual([
      'TÊN SẢN PHẨM',
      'CHỦ THỂ SẢN XUẤT',
      'XÃ, PHƯỜNG',
    ])
  })

  it('finds the header when the clerk typed it without diacritics', () => {
    const header = detectHeader([
      row(1, ['Danh sach san pham']),
      row(2, ['STT', 'Ten san pham', 'Ten chu the', 'Xa, phuong', 'Diem', 'Hang sao']),
    ])
    expect(header?.headerRows).toEqual([2])
    expect(mapColumns(header?.columns ?? []).map((m) => [m.field, m.confidence])).toEqual([
      ['rowNumber', 1],
      ['product', 1],
      ['producer', 1],
      ['unit', 1],
      ['score', 1],
      ['stars', 1],
    ])
  })

  it('looks only at the first maxScan rows and returns null without a header', () => {
    const rows = [row(1, ['Báo cáo']), row(40, F01)]
    expect(detectHeader(rows, 1)).toBeNull()
    expect(detectHeader(rows)?.headerRows).toEqual([40])
    expect(detectHeader([])).toBeNull()
  })

  it('does not take a merged title above the header for a parent row', () => {
    const header = detectHeader(FIXTURES.find((f) => f.id === '05')?.rows ?? [])
    expect(header?.headerRows).toEqual([3])
  })
})

describe('mapColumns', () => {
  it('gives exact synonyms confidence 1 and containing labels less', () => {
    const mapping = mapColumns([
      { index: 0, label: 'Tên sản phẩm chính' },
      { index: 1, label: 'LHCT' },
      { index: 2, label: 'Đơn vị' },
      { index: 3, label: 'Mã nội bộ' },
    ])
    expect(mapping.map((m) => m.field)).toEqual(['product', 'producerType', 'unit'])
    expect(mapping[0]?.confidence).toBeLessThan(1)
    expect(mapping[0]?.confidence).toBeGreaterThan(0.5)
    expect(mapping[1]?.confidence).toBe(1)
  })

  it('maps each field at most once, to the surest column', () => {
    const mapping = mapColumns([
      { index: 0, label: 'Điểm phần A' },
      { index: 1, label: 'Điểm phần B' },
      { index: 2, label: 'Điểm phần C' },
      { index: 3, label: 'Tổng điểm' },
      { index: 4, label: 'Ghi chú' },
      { index: 5, label: 'Ghi chú thêm' },
    ])
    expect(mapping.map((m) => [m.index, m.field])).toEqual([
      [0, 'partA'],
      [1, 'partB'],
      [2, 'partC'],
      [3, 'score'],
      [4, 'note'],
    ])
  })

  it('maps the tax number column, written in full or as MST', () => {
    for (const label of ['Mã số thuế', 'MST', 'Ma so thue']) {
      expect(mapColumns([{ index: 2, label }])).toEqual([
        { field: 'taxCode', index: 2, label, confidence: 1 },
      ])
    }
    expect(IMPORT_FIELDS).toContain('taxCode')
  })
})
