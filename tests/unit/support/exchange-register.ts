/**
 * Registers of offices that exchange data packages, for tests: the Mỹ Hào units (with the 2025
 * mergers, each office holding them under its own ids, as each install loads the catalogue), the
 * shipped criteria sets, a few producers, products and evaluations, a plan with targets, and the
 * office's identity. Packages go through the real file: written, signed, unzipped and checked.
 */
import { unzipSync } from 'fflate'
import { serializeBackup, type BackupTables } from '@shared/db/backup-format'
import type {
  Evaluation,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Revocation,
  Unit,
  UnitKind,
} from '@shared/db/records'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { applyMerge, mergeBatch } from '@shared/exchange/apply'
import {
  IDENTITY_KEY,
  createOfficeIdentity,
  type OfficeIdentityKey,
} from '@shared/exchange/identity'
import { planMerge, type ConfirmedLink, type MergePlan } from '@shared/exchange/merge'
import type { TravellingTable } from '@shared/exchange/ownership'
import { packageContent, type ExportChoice } from '@shared/exchange/package-content'
import {
  MANIFEST_PART,
  SIGNATURE_PART,
  checkManifest,
  checkParts,
  writePackage,
  type PackageMeta,
  type ReceivedPackage,
} from '@shared/exchange/package-format'
import type { ExchangeTables } from '@shared/exchange/register-tables'
import shippedSets from '../../../resources/catalogues/criteria-sets.json'
import unitCatalogue from '../../../resources/catalogues/units-my-hao.json'

/** A register as a backup holds it, read by the exchange as its travelling tables. */
export type Register = ExchangeTables & Omit<BackupTables, keyof ExchangeTables>

/** When the registers were typed in. */
export const T0 = '2024-03-01T08:00:00.000Z'

/** A unit of the Mỹ Hào catalogue by its key: 'old-12127' (Minh Đức until 2025), 'thuong-hong'… */
export type UnitKey = string

/** A unit's id in the register of the office whose ids start with `prefix`. */
export const unitId = (prefix: string, key: UnitKey) => `${prefix}-unit-${key}`

export interface ProductSpec {
  producer: string
  taxCode?: string
  product: string
  unit: UnitKey
  /** [year, round, recognised stars]. */
  evaluations?: [number, number, number][]
}

function units(prefix: string): Unit[] {
  return unitCatalogue.units.map(({ key, successorKey, ...entry }) => ({
    ...entry,
    id: unitId(prefix, key),
    kind: entry.kind as UnitKind,
    successorId: successorKey === null ? null : unitId(prefix, successorKey),
    createdAt: T0,
    updatedAt: T0,
  }))
}

/**
 * A register whose ids start with `prefix`: the units, the criteria sets, and `products` with
 * their producers (one per distinct name) and evaluations under QĐ 148, typed in at `at`; with
 * `plan`, a 2024-2025 plan whose targets name the first product.
 */
export function registerOf(
  prefix: string,
  products: readonly ProductSpec[],
  options: { at?: string; plan?: boolean } = {},
): Register {
  const at = options.at ?? T0
  const stamp = { createdAt: at, updatedAt: at }
  const register = Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as Register
  register.units = units(prefix)
  register.criteriaSets = loadBuiltInCriteriaSets(shippedSets, at)
  const producers = new Map<string, Producer>()
  products.forEach((spec, p) => {
    let producer = producers.get(spec.producer)
    if (producer === undefined) {
      producer = {
        id: `${prefix}-producer-${producers.size + 1}`,
        name: spec.producer,
        type: 'htx',
        taxCode: spec.taxCode ?? '',
        address: '',
        unitId: unitId(prefix, spec.unit),
        representative: '',
        phone: '',
        note: '',
        ...stamp,
      }
      producers.set(spec.producer, producer)
      register.producers.push(producer)
    }
    const product: Product = {
      id: `${prefix}-product-${p + 1}`,
      name: spec.product,
      producerId: producer.id,
      unitId: unitId(prefix, spec.unit),
      criteriaSetId: 'qd-148',
      groupCode: '',
      productSetCode: '',
      description: '',
      ...stamp,
    }
    register.products.push(product)
    for (const [year, round, stars] of spec.evaluations ?? []) {
      register.evaluations.push({
        ...evaluation(product.id, year, round, stars),
        ...stamp,
      })
    }
  })
  if (options.plan === true) {
    const plan: Plan = {
      id: `${prefix}-plan`,
      name: 'Kế hoạch phát triển sản phẩm OCOP giai đoạn 2024-2025',
      docNo: '12/KH-UBND',
      docDate: '2024-02-01',
      fromYear: 2024,
      toYear: 2025,
      baselineYear: 2023,
      baselineOverride: null,
      note: '',
      ...stamp,
    }
    const target = (n: number, fields: Partial<PlanTarget>): PlanTarget => ({
      id: `${plan.id}-target-${n}`,
      planId: plan.id,
      kind: 'stars-at-least',
      stars: 3,
      value: 2,
      unitId: null,
      productId: null,
      byYear: null,
      note: '',
      position: n - 1,
      ...fields,
    })
    register.plans.push(plan)
    register.planTargets.push(
      target(1, {}),
      target(2, { kind: 'product-stars', stars: 4, value: 1, productId: register.products[0]!.id }),
    )
  }
  return register
}

