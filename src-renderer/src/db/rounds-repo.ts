/**
 * Evaluation rounds while they are open: the round itself, its council, the products entered and
 * the members' scores. Every write is one transaction with its audit lines, and a closed round
 * refuses them all (it is reopened by undoing its closing). Closing and decisions: round-closing.ts.
 */
import type {
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  ScoringSheetRecord,
} from '@shared/db/records'
import { scoringBlock } from '@shared/rounds/registration'
import { AppError } from '@shared/errors'
import type { OcopDatabase } from './database'
import {
  auditedAdd,
  auditedDelete,
  auditedRestore,
  auditedUpdate,
  newRecordStamp,
} from './audited-writes'

/** Every round with its records (rounds are few; the page reads them from memory). */
export async function listRoundTables(db: OcopDatabase) {
  const [rounds, roundMembers, roundEntries, roundScores, scoringSheets] = await Promise.all([
    db.rounds.toArray(),
    db.roundMembers.toArray(),
    db.roundEntries.toArray(),
    db.roundScores.toArray(),
    db.scoringSheets.toArray(),
  ])
  return { rounds, roundMembers, roundEntries, roundScores, scoringSheets }
}

const roundTables = (db: OcopDatabase) => [
  db.rounds,
  db.roundMembers,
  db.roundEntries,
  db.roundScores,
  db.auditLog,
]

/** The open round `id`; refuses a round that is closed or gone. */
async function openRound(db: OcopDatabase, id: string): Promise<Round> {
  const round = await db.rounds.get(id)
  if (round === undefined) throw new Error(`round ${id} not found`)
  if (round.status === 'closed') {
    throw new AppError({ code: 'round.closed', params: { round: round.name } })
  }
  return round
}

export type RoundInput = Omit<Round, 'id' | 'status' | 'createdAt' | 'updatedAt'>

/**
 * Adds a round, or changes an open one's details. A new round may take its council from an
 * earlier round (`membersFrom`): the same people, roles and order.
 */
export async function saveRound(
  db: OcopDatabase,
  input: RoundInput,
  id: string | null,
  membersFrom: string | null = null,
): Promise<Round> {
  return db.transaction('rw', roundTables(db), async () => {
    const stamp = newRecordStamp()
    if (id !== null) {
      await openRound(db, id)
      const { after } = await auditedUpdate<Round>(
        db,
        'rounds',
        id,
        (before) => ({ ...before, ...input, updatedAt: stamp.updatedAt }),
        (r) => `Sửa đợt đánh giá ${r.name}`,
      )
      return after
    }
    const round: Round = { ...input, ...stamp, status: 'open' }
    await auditedAdd(db, 'rounds', round, `Thêm đợt đánh giá ${round.name}`)
    if (membersFrom !== null) await copyMembers(db, round, membersFrom)
    return round
  })
}

async function copyMembers(db: OcopDatabase, round: Round, fromRoundId: string): Promise<void> {
  const from = await db.roundMembers.where('roundId').equals(fromRoundId).sortBy('position')
  for (const [position, member] of from.entries()) {
    const copy: RoundMember = { ...member, ...newRecordStamp(), roundId: round.id, position }
    await auditedAdd(db, 'roundMembers', copy, `Đợt ${round.name}: thêm thành viên ${copy.name}`)
  }
}

/** A round deleted with everything in it, to put back exactly. */
export interface DeletedRound {
  round: Round
  members: RoundMember[]
  entries: RoundEntry[]
  scores: RoundScore[]
}

/** Deletes an open round with its council, products and scores. */
export async function deleteRound(db: OcopDatabase, id: string): Promise<DeletedRound> {
  return db.transaction('rw', roundTables(db), async () => {
    const round = await openRound(db, id)
    const ids = (table: 'roundScores' | 'roundEntries' | 'roundMembers') =>
      db[table].where('roundId').equals(id).primaryKeys()
    const name = `đợt ${round.name}`
    const scores = await auditedDelete<RoundScore>(
      db,
      'roundScores',
      await ids('roundScores'),
      () => `Xóa ${name}: bỏ điểm chấm`,
    )
    const entries = await auditedDelete<RoundEntry>(
      db,
      'roundEntries',
      await ids('roundEntries'),
      () => `Xóa ${name}: bỏ sản phẩm đăng ký`,
    )
    const members = await auditedDelete<RoundMember>(
      db,
      'roundMembers',
      await ids('roundMembers'),
      (m) => `Xóa ${name}: bỏ thành viên ${m.name}`,
    )
    await auditedDelete<Round>(db, 'rounds', [id], () => `Xóa ${name}`)
    return { round, members, entries, scores }
  })
}

