import type { MessageSchema } from './vi'
import { registerEn } from './register.en'
import { starsEn } from './stars.en'
import { importEn } from './import.en'
import { planScreensEn } from './plan-screens.en'
import { reportsEn } from './reports.en'
import { plansEn } from './plans.en'
import { backupsEn } from './backups.en'
import { historyEn } from './history.en'
import { statusEn } from './status.en'
import { formsEn } from './forms.en'
import { layoutEn } from './layout.en'
import { practiceEn } from './practice.en'
import { roundsEn } from './rounds.en'
import { roundSheetsEn } from './round-sheets.en'
import { exchangeEn } from './exchange.en'
import { identityEn } from './identity.en'
import { ownershipEn } from './ownership.en'
import { revocationsEn } from './revocations.en'

/** English, the second locale; typed against the Vietnamese catalogue so no key is missing. */
export const en: MessageSchema = {
  ...registerEn,
  ...starsEn,
  ...importEn,
  ...planScreensEn,
  ...reportsEn,
  ...plansEn,
  ...backupsEn,
  ...historyEn,
  ...statusEn,
  ...formsEn,
  ...layoutEn,
  ...practiceEn,
  ...roundsEn,
  ...roundSheetsEn,
  ...exchangeEn,
  ...identityEn,
  ...ownershipEn,
  ...revocationsEn,
  app: {
    name: 'OCOP Desk',
    tagline: 'Register of the One Commune One Product programme',
    startFailed: 'OCOP Desk could not open its data.',
    undo: 'Undo',
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    saved: 'Saved.',
    undone: 'Undone.',
    none: '—',
  },
  nav: {
    overview: 'Overview',
    products: 'Products',
    stars: 'Star rankings',
    producers: 'Producers',
    units: 'Administrative units',
    plans: 'Plans',
    rounds: 'Evaluation rounds',
    import: 'Import',
    exchange: 'Data exchange',
    history: 'Change history',
    reports: 'Reports',
    settings: 'Settings',
  },

  overview: {
    title: 'Overview',
    officeMissing: 'The office identity is incomplete (it is used on every report).',
    goToSettings: 'Open Settings',
    noProducts: 'The register has no products yet.',
    noProductsHint:
      'Import a commune file under Import or add products under Products. To try the app first, open the practice register in Settings.',
    asOf: 'As of',
    ocop: 'OCOP products (3 stars and up)',
    atStars: '{stars} stars: {count}',
    thisYear: 'Year {year}',
    newThisYear: 'Newly recognised: {count}',
    upgradedThisYear: 'Upgraded: {count}',
    expiring: 'Certificates ending within 90 days',
    expiringHint: 'Producers must be told 30 days before.',
    unitsWithout: 'Communes/wards without an OCOP product',
    unitsOf: 'of {count} communes/wards in force',
    plans: 'Plans in progress',
    noActivePlans: 'No plan covers {year}.',
    goToPlans: 'Open Plans',
    behind: '{count} targets behind',
    unitsValid: 'Administrative units in force',
    unitsEmpty: 'No administrative units yet.',
    lastBackup: 'Latest backup',
    noBackup: 'No backup yet.',
  },

  units: {
    title: 'Administrative units',
    intro:
      'Communes, wards and towns of the area, each valid over a period. When units merge, the old one ends and points to its successor; history keeps the old name.',
    search: 'Search by name or code (diacritics optional) — Ctrl+F',
    showRetired: 'Also show units no longer in force',
    add: 'Add unit',
    addHint: 'Ctrl+N',
    loadSample: 'Load the Mỹ Hào list',
    loadSampleConfirm:
      'Load the 13 communes and wards of Mỹ Hào town (2019) and the 3 wards in force from 01/07/2025? Units already present are kept as they are.',
    loadSampleDone: 'Loaded {added} units, skipped {skipped} already present.',
    empty: 'No units yet.',
    emptyHint:
      'Click "Add unit" to enter communes and wards one by one, or "Load the Mỹ Hào list" for the 13 units of 2019 and the 3 wards after the 2025 merger.',
    noMatch: 'No unit matches "{query}".',
    count: '{shown} / {total} units',
    col: {
      code: 'Code',
      name: 'Name',
      kind: 'Kind',
      parent: 'Belongs to',
      validFrom: 'Valid from',
      validTo: 'Valid to',
      successor: 'Successor',
      status: 'Status',
      actions: 'Actions',
    },
    kind: { xa: 'Commune', phuong: 'Ward', 'thi-tran': 'Township', 'dac-khu': 'Special zone' },
    status: { valid: 'In force', retired: 'Ended', future: 'Not yet in force' },
    edit: 'Edit',
    retire: 'End validity',
    form: {
      createTitle: 'Add an administrative unit',
      editTitle: 'Edit unit: {name}',
      code: 'Unit code (General Statistics Office)',
      codePlaceholder: 'e.g. 12103',
      name: 'Name',
      namePlaceholder: 'e.g. Nhân Hòa (without "xã", "phường")',
      kind: 'Kind',
      parentName: 'Belongs to (district/town, province)',
      parentPlaceholder: 'e.g. Thị xã Mỹ Hào, tỉnh Hưng Yên',
      validFrom: 'Valid from',
      validTo: 'Valid to',
      openDate: 'Leave empty if unknown',
      note: 'Note',
      created: 'Added unit {name}.',
      updated: 'Saved unit {name}.',
    },
    retireForm: {
      title: 'End the validity of {name}',
      explain:
        'Use this when a unit is merged, renamed or dissolved. It stays in history under its old name.',
      validTo: 'Last day in force',
      successor: 'Successor (takes over the area)',
      successorPlaceholder: 'Choose the successor, or leave empty',
      confirm: 'End validity',
      done: 'Unit {name} ends after {date}.',
    },
    problems: {
      nameRequired: 'Enter the unit name.',
      codeDigits: 'The unit code has 3 to 6 digits.',
      endBeforeStart: 'The end date must come after the start date.',
      retireDateRequired: 'Choose the last day the unit is in force.',
      successorSelf: 'A unit cannot succeed itself.',
      successorNotValid: 'The successor must still be in force after that day.',
    },
  },
  settings: {
    title: 'Settings',
    office: {
      title: 'Office identity',
      intro: 'Used in the header and signature of every report (Decree 30/2020/NĐ-CP layout).',
      parentBody: 'Parent body',
      parentBodyPlaceholder: 'e.g. ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      parentIgnored:
        "A people's committee's documents carry no parent body above it (Decree 30/2020, Annex I): this line is not printed.",
      officeName: 'Issuing body',
      officeNamePlaceholder: 'e.g. ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      placeName: 'Place name (before the date)',
      placeNamePlaceholder: 'e.g. Mỹ Hào',
      agencyAbbreviation: 'Agency abbreviation',
      agencyAbbreviationPlaceholder: 'e.g. UBND (in "Số: 05/BC-UBND")',
      draftingUnit: 'Drafting unit ("Lưu: VT, …")',
      draftingUnitPlaceholder: 'e.g. KT (Economic Office)',
      signerAuthority: 'Signing authority',
      signerAuthorityPlaceholder: 'e.g. TM. ỦY BAN NHÂN DÂN or KT. CHỦ TỊCH',
      signerDelegation: 'Deputy line (if any)',
      signerDelegationPlaceholder: 'e.g. KT. CHỦ TỊCH when a vice-chair signs',
      signerTitle: 'Signer title',
      signerTitlePlaceholder: 'e.g. PHÓ CHỦ TỊCH',
      signerName: 'Signer name',
      signerNamePlaceholder: 'e.g. Nguyễn Văn A',
      save: 'Save office identity',
      saved: 'Office identity saved.',
      missing: 'Missing: {fields}.',
    },
    data: {
      title: 'Data and backups',
      where: 'Data is kept on this computer, in the folder:',
      backupWhere: 'Backups are in the folder:',
      webHost:
        'Running in a browser (web mode): the data is kept in this browser, under the address {origin}. Another browser or another address shows another register.',
      webBackupWhere: 'Backups are written on the computer that runs OCOP Desk, in the folder:',
      policy:
        'OCOP Desk backs up once a day at start, before every data upgrade and before every restore, keeping the 30 newest daily backups and the 10 newest of each other kind. Backups you make yourself are never deleted. Every backup carries a checksum that is checked before it is restored.',
      backupNow: 'Back up now',
      backupToFile: 'Back up to a file…',
      restoreFromFile: 'Restore from a file…',
      backedUp: 'Backed up: {name} (at {time})',
      savedToFile: 'Backup saved: {name}',
      list: 'Backups',
      listEmpty: 'No backups yet. Click "Back up now" to make the first.',
      col: { createdAt: 'Time', kind: 'Kind', size: 'Size', actions: '' },
      kind: {
        manual: 'Manual',
        auto: 'Daily automatic',
        'pre-upgrade': 'Before upgrade',
        'pre-restore': 'Before restore',
      },
      restore: 'Restore',
      restoreConfirmTitle: 'Restore data?',
      restoreConfirm:
        'All current data will be replaced by the backup "{name}". Before that, OCOP Desk backs up the current data (kind "Before restore") so you can go back.',
      restored: 'Data restored from "{name}".',
      restoreFailed: 'Could not restore',
    },
    language: { title: 'Language', label: 'Interface language' },
  },
  errors: {
    title: 'Something went wrong',
  },
}
