// What the round benchmark runs, bundled for a child Node process (node-bundle.mjs).
export { DEFAULT_COUNCIL_RULES, productResult } from '../../src-shared/rounds/results'
export { partLevelSheet } from '../../src-shared/rounds/sheets'
export { writeMemberWorkbook } from '../../src-main/services/excel/member-workbook'
export { serializeBackup } from '../../src-shared/db/backup-format'
export { loadBuiltInCriteriaSets } from '../../src-shared/domain/criteria'
export { default as criteriaJson } from '../../resources/catalogues/criteria-sets.json'
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../src-shared/db/schema'
