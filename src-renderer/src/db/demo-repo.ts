/**
 * The Mỹ Hào demo scenario: it fills the practice register, and demo records an older version
 * loaded into a real register (or a restored `ocop demo` file brought) can be removed from it;
 * real records are never touched.
 */
import type {
  Evaluation,
  Producer,
  Product,
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  Revocation,
  RevocationLine,
} from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { buildMyHaoDemo, isDemoId } from '@shared/domain/demo-my-hao'
import { MY_HAO_OFFICE, MY_HAO_PLAN } from '@shared/domain/demo-my-hao-plan'
import { buildMyHaoRound } from '@shared/domain/demo-my-hao-round'
import { unitValidOn } from '@shared/domain/units'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedDelete, auditedUpdate } from './audited-writes'
import { syncBuiltInCriteriaSets } from './criteria-repo'
import { savePlan } from './plans-repo'
import { saveOffice } from './settings-repo'
import type { UnitCatalogueEntry } from '@shared/domain/units'
import { loadUnitCatalogue } from './units-repo'

/** The tables demo records stand in (units, plans and the office aside), with their audit. */
const demoTables = (db: OcopDatabase) => [
  db.producers,
  db.products,
  db.evaluations,
  db.revocations,
  db.rounds,
  db.roundMembers,
  db.roundEntries,
  db.roundScores,
  db.auditLog,
]

/** True when the register holds demo products (loaded into a real register by an older version). */
export async function hasDemoData(db: OcopDatabase): Promise<boolean> {
  return (await db.products.where('id').startsWith('demo-').count()) > 0
}

/**
 * Fills a new practice register with the Mỹ Hào demo, in one transaction: the Mỹ Hào units, the
 * built-in criteria sets, the demo's producers, products and evaluations, the province's 2021
 * revocation decision, the town's 2020 district round that scored them, the 2019-2020 plan and the practice office — what
 * `ocop demo` writes (demo-register.ts), but with the units loaded as the first start loads them.
 */
export async function seedPracticeRegister(
  db: OcopDatabase,
  catalogues: { units: { title: string; units: UnitCatalogueEntry[] }; criteriaSets: unknown },
): Promise<void> {
  await db.transaction(
    'rw',
    [...demoTables(db), db.units, db.criteriaSets, db.plans, db.planTargets, db.settings],
    async () => {
      const { units } = catalogues
      await loadUnitCatalogue(db, units.units, units.title)
      const unitIdByName = new Map(
        (await db.units.toArray())
          .filter((u) => unitValidOn(u, '2019-12-31'))
          .map((u) => [u.name, u.id]),
      )
      const now = new Date().toISOString()
      // The round is scored under a set: the sets are put in now, not at the register's next load.
      const criteriaSets = loadBuiltInCriteriaSets(catalogues.criteriaSets, now)
      await syncBuiltInCriteriaSets(db, criteriaSets)
      const demo = buildMyHaoDemo(unitIdByName, now)
      const summary = 'Nạp dữ liệu mẫu Mỹ Hào'
      for (const producer of demo.producers)
        await auditedAdd(db, 'producers', producer, `${summary}: ${producer.name}`)
      for (const product of demo.products)
        await auditedAdd(db, 'products', product, `${summary}: ${product.name}`)
      for (const evaluation of demo.evaluations) {
        await auditedAdd(
          db,
          'evaluations',
          evaluation,
          `${summary}: đánh giá năm ${evaluation.year}`,
        )
      }
      for (const revocation of demo.revocations) {
        await auditedAdd(
          db,
          'revocations',
          revocation,
          `${summary}: quyết định thu hồi số ${revocation.number}`,
        )
      }
      const round = buildMyHaoRound(demo, criteriaSets, now)
      for (const record of round.rounds) {
        await auditedAdd(db, 'rounds', record, `${summary}: đợt ${record.name}`)
      }
      for (const member of round.roundMembers) {
        await auditedAdd(db, 'roundMembers', member, `${summary}: thành viên ${member.name}`)
      }
      const productName = new Map(demo.products.map((p) => [p.id, p.name]))
      for (const entry of round.roundEntries) {
        const name = productName.get(entry.productId) ?? entry.productId
        await auditedAdd(db, 'roundEntries', entry, `${summary}: đăng ký ${name}`)
      }
      for (const score of round.roundScores) {
        await auditedAdd(db, 'roundScores', score, `${summary}: điểm chấm`)
      }
      await savePlan(db, MY_HAO_PLAN, null)
      await saveOffice(db, MY_HAO_OFFICE)
    },
  )
}

