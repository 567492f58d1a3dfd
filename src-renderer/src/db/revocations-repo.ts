/**
 * Revocation decisions (quyết định thu hồi giấy chứng nhận). Recording one is a change batch
 * (change-batches.ts): the decision is the one record it creates, so undoing it deletes the
 * decision and every product ranks again as before. The draft's setting (how many days a
 * certificate must have been expired to be proposed) is a setting of the register.
 */
import { formatViDate, isIsoDate, type IsoDate } from '@shared/dates'
import type {
  ChangeBatchOf,
  Revocation,
  RevocationIssuer,
  RevocationLine,
} from '@shared/db/records'
import { givesCertificate, revocationLookup, signerMissing } from '@shared/domain/revocations'
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import type { CouncilLevel } from '@shared/rounds/closing'
import { normalizeText } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { listChangeBatches } from './change-batches'

/** What the clerk enters for a decision; the lines are the certificates it revokes. */
export interface RevocationInput {
  number: string
  date: string
  signer: string
  issuer: RevocationIssuer
  level: CouncilLevel
  lines: readonly RevocationLine[]
  note: string
}

export interface RecordedRevocation {
  revocation: Revocation
  batch: ChangeBatchOf<'revocation'>
}

type Refusal = ErrorMessageParams['revocation.refused']

const refuse = (params: Refusal) => new AppError({ code: 'revocation.refused', params })

/** The label of a decision's batch, as Lịch sử thay đổi and the undo message name it. */
export const revocationLabel = (number: string, count: number): string =>
  `Quyết định thu hồi số ${number} (${count} giấy chứng nhận)`

/**
 * Records a decision and its change batch with one audit line, in one transaction. Refused, and
 * nothing is written, when the number or the date is missing, there are no lines, a higher
 * level's decision does not name its signing body, a product is named twice, a line's evaluation
 * is gone or gave no certificate (or gave it after the decision's date), or a certificate is
 * already revoked by a decision on or before that date.
 */
export async function recordRevocation(
  db: OcopDatabase,
  input: RevocationInput,
  who: string,
  now: string = new Date().toISOString(),
): Promise<RecordedRevocation> {
  const number = normalizeText(input.number)
  if (number === '') throw refuse({ reason: 'no-number' })
  if (!isIsoDate(input.date)) throw refuse({ reason: 'bad-date', date: input.date })
  const date: IsoDate = input.date
  if (input.lines.length === 0) throw refuse({ reason: 'no-lines', number })
  if (signerMissing(input)) throw refuse({ reason: 'no-signer', number })

  return db.transaction('rw', db.registerTables(), async () => {
    const productIds = input.lines.map((line) => line.productId)
    const products = await db.products.bulkGet(productIds)
    // A decision may name thousands of certificates: names and repeats are looked up, not searched.
    const nameById = new Map(productIds.map((id, i) => [id, products[i]?.name ?? id]))
    const nameOf = (productId: string) => nameById.get(productId) ?? productId
    const names = (lines: readonly RevocationLine[]) => [
      ...new Set(lines.map((line) => nameOf(line.productId))),
    ]

    const seen = new Set<string>()
    const twice = input.lines.filter((line) => {
      if (seen.has(line.productId)) return true
      seen.add(line.productId)
      return false
    })
    if (twice.length > 0) throw refuse({ reason: 'twice', number, products: names(twice) })

    const evaluations = await db.evaluations.bulkGet(input.lines.map((l) => l.evaluationId))
    const noCertificate = input.lines.filter((line, i) => {
      const evaluation = evaluations[i]
      return (
        products[i] === undefined ||
        evaluation === undefined ||
        evaluation.productId !== line.productId ||
        !givesCertificate(evaluation)
      )
    })
    if (noCertificate.length > 0) {
      throw refuse({ reason: 'no-certificate', number, products: names(noCertificate) })
    }
    const notYet = input.lines.filter((_, i) => evaluations[i]!.decisionDate! > date)
    if (notYet.length > 0) {
      throw refuse({ reason: 'certified-later', number, date, products: names(notYet) })
    }

    const revoked = revocationLookup(await db.revocations.toArray())
    const already = input.lines.flatMap((line) => {
      const held = revoked(line.evaluationId)
      return held !== undefined && held.decision.date <= date
        ? [
            {
              product: nameOf(line.productId),
              number: held.decision.number,
              date: held.decision.date,
            },
          ]
        : []
    })
    if (already.length > 0) throw refuse({ reason: 'already-revoked', number, revoked: already })

    const revocation: Revocation = {
      id: crypto.randomUUID(),
      number,
      date,
      signer: normalizeText(input.signer),
      issuer: input.issuer,
      level: input.level,
      lines: input.lines.map((line) => ({
        productId: line.productId,
        evaluationId: line.evaluationId,
        reason: line.reason,
        reasonText: normalizeText(line.reasonText),
      })),
      note: normalizeText(input.note),
      createdAt: now,
      updatedAt: now,
    }
    const count = revocation.lines.length
    const batch: ChangeBatchOf<'revocation'> = {
      id: crypto.randomUUID(),
      kind: 'revocation',
      label: revocationLabel(number, count),
      at: now,
      who,
      beforeImages: [],
      createdIds: { revocations: [revocation.id] },
      undoneAt: null,
      detail: { revocationId: revocation.id, number, date, count },
    }
    await db.revocations.add(revocation)
    await db.changeBatches.add(batch)
    await recordAudit(db, {
      action: 'create',
      table: 'changeBatches',
      recordId: batch.id,
      summary: `${batch.label}, ngày ${formatViDate(date)}: ${names(revocation.lines).join(', ')}`,
      after: { revocation, createdIds: batch.createdIds },
      batchId: batch.id,
    })
    return { revocation, batch }
  })
}

/** The decisions' batches, newest first: what the screen lists, recorded and undone. */
export function listRevocationBatches(db: OcopDatabase): Promise<ChangeBatchOf<'revocation'>[]> {
  return listChangeBatches(db, 'revocation')
}

const DRAFT_DAYS_KEY = 'revocationDraftDays'

/** How many days a certificate must have been expired for the draft to propose it (default 0). */
export async function getRevocationDraftDays(db: OcopDatabase): Promise<number> {
  const value = (await db.settings.get(DRAFT_DAYS_KEY))?.value
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** Saves the draft's days, with its audit line; refused unless a whole number 0-3650. */
export async function saveRevocationDraftDays(db: OcopDatabase, days: number): Promise<number> {
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw refuse({ reason: 'bad-days', days: String(days) })
  }
  await db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = (await db.settings.get(DRAFT_DAYS_KEY))?.value ?? null
    await db.settings.put({ key: DRAFT_DAYS_KEY, value: days })
    await recordAudit(db, {
      action: 'update',
      table: 'settings',
      recordId: DRAFT_DAYS_KEY,
      summary: `Dự thảo thu hồi đề xuất giấy chứng nhận đã hết hạn từ ${days} ngày`,
      before,
      after: days,
    })
  })
  return days
}
