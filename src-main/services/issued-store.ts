/**
 * Copies of the files of issued documents, kept in the data folder: one folder per document
 * (named by its id), each file written once, atomically and read-only, and read back only while
 * its SHA-256 is still the one recorded when it was issued. Only an id and a bare name cross the
 * boundary; the contract's patterns keep both from ever addressing another path.
 * Plain Node: the Electron app and the web host share it.
 */
import { createHash } from 'node:crypto'
import { chmod, lstat, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import { readChosenFile, writeFileAtomically } from './files'

/** The data folder's sub-folder for issued documents' files. */
export const ISSUED_FOLDER = 'van-ban-da-phat-hanh'

// Word and Excel open a read-only file read-only: the kept copy stays the issued one.
const READ_ONLY = 0o444
const WRITABLE = 0o644

export interface KeptFileRef {
  documentId: string
  name: string
}

export interface IssuedStore {
  /** The folder the copies live in (shown in messages). */
  folder: string
  /**
   * Keeps `bytes` as the file `name` of the document; refuses when it is already there unless
   * `replace` (a copy recreated from the document kept in the register).
   */
  keep(
    ref: KeptFileRef,
    bytes: Uint8Array,
    replace?: boolean,
  ): Promise<{ name: string; size: number; sha256: string }>
  /** The kept file, refused when it is missing or no longer has the SHA-256 `sha256`. */
  read(ref: KeptFileRef, sha256: string): Promise<{ name: string; bytes: Uint8Array }>
  /** The path of a kept file after the same checks as `read`, for the system to open it. */
  pathOf(ref: KeptFileRef, sha256: string): Promise<string>
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export function createIssuedStore(folder: string): IssuedStore {
  const pathOf = (ref: KeptFileRef) => join(folder, ref.documentId, ref.name)
  const where = (ref: KeptFileRef) => ({ file: ref.name, folder: join(folder, ref.documentId) })

  async function read(ref: KeptFileRef, sha256: string) {
    let file: { name: string; bytes: Uint8Array }
    try {
      file = await readChosenFile(pathOf(ref))
    } catch (error) {
      const gone = error instanceof AppError && error.code === 'file.read-failed'
      const missing = gone && !(await exists(pathOf(ref)))
      if (missing) {
        throw new AppError({ code: 'issued.missing', params: where(ref), cause: String(error) })
      }
      throw error
    }
    if (sha256Of(file.bytes) !== sha256) {
      throw new AppError({ code: 'issued.changed', params: where(ref) })
    }
    return file
  }

  return {
    folder,
    async keep(ref, bytes, replace = false) {
      const path = pathOf(ref)
      await mkdir(join(folder, ref.documentId), { recursive: true })
      if (await exists(path)) {
        if (!replace) throw new AppError({ code: 'issued.exists', params: where(ref) })
        // Windows refuses to rename over a read-only file.
        await chmod(path, WRITABLE)
      }
      await writeFileAtomically(path, bytes)
      await chmod(path, READ_ONLY)
      return { name: ref.name, size: bytes.byteLength, sha256: sha256Of(bytes) }
    },
    read,
    async pathOf(ref, sha256) {
      await read(ref, sha256)
      return pathOf(ref)
    },
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  )
}
