/**
 * Who may send a package here, checked before its preview: not this office itself; a known office
 * only with the key confirmed for it; a change package only on a base this office has merged (a
 * full package always works); a package addressed to another office not at all. A sender seen for
 * the first time is `first-contact`: the clerk confirms its key's fingerprint (by phone) first.
 */
import type { OfficeRecord, PackageLogRecord } from '../db/records'
import { AppError } from '../errors'
import type { PackageManifest } from './package-format'

export type SenderStatus = 'known' | 'first-contact'

export function checkSender(
  manifest: PackageManifest,
  file: string,
  here: { selfId: string; offices: readonly OfficeRecord[]; packages: readonly PackageLogRecord[] },
): SenderStatus {
  const sender = manifest.sender
  if (sender.officeId === here.selfId) {
    throw new AppError({ code: 'package.own', params: { file } })
  }
  if (manifest.recipient !== null && manifest.recipient.officeId !== here.selfId) {
    throw new AppError({
      code: 'package.other-recipient',
      params: { file, recipient: manifest.recipient.name },
    })
  }
  const known = here.offices.find((office) => office.id === sender.officeId)
  const trusted = known !== undefined && known.trustedAt !== null && known.publicKey !== ''
  if (trusted && known.publicKey !== sender.publicKey) {
    throw new AppError({ code: 'package.key-mismatch', params: { file, office: known.name } })
  }
  if (manifest.base !== null) {
    const merged = here.packages.some(
      (p) => p.direction === 'received' && p.id === manifest.base!.id,
    )
    if (!merged) {
      throw new AppError({
        code: 'package.missing-base',
        params: { file, office: sender.name, baseCreatedAt: manifest.base.createdAt },
      })
    }
  }
  return trusted ? 'known' : 'first-contact'
}
