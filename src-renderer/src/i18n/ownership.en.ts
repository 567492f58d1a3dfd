/** English strings of records owned by other offices: who owns them, why they are read-only. */
export const ownershipEn = {
  ownership: {
    owner: 'Owning office',
    here: 'This office',
    all: 'All offices',
    readOnly: 'Data of {office} — view only; that office edits it and sends it again',
    openedForeign: '{name} is data of {office}: view only, it cannot be edited here.',
  },
}