/** Puts a deleted round back exactly. */
export async function restoreRound(db: OcopDatabase, deleted: DeletedRound): Promise<void> {
  await db.transaction('rw', roundTables(db), async () => {
    const name = `Khôi phục đợt ${deleted.round.name}`
    await auditedRestore(db, 'rounds', [deleted.round], () => name)
    await auditedRestore(db, 'roundMembers', deleted.members, () => name)
    await auditedRestore(db, 'roundEntries', deleted.entries, () => name)
    await auditedRestore(db, 'roundScores', deleted.scores, () => name)
  })
}

export type MemberInput = Pick<RoundMember, 'name' | 'role' | 'organisation'>

/** Adds a member at the end of the council, or changes one. */
export async function saveMember(
  db: OcopDatabase,
  roundId: string,
  input: MemberInput,
  id: string | null,
): Promise<RoundMember> {
  return db.transaction('rw', roundTables(db), async () => {
    const round = await openRound(db, roundId)
    const stamp = newRecordStamp()
    if (id !== null) {
      const { after } = await auditedUpdate<RoundMember>(
        db,
        'roundMembers',
        id,
        (before) => ({ ...before, ...input, updatedAt: stamp.updatedAt }),
        (m) => `Đợt ${round.name}: sửa thành viên ${m.name}`,
      )
      return after
    }
    const position = await db.roundMembers.where('roundId').equals(roundId).count()
    const member: RoundMember = { ...input, ...stamp, roundId, position }
    return auditedAdd(
      db,
      'roundMembers',
      member,
      `Đợt ${round.name}: thêm thành viên ${member.name}`,
    )
  })
}

/** A member removed with the scores they gave, to put back exactly. */
export interface RemovedMember {
  member: RoundMember
  scores: RoundScore[]
  /** The council's order before, to restore it. */
  order: RoundMember[]
}

/** Removes a member and their scores; the others close up. */
export async function removeMember(db: OcopDatabase, id: string): Promise<RemovedMember> {
  return db.transaction('rw', roundTables(db), async () => {
    const member = await db.roundMembers.get(id)
    if (member === undefined) throw new Error(`member ${id} not found`)
    const round = await openRound(db, member.roundId)
    const order = await db.roundMembers.where('roundId').equals(round.id).sortBy('position')
    const scoreIds = (await db.roundScores.where('roundId').equals(round.id).toArray())
      .filter((score) => score.memberId === id)
      .map((score) => score.id)
    const scores = await auditedDelete<RoundScore>(
      db,
      'roundScores',
      scoreIds,
      () => `Đợt ${round.name}: bỏ điểm của ${member.name}`,
    )
    await auditedDelete<RoundMember>(
      db,
      'roundMembers',
      [id],
      (m) => `Đợt ${round.name}: bỏ thành viên ${m.name}`,
    )
    await writeOrder(
      db,
      round,
      order.filter((m) => m.id !== id),
    )
    return { member, scores, order }
  })
}

/** Puts a removed member back in their place, with their scores. */
export async function restoreMember(db: OcopDatabase, removed: RemovedMember): Promise<void> {
  await db.transaction('rw', roundTables(db), async () => {
    const name = `Khôi phục thành viên ${removed.member.name}`
    await auditedRestore(db, 'roundMembers', removed.order, () => name)
    await auditedRestore(db, 'roundScores', removed.scores, () => name)
  })
}

/** Moves a member one place up (-1) or down (+1) in the council's order. */
export async function moveMember(db: OcopDatabase, id: string, step: -1 | 1): Promise<void> {
  await db.transaction('rw', roundTables(db), async () => {
    const member = await db.roundMembers.get(id)
    if (member === undefined) throw new Error(`member ${id} not found`)
    const round = await openRound(db, member.roundId)
    const order = await db.roundMembers.where('roundId').equals(round.id).sortBy('position')
    const from = order.findIndex((m) => m.id === id)
    const to = from + step
    if (to < 0 || to >= order.length) return
    ;[order[from], order[to]] = [order[to]!, order[from]!]
    await writeOrder(db, round, order)
  })
}

