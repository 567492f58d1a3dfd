/**
 * `npm run ocop -- round sheets|results …`: an evaluation round read from a backup file (the
 * format Cài đặt writes): the council members' score workbooks, and the results of every product
 * as the round's screen computes them — from the stored scores, or with the members' filled
 * workbooks of a folder taking the place of their stored scores. This module reads, checks and
 * computes; cli.ts writes the files and prints.
 */
import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type {
  CriteriaSet,
  Producer,
  Product,
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  ScoringSheetRecord,
  Unit,
} from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { RoundName } from '@shared/messages/catalogue'
import { formatMessage } from '@shared/messages/format'
import { ROLE_TITLES } from '@shared/rounds/document-parts'
import { resultMessageOf } from '@shared/rounds/result-messages'
import {
  findRound,
  passOfEntry,
  proposedStarsOf,
  roundBundle,
  roundResults,
  sheetOfEntry,
  type RoundBundle,
} from '@shared/rounds/round-data'
import { partScoresOf } from '@shared/rounds/sheets'
import type { MemberScoreProblem, MemberScores } from '../services/excel/member-workbook'
import { readBackupTables } from './report-command'

/** A round of a backup with the register's records its files and tables name. */
export interface LoadedRound {
  bundle: RoundBundle
  /** Every round of the backup, to name the round of a workbook brought from another one. */
  rounds: readonly Round[]
  products: ReadonlyMap<string, Product>
  producers: ReadonlyMap<string, Producer>
  units: ReadonlyMap<string, Unit>
}

// ExcelJS takes a quarter of a second to load: only the commands that read or write a workbook
// load it, so `round results` without --sheets (and every other command) starts without it.
const memberWorkbooks = () => import('../services/excel/member-workbook')
const memberWorkbookFiles = () => import('../services/excel/member-workbook-files')

const byId = <T extends { id: string }>(records: readonly T[]): Map<string, T> =>
  new Map(records.map((record) => [record.id, record]))

const roundName = (round: Round): RoundName => ({
  id: round.id,
  name: round.name,
  year: round.year,
})

/** Reads the backup and finds the round named `wanted` (its id or its name). */
export async function loadRound(dataFile: string, wanted: string): Promise<LoadedRound> {
  const tables = await readBackupTables(dataFile)
  // The restore's parser has checked every record against its table's schema.
  const rounds = tables.rounds as Round[]
  if (rounds.length === 0) throw new AppError({ code: 'cli.round-missing', params: {} })
  const found = findRound(rounds, wanted)
  if (!found.ok) {
    throw new AppError({
      code: found.reason === 'ambiguous' ? 'cli.round-ambiguous' : 'cli.round-unknown',
      params: { wanted, rounds: found.candidates.map(roundName) },
    })
  }
  const bundle = roundBundle(
    {
      rounds,
      criteriaSets: tables.criteriaSets as CriteriaSet[],
      roundMembers: tables.roundMembers as RoundMember[],
      roundEntries: tables.roundEntries as RoundEntry[],
      roundScores: tables.roundScores as RoundScore[],
      scoringSheets: tables.scoringSheets as ScoringSheetRecord[],
    },
    found.round,
  )
  if (bundle === undefined) {
    throw new AppError({
      code: 'cli.round-no-set',
      params: { round: found.round.name, setId: found.round.criteriaSetId },
    })
  }
  return {
    bundle,
    rounds,
    products: byId(tables.products as Product[]),
    producers: byId(tables.producers as Producer[]),
    units: byId(tables.units as Unit[]),
  }
}

function groupName(set: CriteriaSet, code: string): string {
  return set.catalogue.groups.find((group) => group.code === code)?.name ?? code
}

function productName(loaded: LoadedRound, entry: RoundEntry): string {
  return loaded.products.get(entry.productId)?.name ?? entry.productId
}

/** A member's score workbook to write: its file name, and the work that writes it. */
export interface MemberWorkbookFile {
  name: string
  member: string
  write: () => Promise<Uint8Array>
}

/**
 * Each member's score workbook, named as the app names them in its .zip. The caller writes them
 * one at a time, so every name is checked first and no more than one workbook is held at once.
 */
