import type { identityVi } from './identity.vi'

/** English strings of the office's exchange identity (Settings) and its notice in the shell. */
export const identityEn: typeof identityVi = {
  identity: {
    title: 'Exchange identity',
    intro:
      "Every data package sent to another office is signed with this identity, so the receiver knows for sure it comes from your office and was not changed on the way. The first time they receive a package from you, the receiver asks for the key's fingerprint: read it to each other by phone once.",
    practice: 'The practice register has no exchange identity: sample data is never sent.',
    create: 'Create identity',
    createTitle: 'Create the exchange identity',
    created: 'The exchange identity is created.',
    edit: 'Edit name and area',
    editTitle: "Edit the identity's name and area",
    saved: 'Name and area saved.',
    name: 'Office name',
    namePlaceholder: 'For example Phòng Kinh tế thị xã Mỹ Hào',
    nameRequired: 'Enter the office name: the receivers of your packages see it.',
    unit: 'Area (administrative unit)',
    unitPlaceholder: 'Choose a commune or ward from the administrative units',
    unitHint:
      "Takes the unit's name and official code from the list of administrative units. Leave it empty for a district or provincial office.",
    unitWithCode: '{name} (code {code})',
    officeId: 'Office id',
    fingerprint: 'Key fingerprint',
    fingerprintHint: 'Read this to the receiver by phone when they receive your first package.',
    selectHint: 'Click to select it all, then Ctrl+C to copy.',
    otherInstall: {
      title: 'This identity belongs to another PC',
      body: "This register was restored from another PC's backup, so it carries that PC's identity. Two PCs may not send data under one identity: choose which PC keeps it.",
      keep: 'This PC keeps the identity',
      keepConfirm:
        'This PC keeps the identity "{name}" and sends data under it. The other PC must take a new identity (Settings → Exchange identity → This PC takes a new identity) before it sends data again. The register\'s data does not change.',
      kept: 'This PC keeps the exchange identity. Remember to take a new one on the other PC.',
      takeNew: 'This PC takes a new identity',
      takeNewConfirm:
        'This PC takes a new identity (a new office id and key, the same name and area). The data made before (producers, products, evaluations, plans, evaluation rounds) becomes the old office\'s, "{name}", and is read-only on this PC: the old office edits it and sends it again. The administrative units and criteria sets stay this PC\'s. This cannot be undone.',
      taken:
        'This PC has a new identity; {count} records made before belong to the old office, read-only.',
    },
    notice:
      "This register carries another PC's exchange identity (restored from a backup). Choose which PC keeps the identity before sending data.",
    noticeLink: 'Choose in Settings',
  },
}
