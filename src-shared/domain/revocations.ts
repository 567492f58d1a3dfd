/**
 * Revoked certificates (thu hồi giấy chứng nhận). A revocation decision takes effect on its date:
 * from that day the certificate it names gives its product no rank (rankings.ts), and before it
 * nothing changes; a later recognition gives the product a rank again. The draft proposes the
 * certificates a clerk would otherwise find by hand: those expired with no evaluation since, and
 * those whose re-evaluation was recognised below 3★ or not recognised.
 */
import type { IsoDate } from '../dates'
import type {
  Evaluation,
  Product,
  Revocation,
  RevocationLine,
  RevocationReason,
} from '../db/records'
import { daysUntil, evaluationExpiry } from './certificates'
import { isOcopStars } from './criteria'
import type { EvaluationIndex } from './evaluation-index'
import { resultDate } from './rankings'
import { normalizeText } from '../text/vietnamese'

/**
 * The reasons as documents and screens write them in Vietnamese: the revocation's annex, the
 * draft's list, the product's timeline.
 */
export const REVOCATION_REASON_LABELS: Record<RevocationReason, string> = {
  'het-han': 'Hết thời hạn, không đánh giá lại',
  'khong-dat': 'Không đạt khi đánh giá lại',
  'vi-pham': 'Vi phạm quy định',
  'ngung-san-xuat': 'Chủ thể ngừng sản xuất, xin thu hồi',
  khac: 'Lý do khác',
}

/**
 * A line's reason as the annex writes it: the label, then the clerk's words after a colon; a
 * reason 'khac' is the clerk's words alone (the label when they wrote none).
 */
export function revocationReasonText(line: Pick<RevocationLine, 'reason' | 'reasonText'>): string {
  const words = line.reasonText.trim().replace(/[.;]$/, '')
  if (line.reason === 'khac') return words === '' ? REVOCATION_REASON_LABELS.khac : words
  const label = REVOCATION_REASON_LABELS[line.reason]
  return words === '' ? label : `${label}: ${words}`
}

/** A certificate a decision revokes: the decision and its line. */
export interface RevokedCertificate {
  decision: Revocation
  line: RevocationLine
}

/** The revocation of an evaluation's certificate, by evaluation id; undefined when none. */
export type RevocationLookup = (evaluationId: string) => RevokedCertificate | undefined

export const NO_REVOCATIONS: RevocationLookup = () => undefined

/**
 * The lookup of the certificates `revocations` revoke; a certificate two decisions revoke counts
 * from the earlier.
 */
export function revocationLookup(revocations: readonly Revocation[]): RevocationLookup {
  if (revocations.length === 0) return NO_REVOCATIONS
  const byEvaluation = new Map<string, RevokedCertificate>()
  for (const decision of revocations) {
    for (const line of decision.lines) {
      const held = byEvaluation.get(line.evaluationId)
      if (held === undefined || decision.date < held.decision.date) {
        byEvaluation.set(line.evaluationId, { decision, line })
      }
    }
  }
  return (evaluationId) => byEvaluation.get(evaluationId)
}

/** The revocation in effect on `date` for `evaluationId`: decided on or before that day. */
export function revokedOn(
  lookup: RevocationLookup,
  evaluationId: string,
  date: IsoDate,
): RevokedCertificate | null {
  const revoked = lookup(evaluationId)
  return revoked !== undefined && revoked.decision.date <= date ? revoked : null
}

/**
 * True when a decision the higher level signs does not name its signing body: its Tờ trình is
 * addressed to that body by name, and the level alone would print "Ủy ban nhân dân tỉnh".
 */
export function signerMissing(decision: Pick<Revocation, 'issuer' | 'signer'>): boolean {
  return decision.issuer === 'higher' && normalizeText(decision.signer) === ''
}

/** True for a 3★-5★ recognition with its decision: an evaluation that gave a certificate. */
export function givesCertificate(evaluation: Evaluation): boolean {
  return isOcopStars(evaluation.recognisedStars) && evaluation.decisionDate !== null
}

/** A decision that recognised nothing: no stars, but a decision date (the council's refusal). */
function notRecognised(evaluation: Evaluation): boolean {
  return evaluation.recognisedStars === null && evaluation.decisionDate !== null
}

/**
 * A product's latest certificate dated on or before `date`, unless a decision had revoked it by
 * then: the certificate a revocation on that date would name.
 */
export function standingCertificate(
  index: EvaluationIndex,
  productId: string,
  date: IsoDate,
): Evaluation | undefined {
  const evaluations = index.evaluationsOf(productId)
  for (let i = evaluations.length - 1; i >= 0; i--) {
    const evaluation = evaluations[i]!
    if (resultDate(evaluation) > date || !givesCertificate(evaluation)) continue
    return revokedOn(index.revoked, evaluation.id, date) === null ? evaluation : undefined
  }
  return undefined
}

/** A certificate the draft proposes to revoke, with the reason it was found by. */
export interface RevocationCandidate {
  product: Product
  /** The evaluation whose certificate it is. */
  certificate: Evaluation
  reason: Extract<RevocationReason, 'het-han' | 'khong-dat'>
  /** Its last valid day. */
  expiryDate: IsoDate | null
  /** The re-evaluation that was recognised below 3★ or not recognised ('khong-dat'). */
  reEvaluation: Evaluation | null
}

export interface RevocationDraftOptions {
  /** Propose a certificate once it has been expired at least this many days on the date. */
  daysExpired: number
}

/**
 * The certificates to propose for revocation on `date`: a product's latest certificate not yet
 * revoked, when
 * - a later evaluation was recognised below 3★ or not recognised (by the recognised stars: a
 *   score of 50 or more can still miss a mandatory criterion of QĐ 148), with no 3★+ result
 *   after it — reason 'khong-dat'; or
 * - no evaluation came after it and it has been expired at least `daysExpired` days on the date
 *   (its last valid day is more than `daysExpired` days before) — reason 'het-han'.
 * Only what is dated on or before `date` counts. Products in the order given.
 */
export function draftRevocation(
  products: readonly Product[],
  index: EvaluationIndex,
  date: IsoDate,
  options: RevocationDraftOptions,
): RevocationCandidate[] {
  const candidates: RevocationCandidate[] = []
  for (const product of products) {
    const certificate = standingCertificate(index, product.id, date)
    if (certificate === undefined) continue
    const evaluations = index.evaluationsOf(product.id).filter((e) => resultDate(e) <= date)
    const expiryDate = evaluationExpiry(certificate)
    const later = evaluations.slice(evaluations.indexOf(certificate) + 1)
    const failed = later
      .filter(
        (e) => notRecognised(e) || (e.recognisedStars !== null && !isOcopStars(e.recognisedStars)),
      )
      .at(-1)
    if (failed !== undefined) {
      candidates.push({
        product,
        certificate,
        reason: 'khong-dat',
        expiryDate,
        reEvaluation: failed,
      })
    } else if (
      later.length === 0 &&
      expiryDate !== null &&
      daysUntil(expiryDate, date) > options.daysExpired
    ) {
      candidates.push({ product, certificate, reason: 'het-han', expiryDate, reEvaluation: null })
    }
  }
  return candidates
}
