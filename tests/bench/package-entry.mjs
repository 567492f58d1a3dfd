// What the data package benchmark runs, bundled for a child Node process (node-bundle.mjs).
export { applyMerge, mergeBatch } from '../../src-shared/exchange/apply'
export {
  IDENTITY_KEY,
  createOfficeIdentity,
  publicOffice,
} from '../../src-shared/exchange/identity'
export { planMerge } from '../../src-shared/exchange/merge'
export { proposeLinks } from '../../src-shared/exchange/links'
export { packageContent } from '../../src-shared/exchange/package-content'
export { writePackage } from '../../src-shared/exchange/package-format'
export { readPackage } from '../../src-main/services/exchange/read-package'
export { serializeBackup } from '../../src-shared/db/backup-format'
export { loadBuiltInCriteriaSets } from '../../src-shared/domain/criteria'
export { default as criteriaJson } from '../../resources/catalogues/criteria-sets.json'
export { default as unitCatalogue } from '../../resources/catalogues/units-my-hao.json'
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../src-shared/db/schema'
