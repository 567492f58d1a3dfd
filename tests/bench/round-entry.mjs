// What the round benchmark runs, bundled for a child Node process (node-bundle.mjs).
export { DEFAULT_COUNCIL_RULES, productResult } from '../../src-shared/rounds/results'
export { partLevelSheet } from '../../src-shared/rounds/sheets'
export { writeMemberWorkbook } from '../../src-main/services/excel/member-workbook'