function evaluation(productId: string, year: number, round: number, stars: number): Evaluation {
  return {
    id: `${productId}-${year}-${round}`,
    productId,
    year,
    round,
    evaluatedOn: null,
    criteriaSetId: 'qd-148',
    partScores: {},
    itemScores: null,
    total: null,
    computedStars: null,
    recognisedStars: stars,
    councilLevel: 'huyen',
    kind: 'lan-dau',
    decisionNo: '',
    decisionDate: null,
    certificateNo: '',
    expiryDate: null,
    note: '',
    createdAt: T0,
    updatedAt: T0,
  }
}

/** The offices of the tests: a commune, a ward formed in 2025, their district and province. */
export const OFFICES = {
  camXa: { name: 'UBND xã Cẩm Xá', unitName: 'Xã Cẩm Xá', unitCode: '12109' },
  thuongHong: {
    name: 'UBND phường Thượng Hồng',
    unitName: 'Phường Thượng Hồng',
    unitCode: '12127',
  },
  myHao: { name: 'UBND thị xã Mỹ Hào', unitName: 'Thị xã Mỹ Hào', unitCode: '327' },
  hungYen: {
    name: 'Sở Nông nghiệp và Môi trường Hưng Yên',
    unitName: 'Tỉnh Hưng Yên',
    unitCode: '33',
  },
} as const

/** A new identity (id and key pair) for `office`; made twice, an impostor of the first. */
export function officeIdentity(office: keyof typeof OFFICES): Promise<OfficeIdentityKey> {
  return createOfficeIdentity(OFFICES[office], `install-of-${office}`, T0)
}

export const RICE = 'Gạo nếp cái hoa vàng Cẩm Xá'
export const ROLLS = 'Bánh cuốn Cẩm Xá'

/** Cẩm Xá's register: its cooperative's rice (evaluated 2023 and 2024) and rice rolls (2024). */
export const CAM_XA_PRODUCTS: readonly ProductSpec[] = [
  {
    producer: 'Hợp tác xã Nông nghiệp Cẩm Xá',
    taxCode: '0901234567',
    product: RICE,
    unit: 'old-12109',
    evaluations: [
      [2023, 1, 3],
      [2024, 1, 4],
    ],
  },
  {
    producer: 'Hợp tác xã Nông nghiệp Cẩm Xá',
    product: ROLLS,
    unit: 'old-12109',
    evaluations: [[2024, 1, 3]],
  },
]

/**
 * Cẩm Xá's register with the rolls' 2018 certificate (3★, expired in June 2021, never evaluated
 * again) and the province's decision of September 2021 revoking it.
 */
export function camXaWithRevocation(): Register {
  const register = registerOf('cx', [
    CAM_XA_PRODUCTS[0]!,
    { ...CAM_XA_PRODUCTS[1]!, evaluations: [[2018, 1, 3]] },
  ])
  const rolls = named(register.products, ROLLS)
  const evaluations = register.evaluations.map((e) =>
    e.productId === rolls.id
      ? {
          ...e,
          decisionNo: '812/QĐ-UBND',
          decisionDate: '2018-06-20',
          certificateNo: '35/GCN',
          expiryDate: '2021-06-19',
        }
      : e,
  )
  const certificate = evaluations.find((e) => e.productId === rolls.id)!
  const revocation: Revocation = {
    id: 'cx-revocation-1',
    number: '1234/QĐ-UBND',
    date: '2021-09-15',
    signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
    issuer: 'higher',
    level: 'tinh',
    lines: [
      { productId: rolls.id, evaluationId: certificate.id, reason: 'het-han', reasonText: '' },
    ],
    note: '',
    createdAt: T0,
    updatedAt: T0,
  }
  return { ...register, evaluations, revocations: [revocation] }
}

/**
 * The district before it first hears from Cẩm Xá: the commune's spreadsheet imported (the
 * cooperative written short, its tax number spaced, the names in other cases) and its own sauce.
 */
