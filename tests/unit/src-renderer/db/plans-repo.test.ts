// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { blankTarget, type PlanInput } from '@shared/domain/plan-input'
import { useFreshDatabases } from './fresh-db'
import { deletePlan, listPlans, restorePlan, savePlan } from '@/db/plans-repo'
import { snapshotTables } from '@/db/backup-tables'

const freshDb = useFreshDatabases('plans')

const input: PlanInput = {
  name: 'Kế hoạch 2019-2020',
  docNo: '',
  docDate: null,
  fromYear: 2019,
  toYear: 2020,
  baselineYear: 2018,
  note: '',
  targets: [
    { ...blankTarget('stars-exactly'), stars: 3, value: 6 },
    { ...blankTarget('stars-exactly'), stars: 4, value: 2 },
  ],
}

describe('plans in the database', () => {
  it('saves a plan with its targets, replaces them on edit, and audits every change', async () => {
    const db = await freshDb()
    const first = await savePlan(db, input, null)
    const edited = await savePlan(
      db,
      { ...input, name: 'Kế hoạch OCOP 2019-2020', targets: [input.targets[0]!] },
      first.plan.id,
    )
    const { plans, targets } = await listPlans(db)
    expect(plans).toEqual([edited.plan])
    expect(plans[0]?.createdAt).toBe(first.plan.createdAt)
    expect(targets).toEqual(edited.targets)
    expect(targets).toHaveLength(1)
    const actions = (await db.auditLog.toArray()).map((a) => `${a.action} ${a.table}`)
    expect(actions).toContain('update plans')
    expect(actions.filter((a) => a === 'delete planTargets')).toHaveLength(2)
  })

  it('gives the targets back in the order the clerk gave them, not in the order of their ids', async () => {
    const db = await freshDb()
    const stars = [5, 3, 4, 1, 2, 3, 5, 4]
    const stored = await savePlan(
      db,
      {
        ...input,
        targets: stars.map((n, i) => ({ ...blankTarget('stars-exactly'), stars: n, value: i })),
      },
      null,
    )
    const { targets } = await listPlans(db)
    expect(targets.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    // Moved in the form and saved again, they come back as moved.
    const moved = await savePlan(
      db,
      {
        ...input,
        targets: [...stored.targets]
          .reverse()
          .map((t) => ({ ...blankTarget('stars-exactly'), stars: t.stars, value: t.value })),
      },
      stored.plan.id,
    )
    expect((await listPlans(db)).targets.map((t) => t.value)).toEqual([7, 6, 5, 4, 3, 2, 1, 0])
    expect((await listPlans(db)).targets).toEqual(moved.targets)
  })

  it('deletes a plan with its targets, and undo puts both back exactly', async () => {
    const db = await freshDb()
    const stored = await savePlan(db, input, null)
    const before = await snapshotTables(db)
    const deleted = await deletePlan(db, stored.plan.id)
    expect(await listPlans(db)).toEqual({ plans: [], targets: [] })
    await restorePlan(db, deleted)
    const after = await snapshotTables(db)
    expect(after.plans).toEqual(before.plans)
    expect(after.planTargets).toEqual(before.planTargets)
  })
})
