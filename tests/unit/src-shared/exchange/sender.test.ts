import { beforeAll, describe, expect, it } from 'vitest'
import type { OfficeRecord, PackageLogRecord } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import type { PackageManifest } from '@shared/exchange/package-format'
import { checkSender } from '@shared/exchange/sender'
import {
  CAM_XA_PRODUCTS,
  mergeInto,
  officeIdentity,
  registerOf,
  sendPackage,
  type Register,
} from '../../support/exchange-register'

let camXa: OfficeIdentityKey
let district: OfficeIdentityKey
let province: OfficeIdentityKey
let commune: Register

beforeAll(async () => {
  camXa = await officeIdentity('camXa')
  district = await officeIdentity('myHao')
  province = await officeIdentity('hungYen')
  commune = registerOf('cx', CAM_XA_PRODUCTS)
})

interface Here {
  selfId: string
  offices: OfficeRecord[]
  packages: PackageLogRecord[]
}

const atDistrict = (register: Register = registerOf('mh', [])): Here => ({
  selfId: district.officeId,
  offices: register.offices,
  packages: register.packages,
})

/** The refusal checkSender throws. */
function refusal(manifest: PackageManifest, here: Here): AppError {
  try {
    checkSender(manifest, 'cam-xa.ocop', here)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the package was accepted')
}

describe('who may send a package here', () => {
  it('meets an office for the first time, and knows it once its package is merged', async () => {
    const pkg = await sendPackage(commune, camXa)
    expect(checkSender(pkg.manifest, 'cam-xa.ocop', atDistrict())).toBe('first-contact')

    const merged = mergeInto(registerOf('mh', []), pkg, district.officeId).register
    expect(checkSender(pkg.manifest, 'cam-xa.ocop', atDistrict(merged))).toBe('known')
  })

  it('treats an office heard of only through another as met for the first time', async () => {
    const atDistrictRegister = mergeInto(
      registerOf('mh', []),
      await sendPackage(commune, camXa),
      district.officeId,
    ).register
    const fromDistrict = await sendPackage(atDistrictRegister, district, { includeHeld: true })
    const atProvince = mergeInto(registerOf('hy', []), fromDistrict, province.officeId).register

    const pkg = await sendPackage(commune, camXa)
    const here = { selfId: province.officeId, ...atProvince }
    expect(checkSender(pkg.manifest, 'cam-xa.ocop', here)).toBe('first-contact')
  })

  it('refuses a package this office made', async () => {
    const pkg = await sendPackage(registerOf('mh', []), district)
    expect(refusal(pkg.manifest, atDistrict())).toMatchObject({
      code: 'package.own',
      params: { file: 'cam-xa.ocop' },
    })
  })

  it('refuses a package addressed to another office, naming it', async () => {
    const pkg = await sendPackage(commune, camXa, { recipient: province })
    expect(refusal(pkg.manifest, atDistrict())).toMatchObject({
      code: 'package.other-recipient',
      params: { file: 'cam-xa.ocop', recipient: 'Sở Nông nghiệp và Môi trường Hưng Yên' },
    })
    const toDistrict = await sendPackage(commune, camXa, { recipient: district })
    expect(checkSender(toDistrict.manifest, 'cam-xa.ocop', atDistrict())).toBe('first-contact')
  })

  it('refuses a package that claims a known office but is signed with another key', async () => {
    const merged = mergeInto(
      registerOf('mh', []),
      await sendPackage(commune, camXa),
      district.officeId,
    ).register
    const impostor = await officeIdentity('camXa')
    const forged = await sendPackage(commune, { ...impostor, officeId: camXa.officeId })

    expect(refusal(forged.manifest, atDistrict(merged))).toMatchObject({
      code: 'package.key-mismatch',
      params: { file: 'cam-xa.ocop', office: 'UBND xã Cẩm Xá' },
    })
  })

  it('refuses a change package whose base was never merged here, naming that package', async () => {
    const first = await sendPackage(commune, camXa, { createdAt: '2025-03-05T08:30:00.000Z' })
    const changes = await sendPackage(commune, camXa, { base: first })

    const missing = refusal(changes.manifest, atDistrict())
    expect(missing).toMatchObject({
      code: 'package.missing-base',
      params: {
        file: 'cam-xa.ocop',
        office: 'UBND xã Cẩm Xá',
        baseCreatedAt: '2025-03-05T08:30:00.000Z',
      },
    })
    expect(missing.message).toContain('mà gói đó chưa được nhận ở đây')
    // A full package always works; once it is merged, the change package does too.
    expect(checkSender(first.manifest, 'cam-xa.ocop', atDistrict())).toBe('first-contact')
    const merged = mergeInto(registerOf('mh', []), first, district.officeId).register
    expect(checkSender(changes.manifest, 'cam-xa.ocop', atDistrict(merged))).toBe('known')
  })
})