/** Gives the members their places in `order`, writing only those that moved. */
async function writeOrder(db: OcopDatabase, round: Round, order: RoundMember[]): Promise<void> {
  const now = new Date().toISOString()
  for (const [position, member] of order.entries()) {
    if (member.position === position) continue
    await auditedUpdate<RoundMember>(
      db,
      'roundMembers',
      member.id,
      (before) => ({ ...before, position, updatedAt: now }),
      (m) => `Đợt ${round.name}: xếp lại thành viên ${m.name}`,
    )
  }
}

/** Enters products of the register into a round, after those already in it. */
export async function addEntries(
  db: OcopDatabase,
  roundId: string,
  products: { productId: string; groupCode: string }[],
): Promise<RoundEntry[]> {
  return db.transaction('rw', [...roundTables(db), db.products], async () => {
    const round = await openRound(db, roundId)
    const existing = await db.roundEntries.where('roundId').equals(roundId).toArray()
    const taken = new Set(existing.map((entry) => entry.productId))
    const added: RoundEntry[] = []
    for (const { productId, groupCode } of products) {
      if (taken.has(productId)) continue
      const product = await db.products.get(productId)
      const entry: RoundEntry = {
        ...newRecordStamp(),
        roundId,
        productId,
        groupCode,
        registeredStars: null,
        dossier: {},
        overrideReason: '',
        mandatoryMissedFrom: null,
        proposedStars: null,
        proposalReason: '',
        position: existing.length + added.length,
        outcome: null,
        proposedTo: null,
        evaluationId: null,
      }
      taken.add(productId)
      added.push(
        await auditedAdd(
          db,
          'roundEntries',
          entry,
          `Đợt ${round.name}: đăng ký sản phẩm ${product?.name ?? productId}`,
        ),
      )
    }
    return added
  })
}

export type EntryChange = Partial<
  Pick<
    RoundEntry,
    | 'groupCode'
    | 'registeredStars'
    | 'dossier'
    | 'overrideReason'
    | 'mandatoryMissedFrom'
    | 'proposedStars'
    | 'proposalReason'
  >
>

/** Changes a product's registration, dossier or the council's proposal for it. */
export async function updateEntry(
  db: OcopDatabase,
  id: string,
  change: EntryChange,
): Promise<RoundEntry> {
  return db.transaction('rw', [...roundTables(db), db.products], async () => {
    const entry = await db.roundEntries.get(id)
    if (entry === undefined) throw new Error(`entry ${id} not found`)
    const round = await openRound(db, entry.roundId)
    const product = await db.products.get(entry.productId)
    const { after } = await auditedUpdate<RoundEntry>(
      db,
      'roundEntries',
      id,
      (before) => ({ ...before, ...change, updatedAt: new Date().toISOString() }),
      () => `Đợt ${round.name}: sửa đăng ký sản phẩm ${product?.name ?? entry.productId}`,
    )
    return after
  })
}

/** A product taken out of a round with its scores, to put back exactly. */
export interface RemovedEntry {
  entry: RoundEntry
  scores: RoundScore[]
}

export async function removeEntry(db: OcopDatabase, id: string): Promise<RemovedEntry> {
  return db.transaction('rw', [...roundTables(db), db.products], async () => {
    const entry = await db.roundEntries.get(id)
    if (entry === undefined) throw new Error(`entry ${id} not found`)
    const round = await openRound(db, entry.roundId)
    const product = await db.products.get(entry.productId)
    const label = `Đợt ${round.name}: bỏ sản phẩm ${product?.name ?? entry.productId}`
    const scores = await auditedDelete<RoundScore>(
      db,
      'roundScores',
      await db.roundScores.where('entryId').equals(id).primaryKeys(),
      () => label,
    )
    await auditedDelete<RoundEntry>(db, 'roundEntries', [id], () => label)
    return { entry, scores }
  })
}

export async function restoreEntry(db: OcopDatabase, removed: RemovedEntry): Promise<void> {
  await db.transaction('rw', roundTables(db), async () => {
    const name = `Khôi phục sản phẩm đăng ký`
    await auditedRestore(db, 'roundEntries', [removed.entry], () => name)
    await auditedRestore(db, 'roundScores', removed.scores, () => name)
  })
}

/** Part scores a member gave a product in a pass, as typed in the grid (only the parts typed). */
export interface ScoreInput {
  entryId: string
  memberId: string
  pass: number
  parts: Record<string, number | null>
  /**
   * On a full sheet, every criterion's points as typed; `parts` are then their sums and replace
   * the sheet's parts whole. Absent: part-level scores.
   */
  items?: Record<string, number | null>
}

