// Builds with electron-vite when out/ is missing or older than any source file (`--quiet`: silently).
import { ensureBuilt } from './build-freshness.mjs'

ensureBuilt({ quiet: process.argv.includes('--quiet') })
