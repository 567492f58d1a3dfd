// What the round benchmark runs, bundled for a child Node process (node-bundle.mjs).
export { DEFAULT_COUNCIL_RULES, productResult } from '../../src-shared/rounds/results'