export const MY_HAO_PRODUCTS: readonly ProductSpec[] = [
  {
    producer: 'HTX NN Cẩm Xá',
    taxCode: '0901 234 567',
    product: 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ',
    unit: 'old-12109',
    evaluations: [
      [2023, 1, 3],
      [2024, 1, 4],
    ],
  },
  {
    producer: 'HTX NN Cẩm Xá',
    product: 'Bánh Cuốn Cẩm Xá',
    unit: 'old-12109',
    evaluations: [[2024, 1, 3]],
  },
  { producer: 'Cơ sở Tương Bần Bà Nhung', product: 'Tương Bần', unit: 'old-12103' },
]

/** The record of `records` named `name` (a producer, product or plan); fails the test when none. */
export function named<R extends Record<string, unknown>>(records: readonly R[], name: string): R {
  const found = records.find((record) => record.name === name)
  if (found === undefined) throw new Error(`no record named ${name}`)
  return found
}

/** The register with `table`'s record `id` edited at `at` (a revision its owner gives it). */
export function edited(
  register: Register,
  table: TravellingTable,
  id: string,
  changes: Record<string, unknown>,
  at: string,
): Register {
  const records = register[table].map((r) =>
    r.id === id ? { ...r, ...changes, updatedAt: at } : r,
  )
  return { ...register, [table]: records }
}

/** The register without the records of `ids` in `table`. */
export function without(
  register: Register,
  table: TravellingTable,
  ids: readonly string[],
): Register {
  return { ...register, [table]: register[table].filter((r) => !ids.includes(r.id)) }
}

export interface SendOptions extends Partial<ExportChoice> {
  /** The package a change package builds on (its manifest); a full package without. */
  base?: ReceivedPackage
  createdAt?: string
  recipient?: OfficeIdentityKey
}

let packages = 0

/**
 * The package `identity`'s office makes of its register, as a receiver reads it: written and
 * signed, then unzipped and checked part by part (nothing shared with the sender's objects).
 */
export async function sendPackage(
  register: Register,
  identity: OfficeIdentityKey,
  options: SendOptions = {},
): Promise<ReceivedPackage> {
  const since = options.since ?? options.base?.content.state ?? null
  const content = packageContent(
    register,
    {
      officeId: identity.officeId,
      name: identity.name,
      unitName: identity.unitName,
      unitCode: identity.unitCode,
      publicKey: identity.publicKey,
    },
    { includeHeld: options.includeHeld ?? false, since },
  )
  const base = options.base?.manifest
  const meta: PackageMeta = {
    id: `package-${++packages}`,
    kind: since === null ? 'full' : 'changes',
    base: base === undefined ? null : { id: base.id, createdAt: base.createdAt },
    createdAt: options.createdAt ?? new Date().toISOString(),
    appVersion: 'test',
    recipient:
      options.recipient === undefined
        ? null
        : { officeId: options.recipient.officeId, name: options.recipient.name },
    includesHeld: options.includeHeld ?? false,
  }
  return readBack(await writePackage(content, meta, identity), `${identity.name}.ocop`)
}

/** A package file read as the receiver reads one (the zip's safety aside). */
export async function readBack(bytes: Uint8Array, file: string): Promise<ReceivedPackage> {
  const files = unzipSync(bytes)
  const signature = files[SIGNATURE_PART]
  const manifest = await checkManifest(
    files[MANIFEST_PART] ?? null,
    signature === undefined ? null : new TextDecoder().decode(signature),
    file,
  )
  return checkParts(manifest, Object.keys(files), async (name) => files[name] ?? null, file)
}

export interface Merged {
  plan: MergePlan
  register: Register
}

/**
 * `pkg` planned against the register of the office `selfId` (with the links confirmed) and the
 * plan applied as the CLI applies it, at `stamp`.
 */
export function mergeInto(
  register: Register,
  pkg: ReceivedPackage,
  selfId: string,
  options: { links?: readonly ConfirmedLink[]; stamp?: string } = {},
): Merged {
  let ids = 0
  const plan = planMerge(register, pkg, {
    selfId,
    stamp: options.stamp ?? '2025-01-10T09:00:00.000Z',
    newId: () => `${selfId}-new-${++ids}`,
    links: options.links ?? [],
  })
  const batch = mergeBatch(plan, register, pkg.manifest.sender.name, 'test')
  return { plan, register: applyMerge(register, plan, batch) as Register }
}

/** The register as a backup file, with the office's identity in its settings when given. */
export function backupOf(register: Register, identity?: OfficeIdentityKey): Promise<string> {
  return serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'test',
    kind: 'manual',
    createdAt: T0,
    tables: {
      ...register,
      settings: identity === undefined ? [] : [{ key: IDENTITY_KEY, value: identity }],
    },
  })
}
