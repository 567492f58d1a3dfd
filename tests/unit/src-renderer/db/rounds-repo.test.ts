// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { DOSSIER_QD_1048 } from '@shared/rounds/registration'
import { DEFAULT_COUNCIL_RULES } from '@shared/rounds/results'
import type { OcopDatabase } from '@/db/database'
import {
  addEntries,
  deleteRound,
  moveMember,
  removeMember,
  restoreMember,
  restoreRound,
  saveMember,
  saveRound,
  saveScore,
  startRescoring,
  updateEntry,
  type RoundInput,
} from '@/db/rounds-repo'
import { snapshotTables } from '@/db/backup-tables'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('rounds')
const [qd1048] = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z')

const input: RoundInput = {
  name: 'Đợt 1 năm 2020',
  level: 'huyen',
  year: 2020,
  number: 1,
  criteriaSetId: qd1048!.id,
  councilDecisionNo: '1201/QĐ-UBND',
  councilDecisionDate: '2020-09-15',
  meetingFrom: '2020-10-01',
  meetingTo: null,
  place: 'UBND thị xã',
  rules: { ...DEFAULT_COUNCIL_RULES },
  dossierChecklist: [...DOSSIER_QD_1048],
  note: '',
}

const allThere = Object.fromEntries(DOSSIER_QD_1048.map((item) => [item.key, 'du' as const]))

async function seeded(db: OcopDatabase) {
  await db.criteriaSets.add(qd1048!)
  const now = '2020-01-01T00:00:00.000Z'
  await db.products.add({
    id: 'sp1',
    name: 'Tương Bần',
    producerId: null,
    unitId: null,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
    createdAt: now,
    updatedAt: now,
  })
  const round = await saveRound(db, input, null)
  const chair = await saveMember(
    db,
    round.id,
    { name: 'Nguyễn Văn A', role: 'chu-tich', organisation: 'UBND' },
    null,
  )
  const member = await saveMember(
    db,
    round.id,
    { name: 'Trần Thị B', role: 'uy-vien', organisation: 'Phòng Kinh tế' },
    null,
  )
  const [entry] = await addEntries(db, round.id, [{ productId: 'sp1', groupCode: '' }])
  return { round, chair, member, entry: entry! }
}

