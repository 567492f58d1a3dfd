/** The Mỹ Hào demo register (docs/domain.md) as ReportData, with its office and 2019-2020 plan. */
import type { Plan, PlanTarget } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { buildMyHaoDemo } from '@shared/domain/demo-my-hao'
import { MY_HAO_OFFICE } from '@shared/domain/demo-my-hao-plan'
import type { OfficeIdentity } from '@shared/domain/office'
import { DEFAULT_RANKING_RULES } from '@shared/domain/ranking-rules'
import type { Annex, DocRow, DocTable, OfficialDocument } from '@shared/documents/model'
import type { ReportData } from '@shared/reports/model'
import shippedSets from '../../../../resources/catalogues/criteria-sets.json'
import { myHaoUnits } from '../domain/ranking-fixtures'

export const at = '2026-01-01T00:00:00.000Z'

export { MY_HAO_OFFICE }

export const PLAN: Plan = {
  id: 'plan-2019-2020',
  name: 'Kế hoạch thực hiện Chương trình OCOP thị xã Mỹ Hào giai đoạn 2019-2020',
  docNo: '45/KH-UBND',
  docDate: '2019-03-20',
  fromYear: 2019,
  toYear: 2020,
  baselineYear: 2018,
  // The document's figures: OCOP products 6 (the register has 5), 3★ products 4 (the same).
  baselineOverride: { ocop: 6, s3: 4 },
  note: '',
  createdAt: at,
  updatedAt: at,
}

function target(
  id: string,
  kind: string,
  value: number,
  extra: Partial<PlanTarget> = {},
): PlanTarget {
  const base = { planId: PLAN.id, stars: null, unitId: null, productId: null, byYear: null }
  return { id, kind, value, note: '', ...base, ...extra }
}

/** Target 2020 (docs/domain.md): 6×3★, 2×4★, 1×5★, every commune/ward with a product, 9 upgrades. */
export const TARGETS: PlanTarget[] = [
  target('s3', 'stars-exactly', 6, { stars: 3 }),
  target('s4', 'stars-exactly', 2, { stars: 4 }),
  target('s5', 'stars-exactly', 1, { stars: 5 }),
  target('ocop', 'stars-at-least', 9, { stars: 3 }),
  target('cover', 'units-covered-share', 100),
  target('upgraded', 'upgraded-products', 9),
]

/** The demo register with the Mỹ Hào units, the shipped criteria sets, the office and the plan. */
export function myHaoData(office: OfficeIdentity = MY_HAO_OFFICE): ReportData {
  const units = myHaoUnits()
  const demo = buildMyHaoDemo(new Map(units.map((u) => [u.name, u.id])), at)
  return {
    office,
    units,
    producers: demo.producers,
    products: demo.products,
    evaluations: demo.evaluations,
    revocations: [],
    criteriaSets: loadBuiltInCriteriaSets(shippedSets, at),
    plans: [PLAN],
    planTargets: TARGETS,
    offices: [],
    rankingRules: DEFAULT_RANKING_RULES,
  }
}

/** The table of a section of the body or of an annex, failing the test when it has none. */
export function tableOf(model: Pick<OfficialDocument, 'sections'>, section = 0): DocTable {
  const table = model.sections[section]?.table
  if (!table) throw new Error(`section ${section} has no table`)
  return table
}

/** An annex of the document, failing the test when it has none. */
export function annexOf(model: Pick<OfficialDocument, 'annexes'>, index = 0): Annex {
  const annex = model.annexes[index]
  if (!annex) throw new Error(`no annex ${index}`)
  return annex
}

/** Rows as plain objects keyed by column key, data rows only unless asked. */
export function records(
  table: DocTable,
  kinds: DocRow['kind'][] = ['data'],
): Record<string, string | number | null>[] {
  return table.rows.flatMap((row) =>
    kinds.includes(row.kind) && row.kind !== 'group'
      ? [Object.fromEntries(table.columns.map((c, i) => [c.key, row.cells[i] ?? null]))]
      : [],
  )
}

/** The rows in order, each as [kind, label or first two cells]. */
export function outline(table: DocTable): (string | number | null)[][] {
  return table.rows.map((row) =>
    row.kind === 'group'
      ? ['group', row.label]
      : [row.kind, row.cells[0] ?? null, row.cells[1] ?? null],
  )
}
