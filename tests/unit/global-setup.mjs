// Vitest global setup: some tests run the built Excel worker and CLI in out/, so build them first
// when a source changed since the last build.
import { ensureBuilt } from '../../tools/build-freshness.mjs'

export default function setup() {
  ensureBuilt()
}
