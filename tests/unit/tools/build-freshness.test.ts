import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUILD_OUTPUTS, buildIsStale } from '../../../tools/build-freshness.mjs'

let root: string

/** Writes `path` under the project folder, last changed `secondsAgo` seconds ago. */
function write(path: string, secondsAgo: number): void {
  const file = join(root, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, '')
  const time = Date.now() / 1000 - secondsAgo
  utimesSync(file, time, time)
  // The folders holding it are as old as the oldest file in them, so only files count here.
  for (let folder = dirname(file); folder !== root; folder = dirname(folder)) {
    utimesSync(folder, 0, 0)
  }
}

function buildEverything(secondsAgo: number): void {
  for (const output of BUILD_OUTPUTS) write(output, secondsAgo)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ocop-build-'))
  write('package.json', 600)
  write('src-main/workers/job-client.ts', 600)
  write('src-renderer/src/views/ImportView.vue', 600)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('build freshness', () => {
  it('is stale before the first build', () => {
    expect(buildIsStale(root)).toBe(true)
  })

  it('is fresh when every output is newer than every source', () => {
    buildEverything(60)

    expect(buildIsStale(root)).toBe(false)
  })

  it('is stale when a source deep in a folder changed after the build', () => {
    buildEverything(60)
    write('src-main/workers/job-client.ts', 10)

    expect(buildIsStale(root)).toBe(true)
  })

  it('is stale when a source was added or deleted after the build', () => {
    buildEverything(60)
    rmSync(join(root, 'src-renderer/src/views/ImportView.vue'))

    expect(buildIsStale(root)).toBe(true)
  })

  it('is stale when one output is missing or older than a source', () => {
    buildEverything(60)
    rmSync(join(root, 'out/main/excel-worker.js'))
    expect(buildIsStale(root)).toBe(true)

    buildEverything(60)
    write('out/preload/index.js', 900)
    expect(buildIsStale(root)).toBe(true)
  })
})
