import type { reportsVi } from './reports.vi'

/** English strings of the reports screen. */
export const reportsEn: typeof reportsVi = {
  reports: {
    title: 'Reports',
    intro:
      'Reports in the layout of Decree 30/2020/NĐ-CP, from the register on the chosen date. The preview is what prints; export Excel (.xlsx) or PDF for signing.',
    kind: 'Report',
    kinds: {
      products: 'OCOP product list',
      plan: 'Plan results report',
      units: 'Summary by commune/ward',
      certificates: 'Certificates expiring / expired',
      producers: 'Producer list',
    },
    date: 'Figures as of',
    docNumber: 'Document number',
    docNumberHint: 'Leave empty until numbered',
    plan: 'Plan',
    noPlan: 'No plans yet. Create one under Plans.',
    grouping: 'Group by',
    groupings: { stars: 'Stars', units: 'Commune/ward' },
    exportXlsx: 'Export Excel (.xlsx)',
    exportPdf: 'Export PDF',
    exporting: 'Creating the file…',
    saved: 'Saved {name}.',
    officeMissing:
      'The office identity is incomplete (office name, signer…): the header and signature will be empty. Fill them in Settings.',
    goToSettings: 'Open Settings',
    moreRows: '… and {count} more rows (all of them in the Excel and PDF exports)',
  },
}
