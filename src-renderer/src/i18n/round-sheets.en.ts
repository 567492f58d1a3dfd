import type { roundSheetsVi } from './round-sheets.vi'

/** English strings of the scoring sheets card of a round. */
export const roundSheetsEn: typeof roundSheetsVi = {
  roundSheets: {
    title: 'Scoring sheets',
    partLevel:
      'Products of a group without a full sheet are scored by part, with the maxima of {set}: {parts}.',
    noInventedPoints:
      'OCOP Desk never makes up the official points of a criterion. To score by criterion, save the template, copy the product group’s official sheet from the document into it, and load it here.',
    codes:
      'When filling in the template, write the criteria set code "{set}" and the group codes: {groups}.',
    shared: 'A loaded sheet serves every round under this criteria set.',
    partMax: '{part} up to {max} points',
    template: 'Save the sheet template (.xlsx)',
    templateSaved: 'Scoring sheet template saved: {name}',
    load: 'Load a full scoring sheet…',
    pickTitle: 'Choose a scoring sheet definition file',
    working: 'Reading the file…',
    closed: 'The round is closed: sheets cannot be loaded or removed.',
    empty: 'No full scoring sheet is loaded for this criteria set.',
    onPartLevel: '{n} products of the round are scored by part.',
    allOnSheets: 'Every product of the round is scored on a full sheet.',
    allGroups: 'Every group',
    columns: {
      name: 'Sheet',
      groups: 'Product groups',
      criteria: 'Criteria',
      products: 'Products in this round',
      loadedAt: 'Loaded',
      file: 'File',
    },
    remove: 'Remove',
    removeTitle: 'Remove the scoring sheet?',
    removeConfirm:
      'Remove the scoring sheet "{name}"? Products of {groups} will be scored by part in every open round under this criteria set; scores already typed keep their part totals. You can undo right after.',
    removed: 'Scoring sheet {name} removed.',
    problems: {
      title: 'The scoring sheet was not loaded',
      intro:
        'File {file} has {n} things to fix, so nothing was saved. Fix the file line by line as below and load it again.',
      unknownGroup:
        'File {file}, sheet "Thông tin", row 2: product group "{code}" is not in the catalogue of {set}. Write the group codes as the catalogue has them: {groups}.',
      groupTaken:
        'File {file}, sheet "Thông tin", row 2: group {group} already has the scoring sheet "{sheet}". If the new sheet replaces it, remove the old one ("Remove") and load again; otherwise take this group code out of the file.',
      allTaken:
        'File {file}, sheet "Thông tin", row 2: the scoring sheet "{sheet}" already serves every group. Write the groups of the new sheet, or remove the old one ("Remove") and load again.',
    },
    confirm: {
      title: 'Load the scoring sheet?',
      name: 'Sheet name',
      groups: 'Product groups',
      source: 'Source',
      structure: 'Content',
      counts: '{parts} parts, {sections} sections, {criteria} criteria',
      mandatory: ', {n} of them mandatory',
      file: 'File',
      products: '{n} products of this round will be scored on it.',
      scored:
        '{n} of them already have scores: those are kept; Excel sheets saved for members before loading must be saved again.',
      submit: 'Load the sheet',
      loaded: 'Scoring sheet {name} loaded.',
    },
  },
}
