/**
 * The data package file (.ocop), version by version (docs/package-format.md defines it for other
 * systems): a zip holding `manifest.json`, its Ed25519 signature `manifest.sig`, and the parts the
 * manifest lists with the SHA-256 of each — so the signature covers everything. Parts:
 * `data/<table>.json` (the records, each with its owner in `origin`, ids in the owner's id space),
 * `tombstones.json`, `state.json` (every record the recipient holds from this sender once merged)
 * and `offices.json` (the offices owning the records).
 *
 * Writing and checking are pure (WebCrypto and fflate): the page writes a package, and main reads
 * one through its zip-safe reader (services/exchange/read-package.ts) before handing the parts here.
 */
import { zipSync } from 'fflate'
import { z } from 'zod'
import { originSchema, PACKAGE_KINDS } from '../db/records'
import { RECORD_SCHEMAS } from '../db/schema'
import { AppError } from '../errors'
import { sha256OfBytes } from '../db/backup-format'
import { signWith, verifySignature, type OfficeIdentityKey, type PublicOffice } from './identity'
import { TRAVELLING_TABLES, isTravellingTable, type TravellingTable } from './ownership'

export const PACKAGE_FORMAT = 'ocop-desk-package'
/**
 * 1: the first format. 2: packages carry revocation decisions (`data/revocations.json`). A reader
 * refuses a package of a later version with a clear message, and reads an earlier one.
 */
export const PACKAGE_FORMAT_VERSION = 2

/**
 * The format version that first carried each table added since version 1. A package of an earlier
 * version holds none of that table's records — and says nothing about them: a full package of
 * version 1 removes no revocation its sender's earlier packages brought (merge.ts).
 */
const TABLE_SINCE: Partial<Record<TravellingTable, number>> = { revocations: 2 }

/** True when a package of `formatVersion` carries `table` (a table of a later version it cannot). */
export const carriesTable = (formatVersion: number, table: TravellingTable): boolean =>
  formatVersion >= (TABLE_SINCE[table] ?? 1)
export const MANIFEST_PART = 'manifest.json'
export const SIGNATURE_PART = 'manifest.sig'

const id = z.string().min(1).max(64)
const timestamp = z.string().min(10).max(40)

export const publicOfficeSchema = z.object({
  officeId: id,
  name: z.string().min(1).max(300),
  unitName: z.string().max(200),
  unitCode: z.string().max(20),
  publicKey: z.string().max(100),
})

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
  id,
  kind: z.enum(PACKAGE_KINDS),
  /** The package a change package builds on, and when it was made (to name it when missing). */
  base: z.object({ id, createdAt: timestamp }).nullable(),
  createdAt: timestamp,
  appVersion: z.string().max(50),
  sender: publicOfficeSchema,
  recipient: z.object({ officeId: id, name: z.string().max(300) }).nullable(),
  /** True when the sender included the records it holds from other offices (its communes). */
  includesHeld: z.boolean(),
  /** Records per table, and `tombstones`. */
  counts: z.record(z.string().max(50), z.number().int().min(0)),
  parts: z.array(
    z.object({
      name: z.string().max(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
    }),
  ),
})
export type PackageManifest = z.infer<typeof manifestSchema>

export const tombstoneSchema = z.object({ table: z.string().max(50), office: id, id })
export type Tombstone = z.infer<typeof tombstoneSchema>

/** Revisions by table, owning office and id (the id at the owner). */
export const packageStateSchema = z.record(
  z.string().max(50),
  z.record(z.string(), z.record(z.string(), z.string())),
)
export type PackageState = z.infer<typeof packageStateSchema>

/** A record on the wire: a register record whose owner is always named. */
export type WireRecord = { id: string; origin: z.infer<typeof originSchema> } & Record<
  string,
  unknown
>

/** What a package carries, before it is written and after it is checked. */
export interface PackageContent {
  tables: Partial<Record<TravellingTable, WireRecord[]>>
  tombstones: Tombstone[]
  state: PackageState
  offices: PublicOffice[]
}

export type PackageMeta = Pick<
  PackageManifest,
  'id' | 'kind' | 'base' | 'createdAt' | 'appVersion' | 'recipient' | 'includesHeld'
>

/** A package checked whole: its manifest and content. */
export interface ReceivedPackage {
  fileName: string
  manifest: PackageManifest
  content: PackageContent
}

const dataPart = (table: string) => `data/${table}.json`
const utf8 = new TextEncoder()
const json = (value: unknown) => utf8.encode(JSON.stringify(value))
const TOMBSTONES_PART = 'tombstones.json'
const STATE_PART = 'state.json'
const OFFICES_PART = 'offices.json'