describe('an open round', () => {
  it('takes its council from an earlier round, in the same order', async () => {
    const db = await freshDb()
    const { round } = await seeded(db)
    const next = await saveRound(db, { ...input, name: 'Đợt 2', number: 2 }, null, round.id)
    const members = await db.roundMembers.where('roundId').equals(next.id).sortBy('position')
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Nguyễn Văn A', 'chu-tich'],
      ['Trần Thị B', 'uy-vien'],
    ])
  })

  it('enters a product once, however often it is added', async () => {
    const db = await freshDb()
    const { round } = await seeded(db)
    expect(await addEntries(db, round.id, [{ productId: 'sp1', groupCode: '' }])).toEqual([])
    expect(await db.roundEntries.count()).toBe(1)
  })

  it('refuses scores for a product whose dossier is incomplete until a reason is written', async () => {
    const db = await freshDb()
    const { chair, entry } = await seeded(db)
    const score = { entryId: entry.id, memberId: chair.id, pass: 1, parts: { A: 30, B: 20, C: 30 } }
    await expect(saveScore(db, score)).rejects.toThrow(
      /Sản phẩm "Tương Bần" chưa chấm được: hồ sơ còn thiếu Phiếu đăng ký sản phẩm, /,
    )
    await updateEntry(db, entry.id, { overrideReason: 'Hội đồng thống nhất chấm, bổ sung sau' })
    expect((await saveScore(db, score)).parts).toEqual({ A: 30, B: 20, C: 30 })
  })

  it('keeps one sheet per member and pass: a part typed again replaces it, the others stay', async () => {
    const db = await freshDb()
    const { chair, entry } = await seeded(db)
    await updateEntry(db, entry.id, { dossier: allThere })
    const score = { entryId: entry.id, memberId: chair.id, pass: 1, parts: { A: 30, B: 20, C: 30 } }
    await saveScore(db, score)
    await saveScore(db, { ...score, parts: { A: 31 } })
    expect((await db.roundScores.toArray()).map((s) => s.parts)).toEqual([{ A: 31, B: 20, C: 30 }])
  })

  it("keeps a full sheet's criteria with their part sums, replacing the sheet whole", async () => {
    const db = await freshDb()
    const { chair, entry } = await seeded(db)
    await updateEntry(db, entry.id, { dossier: allThere })
    const base = { entryId: entry.id, memberId: chair.id, pass: 1 }
    await saveScore(db, { ...base, parts: { A: 30, B: 20, C: 30 } })
    await saveScore(db, {
      ...base,
      parts: { A: 22, B: null, C: null },
      items: { 'A1.1': 12, 'A1.2': 10 },
    })
    const [score] = await db.roundScores.toArray()
    expect(score).toMatchObject({
      parts: { A: 22, B: null, C: null },
      items: { 'A1.1': 12, 'A1.2': 10 },
    })
  })

  it('re-scores a product in a new pass, every member with an empty sheet, the first kept', async () => {
    const db = await freshDb()
    const { chair, entry } = await seeded(db)
    await updateEntry(db, entry.id, { dossier: allThere })
    await saveScore(db, { entryId: entry.id, memberId: chair.id, pass: 1, parts: { A: 30 } })
    expect(await startRescoring(db, entry.id)).toBe(2)
    const scores = await db.roundScores.toArray()
    expect(scores.map((s) => [s.pass, s.parts.A])).toEqual(
      expect.arrayContaining([
        [1, 30],
        [2, null],
        [2, null],
      ]),
    )
  })

  it('removes a member with their scores and puts both back in place', async () => {
    const db = await freshDb()
    const { chair, entry, member } = await seeded(db)
    await updateEntry(db, entry.id, { dossier: allThere })
    await saveScore(db, { entryId: entry.id, memberId: chair.id, pass: 1, parts: { A: 30 } })
    const before = await snapshotTables(db)
    const removed = await removeMember(db, chair.id)
    expect((await db.roundMembers.toArray()).map((m) => [m.name, m.position])).toEqual([
      ['Trần Thị B', 0],
    ])
    expect(await db.roundScores.count()).toBe(0)
    await restoreMember(db, removed)
    const after = await snapshotTables(db)
    expect(after.roundMembers).toEqual(before.roundMembers)
    expect(after.roundScores).toEqual(before.roundScores)
    await moveMember(db, member.id, -1)
    expect(
      (await db.roundMembers.orderBy('roundId').toArray()).find((m) => m.id === member.id)
        ?.position,
    ).toBe(0)
  })

  it('deletes the round with everything in it, and puts it back exactly', async () => {
    const db = await freshDb()
    const { round } = await seeded(db)
    const before = await snapshotTables(db)
    const deleted = await deleteRound(db, round.id)
    expect(await db.roundMembers.count()).toBe(0)
    await restoreRound(db, deleted)
    const after = await snapshotTables(db)
    for (const table of ['rounds', 'roundMembers', 'roundEntries'] as const) {
      expect(after[table]).toEqual(before[table])
    }
  })
})

describe('a closed round', () => {
  it('refuses every change, saying how to reopen it', async () => {
    const db = await freshDb()
    const { round, entry } = await seeded(db)
    await db.rounds.update(round.id, { status: 'closed' })
    const refusal = /Đợt "Đợt 1 năm 2020" đã đóng nên không sửa được\. Muốn sửa, hãy mở lại đợt/
    await expect(saveRound(db, input, round.id)).rejects.toThrow(refusal)
    await expect(updateEntry(db, entry.id, { registeredStars: 4 })).rejects.toThrow(refusal)
    await expect(deleteRound(db, round.id)).rejects.toThrow(refusal)
  })
})
