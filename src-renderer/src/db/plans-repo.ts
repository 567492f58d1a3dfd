/** Plans and their targets: a plan is saved, deleted and restored with its targets in one transaction. */
import type { Plan, PlanTarget } from '@shared/db/records'
import { planRecords, targetsInPlanOrder, type PlanInput } from '@shared/domain/plan-input'
import type { OcopDatabase } from './database'
import {
  auditedAdd,
  auditedDelete,
  auditedRestore,
  auditedUpdate,
  newRecordStamp,
} from './audited-writes'

export interface StoredPlan {
  plan: Plan
  targets: PlanTarget[]
}

/** Every plan, and every target in its plan's order (the order the clerk gave them). */
export async function listPlans(
  db: OcopDatabase,
): Promise<{ plans: Plan[]; targets: PlanTarget[] }> {
  const [plans, targets] = await Promise.all([db.plans.toArray(), db.planTargets.toArray()])
  return { plans, targets: targetsInPlanOrder(targets) }
}

const tables = (db: OcopDatabase) => [db.plans, db.planTargets, db.auditLog]

/** Adds a plan with its targets, or replaces a plan's fields and targets; returns the stored plan. */
export async function savePlan(
  db: OcopDatabase,
  input: PlanInput,
  id: string | null,
): Promise<StoredPlan> {
  return db.transaction('rw', tables(db), async () => {
    const existing = id === null ? undefined : await db.plans.get(id)
    const stamp = newRecordStamp()
    const stored = planRecords(input, existing?.id ?? stamp.id, () => crypto.randomUUID(), {
      createdAt: existing?.createdAt ?? stamp.createdAt,
      updatedAt: stamp.updatedAt,
    })
    if (existing) {
      const oldTargets = await db.planTargets.where('planId').equals(existing.id).primaryKeys()
      await auditedDelete<PlanTarget>(
        db,
        'planTargets',
        oldTargets,
        (t) => `Sửa kế hoạch ${existing.name}: bỏ chỉ tiêu ${t.kind}`,
      )
      await auditedUpdate<Plan>(
        db,
        'plans',
        existing.id,
        () => stored.plan,
        (p) => `Sửa kế hoạch ${p.name}`,
      )
    } else {
      await auditedAdd(db, 'plans', stored.plan, `Thêm kế hoạch ${stored.plan.name}`)
    }
    for (const target of stored.targets) {
      await auditedAdd(
        db,
        'planTargets',
        target,
        `Kế hoạch ${stored.plan.name}: chỉ tiêu ${target.kind}`,
      )
    }
    return stored
  })
}

/** Deletes a plan with its targets; returns them for undo. */
export async function deletePlan(db: OcopDatabase, id: string): Promise<StoredPlan> {
  return db.transaction('rw', tables(db), async () => {
    const targetIds = await db.planTargets.where('planId').equals(id).primaryKeys()
    const targets = await auditedDelete<PlanTarget>(
      db,
      'planTargets',
      targetIds,
      (t) => `Xóa chỉ tiêu ${t.kind}`,
    )
    const [plan] = await auditedDelete<Plan>(db, 'plans', [id], (p) => `Xóa kế hoạch ${p.name}`)
    if (!plan) throw new Error(`plan ${id} not found`)
    return { plan, targets: targetsInPlanOrder(targets) }
  })
}

/** Puts a deleted plan and its targets back exactly. */
export async function restorePlan(db: OcopDatabase, stored: StoredPlan): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await auditedRestore(db, 'plans', [stored.plan], (p) => `Khôi phục kế hoạch ${p.name}`)
    await auditedRestore(db, 'planTargets', stored.targets, (t) => `Khôi phục chỉ tiêu ${t.kind}`)
  })
}
