/**
 * Reads a data package (.ocop) safely, before anything of it is used: the zip through the same
 * reader as spreadsheets (services/import/xlsx-package.ts: sizes written in the zip are not
 * trusted, every part is inflated under a cap), the manifest and its signature first, then each
 * part the manifest lists under the size it declares, checked against its SHA-256
 * (exchange/package-format.ts). The page (through the worker) and the CLI both read here.
 */
import { AppError } from '@shared/errors'
import {
  MANIFEST_PART,
  SIGNATURE_PART,
  checkManifest,
  checkParts,
  type ReceivedPackage,
} from '@shared/exchange/package-format'
import { openXlsxPackage, PartTooLargeError, type XlsxPackage } from '../import/xlsx-package'

/** A manifest or signature larger than this is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
/** Inflated parts together: a register of 10,000 products with 50,000 evaluations is ~60 MB. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024

export async function readPackage(bytes: Uint8Array, fileName: string): Promise<ReceivedPackage> {
  let pkg: XlsxPackage
  try {
    pkg = await openXlsxPackage(bytes)
  } catch {
    throw new AppError({
      code: 'package.unreadable',
      params: { file: fileName, reason: 'not-zip' },
    })
  }
  try {
    const manifestBytes = await pkg.bytes(MANIFEST_PART, MAX_MANIFEST_BYTES)
    const signature = await pkg.text(SIGNATURE_PART, 1024)
    const manifest = await checkManifest(manifestBytes, signature, fileName)
    const declared = manifest.parts.reduce((sum, part) => sum + part.bytes, 0)
    if (declared > MAX_PACKAGE_BYTES) throw tooLarge(fileName)
    const sizes = new Map(manifest.parts.map((part) => [part.name, part.bytes]))
    return await checkParts(
      manifest,
      pkg.partNames,
      // A part is inflated to no more than the manifest says it holds; the checksum does the rest.
      (name) => pkg.bytes(name, sizes.get(name) ?? 0),
      fileName,
    )
  } catch (error) {
    if (error instanceof PartTooLargeError) throw tooLarge(fileName, error.part)
    if (error instanceof AppError) throw error
    throw new AppError({
      code: 'package.unreadable',
      params: { file: fileName, reason: 'not-zip' },
      cause: error instanceof Error ? error.message : String(error),
    })
  } finally {
    pkg.close()
  }
}

const tooLarge = (file: string, part?: string) =>
  new AppError({
    code: 'package.unreadable',
    params: { file, reason: 'too-large', ...(part === undefined ? {} : { part }) },
  })
