// Bundled by tests/bench/report-bench.mjs (vite, for Node) so a plain child process can run the
// app's own report builder and writer from the TypeScript sources.
export { writeReportXlsx } from '../../src-main/services/excel/report-xlsx'
export { writeReportDocx } from '../../src-main/services/word/report-docx'
export { serializeBackup } from '../../src-shared/db/backup-format'
export { buildReport } from '../../src-shared/reports/build'
export { loadBuiltInCriteriaSets } from '../../src-shared/domain/criteria'
export { default as criteriaJson } from '../../resources/catalogues/criteria-sets.json'
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../src-shared/db/schema'
