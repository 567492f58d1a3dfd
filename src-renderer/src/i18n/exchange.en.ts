import type { exchangeVi } from './exchange.vi'

/** English strings of Data exchange. */
export const exchangeEn: typeof exchangeVi = {
  exchange: {
    title: 'Data exchange',
    intro:
      "Send this office's register to another office (the level above, or its communes) as a signed data package (.ocop), and merge theirs into this register without losing history or overwriting this office's own data.",
    tabs: { send: 'Send data', receive: 'Receive data', offices: 'Sending offices' },
    practice:
      "This is the practice register: practice data is never sent. Open the office's register in Settings to exchange data.",
    noIdentity:
      'This office has no exchange identity yet (office id and signing key). Create it in Settings > Exchange identity.',
    otherInstall:
      "This register's exchange identity belongs to another PC (it was restored from a backup). Choose which PC keeps it in Settings before sending.",
    openSettings: 'Open Settings',
    send: {
      recipient: 'Recipient',
      anyRecipient: 'None (any office can receive it)',
      kind: 'Package',
      full: "Full: all of this office's data",
      changes: 'Only the changes since the package sent on {date}',
      changesNone: 'Only the changes (nothing sent to this office yet, so a full package)',
      includeHeld: 'Include the records this register holds from other offices (to pass them up)',
      write: 'Make the package and save…',
      saved: 'Saved the package "{name}": {summary}.',
      history: 'Packages sent',
      noneSent: 'No package sent yet.',
    },
    receive: {
      pick: 'Choose a data package (.ocop)…',
      pickTitle: 'Choose a data package you received',
      reading: 'Reading and checking the package…',
      from: 'Package from {office}',
      fromMeta: '{kind} · made at {created}',
      firstContact: 'First data from this office',
      firstContactHint:
        "Call {office} and read the key fingerprint below to each other. Receive only when both match: from then on this office's packages are trusted, and one signed with another key is refused.",
      fingerprint: 'Key fingerprint',
      confirmFingerprint: 'I read the fingerprint with the sending office and it matches',
      links: "Records already here (imported from this office's files before)",
      linksHint:
        "These records match records of the package. Keep them ticked to link them (the record here becomes the sender's, no duplicate); untick to add the package's record as a new one.",
      here: 'Here',
      inPackage: 'In the package',
      matchedBy: 'Matched by',
      by: { 'tax-code': 'tax number', name: 'name', 'year-round': 'year and round' },
      outcome: 'What writing it does',
      table: 'Table',
      new: 'New',
      updated: 'Updated',
      unchanged: 'Unchanged',
      removed: 'Removed',
      refused: 'Refused',
      refusals: 'Records not written, and why',
      record: 'Record',
      reason: 'Reason',
      reasons: {
        'own-record':
          "This office owns the record: a package never overwrites the office's own data.",
        'older-revision': 'The package holds an older version than the one here, so it is ignored.',
        'missing-reference':
          'The {target} it needs (field {field}) is neither in the package nor here.',
        'still-referred': 'The sender removed it, but {by} here still uses it, so it stays.',
      },
      alreadyMerged: 'This package was received before; receiving it again changes nothing.',
      nothing: 'The package holds nothing new for this register.',
      commit: 'Write to the register',
      confirmTitle: 'Write the data package to the register?',
      confirmBody:
        '{new} new, {updated} updated, {removed} removed, {refused} refused. It can be undone as a whole in the list below.',
      merged: 'Wrote the package of {office}.',
      cancel: 'Set this package aside',
      history: 'Packages received',
      noneMerged: 'No package received yet.',
      undoTitle: 'Undo receiving the package?',
      undoBody: 'Every record the package wrote goes back to what it was before.',
      undone: 'Undone (at {at})',
    },
    offices: {
      empty:
        'No data received from any office yet. The first package received adds its sender here.',
      office: 'Office',
      unit: 'Area (code)',
      key: 'Key',
      trusted: 'Confirmed {date}',
      viaOther: 'Through another office',
      lastPackage: 'Last package',
      held: 'Content',
      never: 'Nothing sent',
      silentFor: 'Warn when no package came for',
      days: '{n} days',
      silent: 'Nothing sent for over {n} days',
    },
    kind: { full: 'Full package', changes: 'Change package' },
    counts: '{count} {table}',
    tombstones: '{count} removed records',
    date: 'When',
    file: 'File',
    to: 'Sent to',
    anyone: 'None',
  },
}
