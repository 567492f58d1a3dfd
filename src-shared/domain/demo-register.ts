/**
 * The Mỹ Hào practice register as the tables of a backup file (`ocop demo --out FILE.json`): the
 * units of the shipped catalogue, the built-in criteria sets, the demo's producers, products,
 * evaluations and 2021 revocation decision, the town's 2020 district round, the 2019-2020 plan and
 * the practice office. Anyone can try every report from the command line with it, or restore it
 * in Cài đặt to look around (its records carry the "demo-" ids the app recognises and offers to
 * remove).
 */
import type {
  CriteriaSet,
  Evaluation,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Revocation,
  Setting,
  Unit,
} from '../db/records'
import { loadBuiltInCriteriaSets } from './criteria'
import { buildMyHaoDemo } from './demo-my-hao'
import { buildMyHaoRound, type DemoRoundTables } from './demo-my-hao-round'
import { MY_HAO_OFFICE, MY_HAO_PLAN } from './demo-my-hao-plan'
import { planRecords } from './plan-input'
import { unitValidOn, type UnitCatalogueEntry } from './units'

export interface DemoTables extends DemoRoundTables {
  units: Unit[]
  criteriaSets: CriteriaSet[]
  producers: Producer[]
  products: Product[]
  evaluations: Evaluation[]
  revocations: Revocation[]
  plans: Plan[]
  planTargets: PlanTarget[]
  settings: Setting[]
}

/** The practice register's tables; ids are fixed ("demo-…"), so two runs give the same file. */
export function demoRegisterTables(
  catalogue: { units: readonly UnitCatalogueEntry[] },
  criteriaJson: unknown,
  now: string,
): DemoTables {
  const stamp = { createdAt: now, updatedAt: now }
  const idOf = (key: string): string => `demo-unit-${key}`
  const units: Unit[] = catalogue.units.map(({ key, successorKey, ...input }) => ({
    ...input,
    id: idOf(key),
    successorId: successorKey ? idOf(successorKey) : null,
    ...stamp,
  }))
  const unitIdByName = new Map(
    units.filter((u) => unitValidOn(u, '2019-12-31')).map((u) => [u.name, u.id]),
  )
  const demo = buildMyHaoDemo(unitIdByName, now)
  const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, now)
  let target = 0
  const plan = planRecords(
    MY_HAO_PLAN,
    'demo-plan-2019-2020',
    () => `demo-target-${++target}`,
    stamp,
  )
  return {
    units,
    criteriaSets,
    ...demo,
    ...buildMyHaoRound(demo, criteriaSets, now),
    plans: [plan.plan],
    planTargets: plan.targets,
    settings: [{ key: 'office', value: MY_HAO_OFFICE }],
  }
}
