import { strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Evaluation, Revocation } from '@shared/db/records'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { publicOffice, signWith, type OfficeIdentityKey } from '@shared/exchange/identity'
import { packageContent } from '@shared/exchange/package-content'
import {
  writePackage,
  type PackageManifest,
  type ReceivedPackage,
} from '@shared/exchange/package-format'
import {
  RICE,
  ROLLS,
  T0,
  camXaWithRevocation,
  mergeInto,
  named,
  officeIdentity,
  readBack,
  registerOf,
  sendPackage,
  type Register,
} from '../../support/exchange-register'

let camXa: OfficeIdentityKey
let district: OfficeIdentityKey

beforeAll(async () => {
  camXa = await officeIdentity('camXa')
  district = await officeIdentity('myHao')
})

/** The status of the product named `name` in `register` on `date`, with its revocations. */
function statusOf(register: Register, name: string, date: string) {
  const index = new EvaluationIndex(
    register.evaluations as unknown as Evaluation[],
    undefined,
    register.revocations as unknown as Revocation[],
  )
  return index.statusOn(named(register.products, name).id, date).kind
}

/**
 * Cẩm Xá's full package of `register` as a package of format 1 holds it: the manifest saying
 * version 1, without the revocations part (that format had none) unless `keepRevocations`, and
 * signed by the sender.
 */
