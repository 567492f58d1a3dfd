/**
 * The register of issued documents (Văn bản đã phát hành). A record is written once, when the
 * document is issued; afterwards only its kept files may be recreated, and a record entered by
 * mistake may be struck out and put back.
 */
import { formatViDate } from '@shared/dates'
import { issuedWithNumber } from '@shared/documents/issued'
import { AppError } from '@shared/errors'
import type { IssuedDocument, KeptFile } from '@shared/db/records'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedDelete, auditedRestore, auditedUpdate } from './audited-writes'

const label = (doc: IssuedDocument) => `văn bản số ${doc.reference}`

async function refuseTakenNumber(db: OcopDatabase, doc: IssuedDocument): Promise<void> {
  const others = (await db.issuedDocuments.toArray()).filter((other) => other.id !== doc.id)
  const taken = issuedWithNumber(others, doc.type, doc.signedOn, doc.number)
  if (taken) {
    throw new AppError({
      code: 'issued.number-taken',
      params: {
        reference: taken.reference,
        signedOn: formatViDate(taken.signedOn),
        subject: taken.subject,
      },
    })
  }
}

/** Every issued document, the latest signed first. */
export async function listIssued(db: OcopDatabase): Promise<IssuedDocument[]> {
  const docs = await db.issuedDocuments.toArray()
  return docs.sort(
    (a, b) => b.signedOn.localeCompare(a.signedOn) || b.issuedAt.localeCompare(a.issuedAt),
  )
}

/** Records an issued document; refused when its number is already given in its series. */
export async function recordIssued(db: OcopDatabase, doc: IssuedDocument): Promise<void> {
  await db.transaction('rw', db.issuedDocuments, db.auditLog, async () => {
    // Checked inside the transaction: a second window cannot take the number in between.
    await refuseTakenNumber(db, doc)
    await auditedAdd(db, 'issuedDocuments', doc, `Phát hành ${label(doc)}: ${doc.subject}`)
  })
}

/** Replaces the record of the kept files of a document whose copies were recreated. */
export async function replaceKeptFiles(
  db: OcopDatabase,
  id: string,
  files: KeptFile[],
): Promise<IssuedDocument> {
  return db.transaction('rw', db.issuedDocuments, db.auditLog, async () => {
    const { after } = await auditedUpdate<IssuedDocument>(
      db,
      'issuedDocuments',
      id,
      (doc) => ({ ...doc, files }),
      (doc) => `Tạo lại tệp lưu của ${label(doc)}`,
    )
    return after
  })
}

/** Strikes a record out of the register (its kept files stay in the data folder). */
export async function strikeIssued(db: OcopDatabase, id: string): Promise<IssuedDocument> {
  return db.transaction('rw', db.issuedDocuments, db.auditLog, async () => {
    const [doc] = await auditedDelete<IssuedDocument>(
      db,
      'issuedDocuments',
      [id],
      (d) => `Xóa khỏi sổ ${label(d)}`,
    )
    if (!doc) throw new Error(`issued document ${id} not found`)
    return doc
  })
}

/** Puts a struck-out record back exactly, unless its number was given again meanwhile. */
export async function restoreIssued(db: OcopDatabase, doc: IssuedDocument): Promise<void> {
  await db.transaction('rw', db.issuedDocuments, db.auditLog, async () => {
    await refuseTakenNumber(db, doc)
    await auditedRestore(db, 'issuedDocuments', [doc], (d) => `Khôi phục ${label(d)}`)
  })
}
