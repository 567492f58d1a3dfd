import { useI18n } from 'vue-i18n'
import type { RecordOrigin } from '@shared/db/records'
import { isOwnedHere } from '@shared/exchange/ownership'
import { useRegisterStore } from '@/stores/register'

type Owned = { origin?: RecordOrigin }

/**
 * A record's owner in the clerk's words, and why a record another office owns cannot be changed
 * here (exchange/ownership.ts has the rule; the repositories refuse such a write too). Every view
 * that lists records or offers to change them asks here, so the words are the same everywhere.
 */
export function useOwnership() {
  const { t } = useI18n()
  const register = useRegisterStore()

  /** The office's name as the register knows it; its id when it is not in the offices table. */
  function officeName(officeId: string): string {
    return register.officeById.get(officeId)?.name ?? officeId
  }

  /** "Đơn vị này" for a record made here, else the name of the office that owns it. */
  function ownerName(record: Owned): string {
    return record.origin ? officeName(record.origin.office) : t('ownership.here')
  }

  /** True when another office owns the record: it is read-only here. */
  function isForeign(record: Owned): boolean {
    return !isOwnedHere(record)
  }

  /** Why the record cannot be changed here; null for a record this office owns. */
  function readOnlyReason(record: Owned): string | null {
    return record.origin
      ? t('ownership.readOnly', { office: officeName(record.origin.office) })
      : null
  }

  /**
   * What locks a button that would change the record: disabled, with the reason as its title (read
   * on hover and by screen readers); nothing for a record this office owns.
   */
  function lockOf(record: Owned): { disabled?: true; title?: string } {
    const reason = readOnlyReason(record)
    return reason === null ? {} : { disabled: true, title: reason }
  }

  return { officeName, ownerName, isForeign, readOnlyReason, lockOf }
}
