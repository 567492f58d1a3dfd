/**
 * The Mỹ Hào demo scenario: it fills the practice register, and demo records an older version
 * loaded into a real register can be removed from it; real records are never touched.
 */
import type { Evaluation, Producer, Product } from '@shared/db/records'
import { buildMyHaoDemo, isDemoId } from '@shared/domain/demo-my-hao'
import { MY_HAO_OFFICE, MY_HAO_PLAN } from '@shared/domain/demo-my-hao-plan'
import { unitValidOn } from '@shared/domain/units'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedDelete } from './audited-writes'
import { savePlan } from './plans-repo'
import { saveOffice } from './settings-repo'
import type { UnitCatalogueEntry } from '@shared/domain/units'
import { loadUnitCatalogue } from './units-repo'

/** True when the register holds demo products (loaded into a real register by an older version). */
export async function hasDemoData(db: OcopDatabase): Promise<boolean> {
  return (await db.products.where('id').startsWith('demo-').count()) > 0
}

/**
 * Fills a new practice register with the Mỹ Hào demo, in one transaction: the Mỹ Hào units, the
 * demo's producers, products and evaluations, the town's 2019-2020 plan and the practice office.
 */
export async function seedPracticeRegister(
  db: OcopDatabase,
  units: { title: string; units: UnitCatalogueEntry[] },
): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.units,
      db.producers,
      db.products,
      db.evaluations,
      db.plans,
      db.planTargets,
      db.settings,
      db.auditLog,
    ],
    async () => {
      await loadUnitCatalogue(db, units.units, units.title)
      const unitIdByName = new Map(
        (await db.units.toArray())
          .filter((u) => unitValidOn(u, '2019-12-31'))
          .map((u) => [u.name, u.id]),
      )
      const demo = buildMyHaoDemo(unitIdByName, new Date().toISOString())
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
      await savePlan(db, MY_HAO_PLAN, null)
      await saveOffice(db, MY_HAO_OFFICE)
    },
  )
}

/**
 * Removes the demo records, and evaluations the clerk added to demo products (they cannot stand
 * without their product). Units loaded with the demo stay: they are real reference data.
 */
export async function removeDemoData(db: OcopDatabase): Promise<{ products: number }> {
  return db.transaction(
    'rw',
    [db.producers, db.products, db.evaluations, db.auditLog],
    async () => {
      const productIds = await db.products.where('id').startsWith('demo-').primaryKeys()
      const evaluationIds = (await db.evaluations.toArray())
        .filter((e) => isDemoId(e.id) || isDemoId(e.productId))
        .map((e) => e.id)
      const summary = 'Gỡ dữ liệu mẫu Mỹ Hào'
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
        (await db.products.where('producerId').anyOf(producerIds).toArray()).map(
          (p) => p.producerId,
        ),
      )
      await auditedDelete<Producer>(
        db,
        'producers',
        producerIds.filter((id) => !stillOwning.has(id)),
        (p) => `${summary}: ${p.name}`,
      )
      return { products: productIds.length }
    },
  )
}
