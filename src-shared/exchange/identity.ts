/**
 * The office's identity in the exchange between OCOP Desk installs: a random id and an Ed25519 key
 * pair made once, with the office's name and the administrative unit it serves. The id names the
 * office in every package and in the `origin` of the records it owns; the key signs its packages,
 * and another office, having confirmed the key's fingerprint once (by phone), trusts it from then
 * on. The identity lives in the register (a setting), so a backup carries it; the install that
 * holds it is named by `installId`, kept outside the register (db/identity-repo.ts in the
 * renderer), so a backup restored on a second PC is noticed.
 *
 * Ed25519 (RFC 8032) through WebCrypto, which Chromium and Node 20 both provide: no library.
 */
import { z } from 'zod'

export const IDENTITY_KEY = 'exchange.identity'

export const officeIdentitySchema = z.object({
  officeId: z.string().min(1).max(64),
  name: z.string().min(1).max(300),
  unitName: z.string().max(200),
  unitCode: z.string().max(20),
  /** Raw 32-byte public key, base64. */
  publicKey: z.string().min(1).max(100),
  /** PKCS #8 private key, base64. */
  privateKey: z.string().min(1).max(200),
  /** The install that holds this identity (see the module comment). */
  installId: z.string().min(1).max(64),
  createdAt: z.string().min(10).max(40),
})
export type OfficeIdentityKey = z.infer<typeof officeIdentitySchema>

/** The identity as other offices see it: no private key. */
export type PublicOffice = Pick<
  OfficeIdentityKey,
  'officeId' | 'name' | 'unitName' | 'unitCode' | 'publicKey'
>

const ED25519 = { name: 'Ed25519' } as const

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Makes a new identity: a random office id and a fresh key pair. */
export async function createOfficeIdentity(
  office: Pick<OfficeIdentityKey, 'name' | 'unitName' | 'unitCode'>,
  installId: string,
  now: string,
): Promise<OfficeIdentityKey> {
  const pair = await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])
  if (!('privateKey' in pair)) throw new Error('Ed25519 gave no key pair')
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  const privateKey = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))
  return {
    officeId: crypto.randomUUID(),
    ...office,
    publicKey: toBase64(publicKey),
    privateKey: toBase64(privateKey),
    installId,
    createdAt: now,
  }
}

/**
 * The key's fingerprint as two clerks read it to each other on the phone: the first 16 bytes of
 * the SHA-256 of the raw public key, in eight groups of four hex digits.
 */
export async function fingerprintOf(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKey)))
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}

/** Signs `data` with the identity's private key; the signature in base64. */
export async function signWith(identity: OfficeIdentityKey, data: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    'pkcs8',
    fromBase64(identity.privateKey),
    ED25519,
    false,
    ['sign'],
  )
  // The DOM's BufferSource takes no view of a SharedArrayBuffer; ours are never shared.
  const bytes = data as Uint8Array<ArrayBuffer>
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, key, bytes)))
}

/** True when `signature` (base64) is the key's signature of `data`; false on any malformed input. */
export async function verifySignature(
  publicKey: string,
  signature: string,
  data: Uint8Array,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKey), ED25519, false, [
      'verify',
    ])
    const bytes = data as Uint8Array<ArrayBuffer>
    return await crypto.subtle.verify(ED25519, key, fromBase64(signature), bytes)
  } catch {
    return false
  }
}

/** The public part of an identity, as a package names its sender. */
export function publicOffice(identity: OfficeIdentityKey): PublicOffice {
  const { officeId, name, unitName, unitCode, publicKey } = identity
  return { officeId, name, unitName, unitCode, publicKey }
}
