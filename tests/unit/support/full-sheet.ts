/**
 * A made-up full scoring sheet for product group I under QĐ 148's part maxima, for tests (the
 * points are the test's, not official ones): part A in two criteria, B and C scored as a whole.
 */
import type { ScoringSheetRecord } from '@shared/db/records'

export const groupISheet: ScoringSheetRecord = {
  id: 'sheet-1',
  criteriaSetId: 'qd-148',
  groupCodes: ['I'],
  name: 'Phiếu nhóm I',
  source: 'dữ liệu thử',
  parts: [
    {
      code: 'A',
      name: 'Phần A',
      max: 40,
      sections: [
        {
          code: 'A1',
          name: 'Tổ chức sản xuất',
          max: 40,
          criteria: [
            { code: 'A1.1', text: 'Nguyên liệu', max: 25, options: [], mandatoryFrom: null },
            { code: 'A1.2', text: 'Liên kết', max: 15, options: [], mandatoryFrom: null },
          ],
        },
      ],
    },
    { code: 'B', name: 'Phần B', max: 25, sections: [] },
    { code: 'C', name: 'Phần C', max: 35, sections: [] },
  ],
  fileName: 'phieu-nhom-I.xlsx',
  createdAt: '2020-09-01T00:00:00.000Z',
  updatedAt: '2020-09-01T00:00:00.000Z',
}
