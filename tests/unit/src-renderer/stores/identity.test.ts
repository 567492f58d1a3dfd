// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { IDENTITY_KEY, fingerprintOf } from '@shared/exchange/identity'
import { createIdentity, installIdOf, loadIdentity } from '@/db/identity-repo'
import { setDatabase } from '@/db/instance'
import { useIdentityStore } from '@/stores/identity'
import { useFreshDatabases } from '../db/fresh-db'

const freshDb = useFreshDatabases('identity-store')
const OFFICE = { name: 'Phòng Kinh tế thị xã Mỹ Hào', unitName: 'Thượng Hồng', unitCode: '12127' }

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('the identity store (Cài đặt)', () => {
  it('makes the identity on this install and shows its office and fingerprint, never its private key', async () => {
    const db = await freshDb()
    setDatabase(db)
    const identity = useIdentityStore()
    await identity.load()
    expect(identity.status).toBe('none')

    await identity.create(OFFICE)
    const stored = (await loadIdentity(db))!
    expect(stored.installId).toBe(installIdOf())
    expect(identity.status).toBe('here')
    expect(identity.office).toEqual({
      officeId: stored.officeId,
      ...OFFICE,
      publicKey: stored.publicKey,
    })
    expect(identity.fingerprint).toBe(await fingerprintOf(stored.publicKey))
    expect(JSON.stringify(identity.$state)).not.toContain(stored.privateKey)

    await identity.update({ ...OFFICE, name: 'UBND phường Thượng Hồng' })
    expect(identity.office?.name).toBe('UBND phường Thượng Hồng')
    expect(identity.office?.officeId).toBe(stored.officeId)
  })

  it("notices a register restored from another PC's backup, until this PC keeps the identity", async () => {
    const db = await freshDb()
    await createIdentity(db, OFFICE, 'install-of-the-other-pc')
    setDatabase(db)
    const identity = useIdentityStore()
    await identity.load()
    expect(identity.status).toBe('other-install')

    await identity.keepHere()
    expect(identity.status).toBe('here')
    expect((await loadIdentity(db))?.installId).toBe(installIdOf())
  })

  it('takes a new identity on this PC: a new id, the same office', async () => {
    const db = await freshDb()
    const old = await createIdentity(db, OFFICE, 'install-of-the-other-pc')
    setDatabase(db)
    const identity = useIdentityStore()
    await identity.load()

    expect(await identity.takeNew()).toBe(0)
    expect(identity.status).toBe('here')
    expect(identity.office?.officeId).not.toBe(old.officeId)
    expect(identity.office?.name).toBe(OFFICE.name)
    expect(await db.offices.get(old.officeId)).toMatchObject({ name: OFFICE.name })
  })

  it('makes no identity in the practice register: its sample data never travels', async () => {
    const db = await freshDb()
    setDatabase(db, 'practice')
    const identity = useIdentityStore()
    await identity.load()
    expect(identity.practice).toBe(true)
    expect(identity.status).toBe('none')

    await expect(identity.create(OFFICE)).rejects.toMatchObject({ code: 'package.practice' })
    expect(await db.settings.get(IDENTITY_KEY)).toBeUndefined()
  })
})