/** Writes the package: parts, their checksums in the manifest, the signature, zipped. */
export async function writePackage(
  content: PackageContent,
  meta: PackageMeta,
  identity: OfficeIdentityKey,
): Promise<Uint8Array> {
  const parts: Record<string, Uint8Array> = {}
  const counts: Record<string, number> = {}
  for (const table of TRAVELLING_TABLES) {
    const records = content.tables[table] ?? []
    if (records.length === 0) continue
    parts[dataPart(table)] = json(records)
    counts[table] = records.length
  }
  counts.tombstones = content.tombstones.length
  parts[TOMBSTONES_PART] = json(content.tombstones)
  parts[STATE_PART] = json(content.state)
  parts[OFFICES_PART] = json(content.offices)
  const listed = []
  for (const [name, bytes] of Object.entries(parts)) {
    listed.push({ name, sha256: await sha256OfBytes(bytes), bytes: bytes.length })
  }
  const { officeId, name, unitName, unitCode, publicKey } = identity
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    ...meta,
    sender: { officeId, name, unitName, unitCode, publicKey },
    counts,
    parts: listed,
  }
  const manifestBytes = utf8.encode(JSON.stringify(manifest, null, 2))
  const signature = await signWith(identity, manifestBytes)
  return zipSync(
    { [MANIFEST_PART]: manifestBytes, [SIGNATURE_PART]: utf8.encode(signature), ...parts },
    // The fastest level: JSON still shrinks about sixfold, in a third of level 6's time.
    { level: 1 },
  )
}

const unreadable = (
  file: string,
  reason: 'no-manifest' | 'manifest' | 'missing-part' | 'extra-part' | 'bad-part',
  part?: string,
) =>
  new AppError({ code: 'package.unreadable', params: { file, reason, ...(part ? { part } : {}) } })

/**
 * Checks the manifest and its signature before any part is read: a later format is refused with
 * its version, a manifest that is not one with its reason, a signature that does not verify.
 */
export async function checkManifest(
  manifestBytes: Uint8Array | null,
  signature: string | null,
  file: string,
): Promise<PackageManifest> {
  if (manifestBytes === null || signature === null) throw unreadable(file, 'no-manifest')
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes))
  } catch {
    throw unreadable(file, 'manifest')
  }
  const head = z
    .object({ format: z.literal(PACKAGE_FORMAT), formatVersion: z.number().int() })
    .safeParse(json)
  if (!head.success) throw unreadable(file, 'manifest')
  if (head.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new AppError({
      code: 'package.newer-format',
      params: { file, version: head.data.formatVersion, supported: PACKAGE_FORMAT_VERSION },
    })
  }
  const manifest = manifestSchema.safeParse(json)
  if (!manifest.success) throw unreadable(file, 'manifest')
  const valid = await verifySignature(
    manifest.data.sender.publicKey,
    signature.trim(),
    manifestBytes,
  )
  if (!valid) throw new AppError({ code: 'package.signature', params: { file } })
  return manifest.data
}

/** The names of the zip's entries a package may hold besides its manifest's parts. */
export const FRAME_PARTS = [MANIFEST_PART, SIGNATURE_PART]

/**
 * Checks every part against the manifest (present, no part it does not list, SHA-256) and every
 * record against the register's schemas; gives the package's content, or throws naming the part
 * or the table and record.
 */
export async function checkParts(
  manifest: PackageManifest,
  entryNames: readonly string[],
  partBytes: (name: string) => Promise<Uint8Array | null>,
  file: string,
): Promise<ReceivedPackage> {
  const listed = new Set(manifest.parts.map((part) => part.name))
  const extra = entryNames.find((name) => !listed.has(name) && !FRAME_PARTS.includes(name))
  if (extra !== undefined) throw unreadable(file, 'extra-part', extra)
  const texts = new Map<string, unknown>()
  for (const part of manifest.parts) {
    const bytes = await partBytes(part.name)
    if (bytes === null) throw unreadable(file, 'missing-part', part.name)
    if ((await sha256OfBytes(bytes)) !== part.sha256) {
      throw new AppError({ code: 'package.checksum', params: { file, part: part.name } })
    }
    try {
      texts.set(part.name, JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)))
    } catch {
      throw unreadable(file, 'bad-part', part.name)
    }
  }
  const parse = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    if (!texts.has(name)) return fallback
    const parsed = schema.safeParse(texts.get(name))
    if (!parsed.success) throw unreadable(file, 'bad-part', name)
    return parsed.data
  }
  const tables: PackageContent['tables'] = {}
  for (const name of texts.keys()) {
    const table = /^data\/(.+)\.json$/.exec(name)?.[1]
    if (table === undefined) continue
    if (!isTravellingTable(table) || !carriesTable(manifest.formatVersion, table)) {
      throw unreadable(file, 'extra-part', name)
    }
    const records = texts.get(name)
    if (!Array.isArray(records)) throw unreadable(file, 'bad-part', name)
    const schema = RECORD_SCHEMAS[table]
    // The records as the schemas read them: a field the register does not know is not kept.
    tables[table] = records.map((record: unknown, index) => {
      const parsed = schema.safeParse(record)
      const data = parsed.success ? (parsed.data as Partial<WireRecord>) : undefined
      if (data?.origin === undefined) {
        throw new AppError({
          code: 'package.record-invalid',
          params: { file, table, record: index + 1 },
        })
      }
      return data as WireRecord
    })
  }
  return {
    fileName: file,
    manifest,
    content: {
      tables,
      tombstones: parse(TOMBSTONES_PART, z.array(tombstoneSchema), []),
      state: parse(STATE_PART, packageStateSchema, {}),
      offices: parse(OFFICES_PART, z.array(publicOfficeSchema), []),
    },
  }
}
