import type { backupsVi } from './backups.vi'

/** English strings of restoring a backup and of the "Needs attention" list in Settings. */
export const backupsEn: typeof backupsVi = {
  backups: {
    table: {
      units: 'Administrative units',
      producers: 'Producers',
      products: 'Products',
      evaluations: 'Evaluations',
      criteriaSets: 'Criteria sets',
      plans: 'Plans',
      planTargets: 'Plan targets',
      scoringSheets: 'Loaded scoring sheets',
      rounds: 'Evaluation rounds',
      roundMembers: 'Council members',
      roundEntries: 'Products registered for evaluation',
      roundScores: 'Scores',
      revocations: 'Revocation decisions',
      offices: 'Exchange offices',
      packages: 'Data packages',
    },
    record: {
      evaluation: 'Evaluation {year}, round {round}',
      roundEntry: 'Registration in an evaluation round',
      roundScore: 'Scores, pass {pass}',
      revocation: 'Revocation decision no. {number}',
    },
    missing: '{table} with id "{id}" is missing',
    missingAside: '{table} "{label}" (also set aside)',
    col: {
      table: 'Table',
      record: 'Record',
      missing: 'Missing',
      backup: 'From backup',
      actions: '',
    },
    restore: {
      noChecksum:
        'This file was made by an older OCOP Desk and has no checksum (SHA-256): it cannot be checked for damage or changes since the backup. Make sure it is the file you mean to restore.',
      danglingTitle: 'The backup has {count} records with missing links',
      danglingIntro:
        'The records below refer to records that are not in the backup. Press "Cancel" to keep the current data, or restore and set these records aside in the "Needs attention" list in Settings.',
      setAsideAndRestore: 'Restore, setting {count} records aside',
      restoredWithSetAside:
        'Data restored from "{name}". {count} records were set aside in the "Needs attention" list in Settings.',
    },
    setAside: {
      title: 'Needs attention',
      intro:
        'Records set aside by a restore because a record they refer to was missing. Once that record exists (for example after putting back the product of an evaluation), press "Put back". If it is no longer needed, press "Delete".',
      putBack: 'Put back',
      stillMissing: 'A referenced record is still missing, so it cannot be put back yet.',
      putBackDone: '"{label}" was put back.',
      delete: 'Delete',
      deleteConfirmTitle: 'Delete the set-aside record?',
      deleteConfirm:
        'Delete "{label}" ({table}) from the Needs attention list for good? It can no longer be put back; the audit log keeps a copy of it.',
      deleted: '"{label}" was deleted from the Needs attention list.',
    },
  },
}
