import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { AppError } from '@shared/errors'
import {
  fingerprintOf,
  publicOffice,
  type OfficeIdentityKey,
  type PublicOffice,
} from '@shared/exchange/identity'
import {
  createIdentity,
  identityStatus,
  installIdOf,
  keepIdentityHere,
  loadIdentity,
  takeNewIdentity,
  updateIdentityOffice,
  type IdentityOffice,
  type IdentityStatus,
} from '@/db/identity-repo'
import { isPracticeRegister, useDatabase } from '@/db/instance'

/**
 * The office's identity in the exchange between offices, as Cài đặt shows it, and whether this
 * install holds it. The private key stays inside the store: views see the public office and its
 * key's fingerprint. The practice register has none: its sample data never travels.
 */
export const useIdentityStore = defineStore('identity', () => {
  const practice = isPracticeRegister()
  const identity = shallowRef<OfficeIdentityKey | null>(null)
  const fingerprint = ref('')
  const installId = ref('')

  const office = computed<PublicOffice | null>(() =>
    identity.value === null ? null : publicOffice(identity.value),
  )
  const status = computed<IdentityStatus>(() => identityStatus(identity.value, installId.value))

  async function show(next: OfficeIdentityKey | null) {
    fingerprint.value = next === null ? '' : await fingerprintOf(next.publicKey)
    identity.value = next
  }
  async function load() {
    if (practice) return
    installId.value = installIdOf()
    await show(await loadIdentity(useDatabase()))
  }
  async function create(input: IdentityOffice) {
    if (practice) throw new AppError({ code: 'package.practice', params: {} })
    await show(await createIdentity(useDatabase(), input, installId.value))
  }
  async function update(input: IdentityOffice) {
    await show(await updateIdentityOffice(useDatabase(), input))
  }
  async function keepHere() {
    await show(await keepIdentityHere(useDatabase(), installId.value))
  }
  /** Returns how many records became the old office's. */
  async function takeNew(): Promise<number> {
    const taken = await takeNewIdentity(useDatabase(), installId.value, new Date().toISOString())
    await show(taken.identity)
    return taken.handedOver
  }
  return { practice, office, fingerprint, status, load, create, update, keepHere, takeNew }
})
