// Bundled by tests/bench/report-bench.mjs (vite, for Node) so a plain child process can run the
// app's own report writer from the TypeScript sources.
export { writeReportXlsx } from '../../src-main/services/excel/report-xlsx'
export { PRODUCT_COLUMNS } from '../../src-shared/reports/products'