async function formatOnePackage(
  register: Register,
  identity: OfficeIdentityKey,
  keepRevocations = false,
): Promise<ReceivedPackage> {
  const written = await writePackage(
    packageContent(register, publicOffice(identity), { includeHeld: false, since: null }),
    {
      id: 'package-v1',
      kind: 'full',
      base: null,
      createdAt: '2020-01-01T00:00:00.000Z',
      appVersion: '0.9.0',
      recipient: null,
      includesHeld: false,
    },
    identity,
  )
  const files = unzipSync(written)
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackageManifest
  manifest.formatVersion = 1
  if (!keepRevocations) {
    manifest.parts = manifest.parts.filter((part) => part.name !== REVOCATIONS_PART)
    delete manifest.counts.revocations
    delete files[REVOCATIONS_PART]
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
  files['manifest.sig'] = strToU8(await signWith(identity, files['manifest.json']))
  return readBack(zipSync(files), 'cam-xa-v1.ocop')
}

const REVOCATIONS_PART = 'data/revocations.json'

describe('a revocation decision travels in a data package', () => {
  it('makes the product revoked at the district from the decision’s date, not before', async () => {
    const commune = camXaWithRevocation()
    const pkg = await sendPackage(commune, camXa)
    expect(pkg.manifest.formatVersion).toBe(2)
    expect(pkg.manifest.counts.revocations).toBe(1)

    const { plan, register } = mergeInto(registerOf('mh', []), pkg, district.officeId)

    expect(plan.counts.revocations.new).toBe(1)
    const [received] = register.revocations as unknown as Revocation[]
    expect(received?.origin).toEqual({ office: camXa.officeId, id: 'cx-revocation-1', rev: T0 })
    // Its line names the district's copies of the product and the certificate, not Cẩm Xá's ids.
    const rolls = named(register.products, ROLLS)
    expect(received?.lines[0]?.productId).toBe(rolls.id)
    expect(register.evaluations.map((e) => e.id)).toContain(received?.lines[0]?.evaluationId)
    expect(statusOf(register, ROLLS, '2021-09-15')).toBe('bi-thu-hoi')
    expect(statusOf(register, ROLLS, '2021-09-14')).toBe('het-han')
    expect(statusOf(register, RICE, '2021-09-15')).not.toBe('bi-thu-hoi')
  })

  it('maps the lines to the district’s own ids when the product came in an earlier package', async () => {
    const commune = camXaWithRevocation()
    const before = await sendPackage({ ...commune, revocations: [] }, camXa)
    // The district holds the product under an id of its own: Cẩm Xá's id was taken there.
    const taken = registerOf('cx', [{ producer: 'Cơ sở khác', product: 'Khác', unit: 'old-12103' }])
    const held = mergeInto(
      { ...taken, products: taken.products.map((p) => ({ ...p, id: 'cx-product-2' })) },
      before,
      district.officeId,
    ).register
    const rolls = named(held.products, ROLLS)
    expect(rolls.id).not.toBe('cx-product-2')

    const pkg = await sendPackage(commune, camXa, { base: before })
    const { plan, register } = mergeInto(held, pkg, district.officeId)

    expect(plan.counts.revocations.new).toBe(1)
    const [received] = register.revocations as unknown as Revocation[]
    expect(received?.lines[0]?.productId).toBe(rolls.id)
    expect(statusOf(register, ROLLS, '2022-01-01')).toBe('bi-thu-hoi')
  })

  it('refuses a decision whose product is neither in the package nor held, naming the field', async () => {
    const commune = camXaWithRevocation()
    const rolls = named(commune.products, ROLLS)
    const alone = {
      ...commune,
      products: commune.products.filter((p) => p.id !== rolls.id),
      evaluations: commune.evaluations.filter((e) => e.productId !== rolls.id),
    }
    const { plan, register } = mergeInto(
      registerOf('mh', []),
      await sendPackage(alone, camXa),
      district.officeId,
    )
    expect(plan.refusals).toContainEqual(
      expect.objectContaining({
        table: 'revocations',
        name: 'Quyết định thu hồi số 1234/QĐ-UBND',
        reason: 'missing-reference',
        field: 'lines.productId',
        target: 'products',
      }),
    )
    expect(register.revocations).toEqual([])
  })

  it('never overwrites a decision of the receiving office that comes back to it', async () => {
    const commune = camXaWithRevocation()
    const pkg = await sendPackage(commune, camXa)
    const atDistrict = mergeInto(registerOf('mh', []), pkg, district.officeId).register
    const passedBack = await sendPackage(atDistrict, district, { includeHeld: true })
    const { plan } = mergeInto(commune, passedBack, camXa.officeId)
    expect(plan.counts.revocations).toMatchObject({ new: 0, updated: 0, refused: 1 })
    expect(plan.refusals).toContainEqual(
      expect.objectContaining({ table: 'revocations', reason: 'own-record' }),
    )
  })

  it('removes a decision its owner withdrew, by the change package’s tombstone', async () => {
    const commune = camXaWithRevocation()
    const first = await sendPackage(commune, camXa)
    const held = mergeInto(registerOf('mh', []), first, district.officeId).register
    const changes = await sendPackage({ ...commune, revocations: [] }, camXa, { base: first })
    expect(changes.content.tombstones).toEqual([
      { table: 'revocations', office: camXa.officeId, id: 'cx-revocation-1' },
    ])
    const { plan, register } = mergeInto(held, changes, district.officeId)
    expect(plan.counts.revocations.removed).toBe(1)
    expect(register.revocations).toEqual([])
    expect(statusOf(register, ROLLS, '2022-01-01')).toBe('het-han')
  })
})

describe('a package of format 1, from a build before revocations', () => {
  it('still merges, holding no revocation', async () => {
    const pkg = await formatOnePackage(camXaWithRevocation(), camXa)
    expect(pkg.manifest.formatVersion).toBe(1)
    expect(pkg.content.tables.revocations).toBeUndefined()

    const { plan, register } = mergeInto(registerOf('mh', []), pkg, district.officeId)

    expect(plan.counts.products.new).toBe(2)
    expect(plan.counts.evaluations.new).toBe(3)
    expect(plan.counts.revocations).toMatchObject({ new: 0, removed: 0, refused: 0 })
    expect(register.revocations).toEqual([])
    expect(statusOf(register, ROLLS, '2022-01-01')).toBe('het-han')
  })

  it('removes no decision an earlier package brought: its silence says nothing of them', async () => {
    const commune = camXaWithRevocation()
    const held = mergeInto(
      registerOf('mh', []),
      await sendPackage(commune, camXa),
      district.officeId,
    ).register
    expect(held.revocations).toHaveLength(1)

    const { plan, register } = mergeInto(
      held,
      await formatOnePackage(commune, camXa),
      district.officeId,
    )

    expect(plan.counts.revocations.removed).toBe(0)
    expect(register.revocations).toHaveLength(1)
  })

  it('is refused when it holds a revocations part, which that format never had', async () => {
    const error = await formatOnePackage(camXaWithRevocation(), camXa, true).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      code: 'package.unreadable',
      params: { reason: 'extra-part', part: REVOCATIONS_PART },
    })
  })
})
