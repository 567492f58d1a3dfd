/**
 * Records as schema version 3 stored them, when a product still carried a status chosen at
 * creation or import, with the copies other tables keep of them; and what version 4 makes of them.
 */
const at = '2024-01-01T00:00:00.000Z'
const product = (id: string, description: string) => ({
  id,
  name: `Sản phẩm ${id}`,
  producerId: null,
  unitId: null,
  criteriaSetId: null,
  groupCode: '',
  productSetCode: '',
  description,
  createdAt: at,
  updatedAt: at,
})
const withStatus = <T extends object>(record: T, status: string) => ({ ...record, status })

const recognised = product('recognised', '')
const stopped = product('stopped', 'Sản xuất theo mùa')
const idea = product('idea', '')
const lost = { ...product('lost', ''), producerId: 'gone' }
const imported = product('imported', '')

export const VERSION_3_TABLES = {
  products: [
    withStatus(recognised, 'dat-ocop'),
    withStatus(stopped, 'dung'),
    withStatus(idea, 'y-tuong'),
  ],
  auditLog: [
    {
      id: 1,
      at,
      action: 'update',
      table: 'products',
      recordId: 'stopped',
      summary: 'Sửa sản phẩm',
      before: withStatus(stopped, 'da-dang-ky'),
      after: withStatus(stopped, 'dung'),
      batchId: null,
    },
    {
      id: 2,
      at,
      action: 'import',
      table: 'importBatches',
      recordId: 'batch',
      summary: 'Nhập tệp xa.xlsx (trang "DS"): 0 dòng mới, 1 dòng cập nhật',
      before: null,
      after: { counts: { update: 1 }, createdIds: {} },
      batchId: 'batch',
    },
  ],
  setAside: [
    {
      id: 'lost',
      table: 'products',
      record: withStatus(lost, 'het-han'),
      missing: [{ field: 'producerId', table: 'producers', id: 'gone' }],
      backupName: 'ocop-desk-manual-20240101-080000.json',
      setAsideAt: at,
    },
  ],
  importBatches: [
    {
      id: 'batch',
      fileName: 'xa.xlsx',
      fileHash: 'abc',
      sheet: 'DS',
      mapping: {},
      counts: { update: 1 },
      beforeImages: [{ table: 'products', record: withStatus(imported, 'da-danh-gia') }],
      createdIds: {},
      createdAt: at,
      undoneAt: null,
    },
  ],
}

const stoppedNow = {
  ...stopped,
  description: 'Sản xuất theo mùa\nTrạng thái đã ghi trước đây: Dừng.',
}

/** The same records at version 4: no status; what no evaluation can tell kept in the description. */
export const VERSION_4_TABLES = {
  products: [
    recognised,
    stoppedNow,
    { ...idea, description: 'Trạng thái đã ghi trước đây: Ý tưởng.' },
  ],
  auditLog: [
    { ...VERSION_3_TABLES.auditLog[0], before: stopped, after: stoppedNow },
    VERSION_3_TABLES.auditLog[1],
  ],
  setAside: [{ ...VERSION_3_TABLES.setAside[0], record: lost }],
  importBatches: [
    {
      ...VERSION_3_TABLES.importBatches[0],
      beforeImages: [{ table: 'products', record: imported }],
    },
  ],
}

/** The same records as today's version holds them: the import batch is a change batch. */
export const CURRENT_TABLES = {
  products: VERSION_4_TABLES.products,
  // The import's line names the change batch it became.
  auditLog: [
    VERSION_4_TABLES.auditLog[0],
    { ...VERSION_3_TABLES.auditLog[1], table: 'changeBatches' },
  ],
  setAside: VERSION_4_TABLES.setAside,
  changeBatches: [
    {
      id: 'batch',
      kind: 'import',
      label: 'Nhập tệp xa.xlsx (trang "DS")',
      at,
      who: '',
      beforeImages: [{ table: 'products', record: imported }],
      createdIds: {},
      undoneAt: null,
      detail: {
        fileName: 'xa.xlsx',
        fileHash: 'abc',
        sheet: 'DS',
        mapping: {},
        counts: { update: 1 },
      },
    },
  ],
}