export async function roundSheets(loaded: LoadedRound): Promise<MemberWorkbookFile[]> {
  const { memberWorkbookFileName, writeMemberWorkbook } = await memberWorkbooks()
  const { bundle } = loaded
  const round = { id: bundle.round.id, name: bundle.round.name, criteriaSetName: bundle.set.name }
  const products = bundle.entries.map((entry) => {
    const product = loaded.products.get(entry.productId)
    return {
      id: entry.id,
      name: productName(loaded, entry),
      producer: loaded.producers.get(product?.producerId ?? '')?.name ?? '',
      unit: loaded.units.get(product?.unitId ?? '')?.name ?? '',
      group: groupName(bundle.set, entry.groupCode),
      sheet: sheetOfEntry(bundle, entry),
    }
  })
  return bundle.members.map((member, m) => ({
    name: memberWorkbookFileName(m, member.name),
    member: member.name,
    write: () =>
      writeMemberWorkbook({
        round,
        member: { id: member.id, name: member.name, role: ROLE_TITLES[member.role] },
        products,
      }),
  }))
}

function refused(
  file: string,
  reason: 'unreadable' | 'foreign' | 'member-unknown' | 'product-unknown',
): AppError {
  return new AppError({ code: 'cli.member-workbook', params: { file, reason } })
}

/** A workbook read line by line with the sheet each of its products is scored on. */
async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  bundle: RoundBundle,
): Promise<MemberScores> {
  const { readMemberWorkbook } = await memberWorkbooks()
  const entries = byId(bundle.entries)
  try {
    return await readMemberWorkbook(bytes, (entryId) => {
      const entry = entries.get(entryId)
      return entry === undefined ? undefined : sheetOfEntry(bundle, entry)
    })
  } catch (error) {
    throw new AppError({
      code: 'cli.member-workbook',
      params: { file, reason: 'unreadable' },
      cause: String(error),
    })
  }
}

/** What a workbook's sheets may hold that keeps its scores out, each named by sheet (and cell). */
const CELL_PROBLEMS: ReadonlySet<MemberScoreProblem['code']> = new Set([
  'sheet-missing',
  'sheet-changed',
  'not-number',
  'out-of-range',
])

/**
 * The round with the members' filled workbooks of `folder` in the place of their stored scores:
 * each workbook is matched to its member by its hidden key, and the scores of each product the
 * member scored become the member's in the product's latest pass. A workbook that cannot be
 * taken whole stops the command, named.
 */
export async function withMemberWorkbooks(
  loaded: LoadedRound,
  folder: string,
): Promise<RoundBundle> {
  const { bundle } = loaded
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    throw new AppError({
      code: 'cli.sheets-folder',
      params: { folder, problem: 'unreadable' },
      cause: String(error),
    })
  }
  // "~$…" is the lock file Excel leaves beside a workbook it has open.
  const files = names
    .filter((name) => extname(name).toLowerCase() === '.xlsx' && !name.startsWith('~$'))
    .sort()
  if (files.length === 0) {
    throw new AppError({ code: 'cli.sheets-folder', params: { folder, problem: 'empty' } })
  }
  const { memberWorkbookMessage } = await memberWorkbookFiles()
  const entries = byId(bundle.entries)
  const fileOf = new Map<string, string>()
  const typed: RoundScore[] = []
  for (const file of files) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(join(folder, file))
    } catch (error) {
      throw new AppError({
        code: 'cli.member-workbook',
        params: { file, reason: 'unreadable' },
        cause: String(error),
      })
    }
    const scores = await readWorkbook(bytes, file, bundle)
    if (scores.problems.some((problem) => problem.code === 'not-member-workbook')) {
      throw refused(file, 'foreign')
    }
    if (scores.roundId !== bundle.round.id) {
      const other = loaded.rounds.find((round) => round.id === scores.roundId)
      throw new AppError({
        code: 'cli.member-workbook',
        params: { file, reason: 'other-round', round: other?.name ?? scores.roundId },
      })
    }
    const member = bundle.members.find((m) => m.id === scores.memberId)
    if (member === undefined) throw refused(file, 'member-unknown')
    if (scores.problems.some((problem) => problem.code === 'product-unknown')) {
      throw refused(file, 'product-unknown')
    }
    const problems = scores.problems
      .filter((problem) => CELL_PROBLEMS.has(problem.code))
      .map((problem) => memberWorkbookMessage({ file, archive: null }, problem))
    if (problems.length > 0) {
      throw new AppError({
        code: 'cli.member-workbook',
        params: { file, reason: 'cells', problems },
      })
    }
    for (const [entryId, points] of scores.products) {
      const entry = entries.get(entryId)
      if (entry === undefined) throw refused(file, 'product-unknown')
      const key = `${member.id}/${entryId}`
      const other = fileOf.get(key)
      if (other !== undefined) {
        throw new AppError({
          code: 'cli.member-workbook',
          params: { file, reason: 'twice', other },
        })
      }
      fileOf.set(key, file)
      // A product the member left blank keeps the scores typed in the app's grid.
      if (Object.values(points).every((value) => value === null)) continue
      const sheet = sheetOfEntry(bundle, entry)
      const full = sheet.parts.some((part) => part.sections.length > 0)
      typed.push({
        id: `${file}/${entryId}`,
        roundId: bundle.round.id,
        entryId,
        memberId: member.id,
        pass: passOfEntry(bundle, entryId),
        parts: partScoresOf(sheet, points),
        items: full ? points : null,
        source: 'workbook',
        createdAt: '',
        updatedAt: '',
      })
    }
  }
  const typedKeys = new Set(typed.map((score) => `${score.memberId}/${score.entryId}`))
  const kept = bundle.scores.filter(
    (score) =>
      !typedKeys.has(`${score.memberId}/${score.entryId}`) ||
      score.pass !== passOfEntry(bundle, score.entryId),
  )
  return { ...bundle, scores: [...kept, ...typed] }
}