/**
 * Removes the demo records, and what the clerk added to them: evaluations of demo products, and
 * their entries in any round with those entries' scores (none can stand without its product);
 * a demo round goes with its whole council, entries and scores. A demo revocation decision goes;
 * a decision of the clerk's loses its lines about demo products, and goes when none is left. Units loaded with the demo stay:
 * they are real reference data.
 */
export async function removeDemoData(db: OcopDatabase): Promise<{ products: number }> {
  return db.transaction('rw', demoTables(db), async () => {
    const summary = 'Gỡ dữ liệu mẫu Mỹ Hào'
    await removeDemoRounds(db, summary)
    await removeDemoRevocations(db, summary)
    const productIds = await db.products.where('id').startsWith('demo-').primaryKeys()
    const evaluationIds = (await db.evaluations.toArray())
      .filter((e) => isDemoId(e.id) || isDemoId(e.productId))
      .map((e) => e.id)
    await auditedDelete<Evaluation>(
      db,
      'evaluations',
      evaluationIds,
      (e) => `${summary}: đánh giá năm ${e.year}`,
    )
    await auditedDelete<Product>(db, 'products', productIds, (p) => `${summary}: ${p.name}`)
    // A demo producer the clerk has since given a real product stays.
    const producerIds = await db.producers.where('id').startsWith('demo-').primaryKeys()
    const stillOwning = new Set(
      (await db.products.where('producerId').anyOf(producerIds).toArray()).map((p) => p.producerId),
    )
    await auditedDelete<Producer>(
      db,
      'producers',
      producerIds.filter((id) => !stillOwning.has(id)),
      (p) => `${summary}: ${p.name}`,
    )
    return { products: productIds.length }
  })
}

/** The demo revocation decisions, and the lines of the clerk's decisions about demo products. */
async function removeDemoRevocations(db: OcopDatabase, summary: string): Promise<void> {
  // Only this office's decisions can name a demo product: another office's name its own records.
  const revocations = (await db.revocations.toArray()).filter((r) => r.origin === undefined)
  const aboutDemo = (line: RevocationLine) => isDemoId(line.productId)
  const gone = revocations.filter((r) => isDemoId(r.id) || r.lines.every(aboutDemo))
  await auditedDelete<Revocation>(
    db,
    'revocations',
    gone.map((r) => r.id),
    (r) => `${summary}: quyết định thu hồi số ${r.number}`,
  )
  const now = new Date().toISOString()
  for (const revocation of revocations) {
    if (gone.includes(revocation) || !revocation.lines.some(aboutDemo)) continue
    await auditedUpdate<Revocation>(
      db,
      'revocations',
      revocation.id,
      (before) => ({
        ...before,
        lines: before.lines.filter((line) => !aboutDemo(line)),
        updatedAt: now,
      }),
      (after) => `${summary}: quyết định thu hồi số ${after.number}`,
    )
  }
}

/** The demo rounds with everything in them, and demo products' entries in other rounds. */
async function removeDemoRounds(db: OcopDatabase, summary: string): Promise<void> {
  const roundIds = await db.rounds.where('id').startsWith('demo-').primaryKeys()
  const inDemoRound = (record: { roundId: string }) => roundIds.includes(record.roundId)
  const entryIds = (await db.roundEntries.toArray())
    .filter((entry) => inDemoRound(entry) || isDemoId(entry.productId))
    .map((entry) => entry.id)
  const scoreIds = (await db.roundScores.toArray())
    .filter((score) => inDemoRound(score) || entryIds.includes(score.entryId))
    .map((score) => score.id)
  const memberIds = await db.roundMembers.where('roundId').anyOf(roundIds).primaryKeys()
  await auditedDelete<RoundScore>(db, 'roundScores', scoreIds, () => `${summary}: điểm chấm`)
  await auditedDelete<RoundEntry>(
    db,
    'roundEntries',
    entryIds,
    () => `${summary}: sản phẩm đăng ký`,
  )
  await auditedDelete<RoundMember>(
    db,
    'roundMembers',
    memberIds,
    (m) => `${summary}: thành viên ${m.name}`,
  )
  await auditedDelete<Round>(db, 'rounds', roundIds, (r) => `${summary}: đợt ${r.name}`)
}
