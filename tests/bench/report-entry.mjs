// Bundled by tests/bench/report-bench.mjs (vite, for Node) so a plain child process can run the
// app's own report builder and writer from the TypeScript sources.
export { writeReportXlsx } from '../../src-main/services/excel/report-xlsx'
export { buildReport } from '../../src-shared/reports/build'
export { loadBuiltInCriteriaSets } from '../../src-shared/domain/criteria'
export { default as criteriaJson } from '../../resources/catalogues/criteria-sets.json'