type Parts = Record<string, number | null>

/** The results as `round results --json` prints them; names as the clerk reads them. */
export interface RoundResultsJson {
  round: string
  criteriaSet: string
  products: {
    product: string
    group: string
    members: { member: string; parts: Parts; total: number | null }[]
    average: Parts & { total: number | null }
    stars: number | null
    proposedStars: number | null
    messages: string[]
  }[]
}

/** Every product's result in the council's order. */
export function roundResultsJson(loaded: LoadedRound, bundle: RoundBundle): RoundResultsJson {
  const results = roundResults(bundle)
  const memberName = (id: string) => bundle.members.find((m) => m.id === id)?.name ?? id
  return {
    round: bundle.round.name,
    criteriaSet: bundle.set.name,
    products: bundle.entries.map((entry) => {
      const result = results.get(entry.id)!
      return {
        product: productName(loaded, entry),
        group: groupName(bundle.set, entry.groupCode),
        members: result.members.map((member) => ({
          member: memberName(member.memberId),
          parts: member.parts,
          total: member.total,
        })),
        average: { ...result.average.parts, total: result.average.total },
        stars: result.stars,
        proposedStars: proposedStarsOf(entry, result),
        messages: result.messages.map((message) =>
          formatMessage(resultMessageOf(message, memberName)),
        ),
      }
    }),
  }
}

const NAME_WIDTH = 36

/**
 * The results as a table to read in a terminal: a product a line with its average parts and total,
 * its stars and the council's proposal; what the council must still see listed below it.
 */
export function resultsTable(
  results: RoundResultsJson,
  partCodes: readonly string[],
  decimals: number,
): string {
  const number = new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : number.format(value)
  const cut = (text: string, width: number) =>
    text.length <= width ? text : `${text.slice(0, width - 1)}…`
  const header = ['STT', 'Sản phẩm', 'Nhóm', ...partCodes, 'Tổng', 'Sao', 'Đề nghị']
  const rows = results.products.map((product, i) => [
    String(i + 1),
    cut(product.product, NAME_WIDTH),
    cut(product.group, NAME_WIDTH),
    ...partCodes.map((code) => score(product.average[code])),
    score(product.average.total),
    product.stars === null ? '—' : String(product.stars),
    product.proposedStars === null ? '—' : String(product.proposedStars),
  ])
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((r) => r[c]!.length)))
  // Text columns read from the left, numbers line up on the right.
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 1 || c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  const notes = results.products.flatMap((product, i) =>
    product.messages.length === 0
      ? []
      : [`  ${i + 1}. ${product.product}: ${product.messages.join('; ')}.`],
  )
  const scored = results.products.filter((product) => product.stars !== null).length
  return [
    `Đợt đánh giá: ${results.round}`,
    `Bộ tiêu chí: ${results.criteriaSet}`,
    `${results.products.length} sản phẩm, ${scored} sản phẩm đã có kết quả. Điểm là điểm trung bình của các thành viên chấm đủ điểm.`,
    '',
    line(header),
    ...rows.map(line),
    ...(notes.length === 0 ? [] : ['', 'Hội đồng cần xem lại:', ...notes]),
    '',
  ].join('\n')
}
