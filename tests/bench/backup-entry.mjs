// Bundled by tests/bench/backup-bench.mjs (vite, for Node) so the bench can call main's own service
// table from the TypeScript sources, with the built Excel worker.
export { createServiceHandlers } from '../../src-main/services/services'
export { createThreadJobRunner } from '../../src-main/services/thread-job-runner'
export { serializeBackup } from '../../src-shared/db/backup-format'
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../src-shared/db/schema'
