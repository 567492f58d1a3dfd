/** An office heard of, as the offices table keeps it, for the tests of records other offices own. */
import type { OfficeRecord } from '@shared/db/records'

export function officeRecord(
  id: string,
  name: string,
  at = '2026-01-01T00:00:00.000Z',
): OfficeRecord {
  return {
    id,
    name,
    unitName: '',
    unitCode: '',
    publicKey: '',
    trustedAt: at,
    createdAt: at,
    updatedAt: at,
  }
}
