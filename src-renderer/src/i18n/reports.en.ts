import type { reportsVi } from './reports.vi'

/** English strings of the reports screen. */
export const reportsEn: typeof reportsVi = {
  reports: {
    title: 'Reports',
    intro:
      'Reports in the layout of Decree 30/2020/NĐ-CP, from the register on the chosen date. The preview is what prints; export Word (.docx) to edit the text before signing, with its Excel (.xlsx) annex, or print to PDF.',
    kind: 'Report',
    kinds: {
      products: 'Valid OCOP products',
      plan: 'Plan results report',
      units: 'Summary by commune/ward',
      changes: 'Changes between two dates',
      groups: 'By product group',
      types: 'By producer type',
      certificates: 'Certificates expiring / expired',
      producers: 'Producer list',
    },
    date: 'Figures as of',
    from: 'Compared with',
    docNumber: 'Document number',
    docNumberHint: 'Leave empty until numbered',
    plan: 'Plan',
    noPlan: 'No plans yet. Create one under Plans.',
    grouping: 'Group by',
    groupings: { stars: 'Stars', units: 'Commune/ward' },
    signedOn: 'Signing date',
    exportDocx: 'Export Word (.docx)',
    exportAnnexXlsx: 'Export annex to Excel',
    content: {
      title: 'Text and recipients',
      intro:
        'The text parts start from sentences made from the figures; edit them here before exporting, one paragraph per line. Empty parts are not printed. Edits are remembered for this report.',
      open: 'Edit text and recipients',
      regenerate: 'Make again from the figures',
      addressees: 'To (one per line; empty unless sent to a higher level)',
      copies: 'Recipients (one per line; "Lưu: VT, …" is added)',
      copiesReset: 'Back to the usual recipients',
      narrative: {
        general: 'General assessment',
        issues: 'Shortcomings',
        proposals: 'Proposals',
      },
    },
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
