// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { addScoringSheet, removeScoringSheet } from '@/db/rounds-repo'
import { restoreScoringSheet } from '@/db/scoring-sheets-repo'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('scoring-sheets')

describe('a loaded scoring sheet', () => {
  it('comes back exactly as it was after being removed, with the history saying so', async () => {
    const db = await freshDb()
    const loaded = await addScoringSheet(db, {
      criteriaSetId: 'qd-148',
      groupCodes: ['I'],
      name: 'Phiếu nhóm Thực phẩm',
      source: 'QĐ 148/QĐ-TTg, Phụ lục III',
      parts: [{ code: 'A', name: 'Phần A', max: 40, sections: [] }],
      fileName: 'phieu-thuc-pham.xlsx',
    })
    const removed = await removeScoringSheet(db, loaded.id)
    expect(await db.scoringSheets.count()).toBe(0)

    await restoreScoringSheet(db, removed)
    expect(await db.scoringSheets.toArray()).toEqual([loaded])
    const last = await db.auditLog.orderBy('id').last()
    expect(last).toMatchObject({
      action: 'undo',
      table: 'scoringSheets',
      recordId: loaded.id,
      summary: 'Khôi phục phiếu chấm Phiếu nhóm Thực phẩm',
      before: null,
    })
  })
})
