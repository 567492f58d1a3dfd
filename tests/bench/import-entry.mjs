// Bundled by tests/bench/import-bench.mjs (vite, for Node) so a plain child process can run the
// app's own import pipeline from the TypeScript sources.
export { checkFile } from '../../src-main/services/import/check-file'
export { detectFileKind } from '../../src-main/services/import/file-kind'
export { readTable } from '../../src-main/services/import/read-table'