/**
 * Writes the parts typed for a member's sheet of a product in a pass, keeping the parts typed
 * before (cells are written one at a time, each in its own transaction). Refused for a product
 * whose dossier blocks scoring.
 */
export async function saveScore(db: OcopDatabase, input: ScoreInput): Promise<RoundScore> {
  return db.transaction('rw', [...roundTables(db), db.products], async () => {
    const entry = await db.roundEntries.get(input.entryId)
    const member = await db.roundMembers.get(input.memberId)
    if (entry === undefined || member === undefined) throw new Error('score of nothing')
    const round = await openRound(db, entry.roundId)
    const product = await db.products.get(entry.productId)
    const productName = product?.name ?? entry.productId
    const block = scoringBlock(round.dossierChecklist, entry.dossier, entry.overrideReason)
    if (block !== null) {
      throw new AppError({
        code: 'round.scoring-blocked',
        params: { product: productName, missing: block.missing },
      })
    }
    const summary = `Đợt ${round.name}: điểm của ${member.name} cho ${productName}`
    const existing = (await db.roundScores.where('entryId').equals(entry.id).toArray()).find(
      (score) => score.memberId === member.id && score.pass === input.pass,
    )
    const now = new Date().toISOString()
    if (existing !== undefined) {
      const { after } = await auditedUpdate<RoundScore>(
        db,
        'roundScores',
        existing.id,
        (before) => ({
          ...before,
          parts: input.items ? input.parts : { ...before.parts, ...input.parts },
          items: input.items ?? null,
          source: 'grid',
          updatedAt: now,
        }),
        () => summary,
      )
      return after
    }
    const score: RoundScore = {
      ...newRecordStamp(),
      roundId: round.id,
      entryId: entry.id,
      memberId: member.id,
      pass: input.pass,
      parts: input.parts,
      items: input.items ?? null,
      source: 'grid',
    }
    return auditedAdd(db, 'roundScores', score, summary)
  })
}

/**
 * Starts a re-scoring of a product (the council's rule when members' totals lie too far apart):
 * every member gets an empty sheet of the next pass; the earlier pass is kept.
 */
export async function startRescoring(db: OcopDatabase, entryId: string): Promise<number> {
  return db.transaction('rw', [...roundTables(db), db.products, db.criteriaSets], async () => {
    const entry = await db.roundEntries.get(entryId)
    if (entry === undefined) throw new Error(`entry ${entryId} not found`)
    const round = await openRound(db, entry.roundId)
    const product = await db.products.get(entry.productId)
    const scores = await db.roundScores.where('entryId').equals(entryId).toArray()
    const pass = Math.max(1, ...scores.map((score) => score.pass)) + 1
    const members = await db.roundMembers.where('roundId').equals(round.id).toArray()
    const set = await db.criteriaSets.get(round.criteriaSetId)
    const empty = Object.fromEntries((set?.parts ?? []).map((part) => [part.code, null]))
    for (const member of members) {
      await auditedAdd<RoundScore>(
        db,
        'roundScores',
        {
          ...newRecordStamp(),
          roundId: round.id,
          entryId,
          memberId: member.id,
          pass,
          parts: empty,
          items: null,
          source: 'grid',
        },
        `Đợt ${round.name}: chấm lại lần ${pass} ${product?.name ?? entryId} (${member.name})`,
      )
    }
    return pass
  })
}

/** Keeps a full scoring sheet an office loaded from its definition file. */
export async function addScoringSheet(
  db: OcopDatabase,
  sheet: Omit<ScoringSheetRecord, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<ScoringSheetRecord> {
  return db.transaction('rw', [db.scoringSheets, db.auditLog], () =>
    auditedAdd(
      db,
      'scoringSheets',
      { ...sheet, ...newRecordStamp() },
      `Nạp phiếu chấm ${sheet.name} (tệp ${sheet.fileName})`,
    ),
  )
}

/** Removes a loaded sheet; scores given on it keep their part sums. */
export async function removeScoringSheet(
  db: OcopDatabase,
  id: string,
): Promise<ScoringSheetRecord> {
  return db.transaction('rw', [db.scoringSheets, db.auditLog], async () => {
    const [sheet] = await auditedDelete<ScoringSheetRecord>(
      db,
      'scoringSheets',
      [id],
      (s) => `Bỏ phiếu chấm ${s.name}`,
    )
    if (sheet === undefined) throw new Error(`sheet ${id} not found`)
    return sheet
  })
}
