// Backup write benchmark: how long main's event loop is blocked while it writes the backup of a
// large register (10,000 producers, 10,000 products, 50,000 evaluations, 100,000 audit lines: about
// 72 MB), through the same service table Electron and the web host serve. The content is checked
// before it is written; the longest stall of main's event loop is what freezes the window.
// Reports { name, size (MB), ms (whole write), MiB (peak RSS), maxBlockedMs (longest stall),
// frozenMs (all stalls of 50 ms or more) }.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { bundleForNode } from './node-bundle.mjs'
import { peakMiB } from './peak-rss.mjs'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

const now = '2024-05-01T08:00:00.000Z'
const stamp = { createdAt: now, updatedAt: now }
const TYPES = ['htx', 'doanh-nghiep', 'to-hop-tac', 'ho-kinh-doanh']
const WORDS = ['Tương', 'Gạo nếp', 'Gà', 'Cá', 'Ba ba', 'Mật ong', 'Chè', 'Bánh', 'Rượu', 'Đồ gỗ']

/** A register of the size a province keeps after some years, as the backup's tables. */
function largeRegister(TABLE_NAMES) {
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, []]))
  for (let p = 0; p < 10_000; p++) {
    tables.producers.push({
      id: `p-${p}`,
      name: `Hợp tác xã sản xuất và kinh doanh số ${p} Mỹ Hào`,
      type: TYPES[p % 4],
      taxCode: String(900000000 + p),
      address: `Thôn ${p % 40}, xã Dị Sử, thị xã Mỹ Hào, tỉnh Hưng Yên`,
      unitId: null,
      representative: `Nguyễn Văn ${p}`,
      phone: `0912${String(p).padStart(6, '0')}`,
      note: '',
      ...stamp,
    })
  }
  for (let i = 0; i < 10_000; i++) {
    tables.products.push({
      id: `b-${i}`,
      name: `${WORDS[i % WORDS.length]} đặc sản số ${i}`,
      producerId: `p-${i}`,
      unitId: null,
      criteriaSetId: 'qd-1048',
      groupCode: '1048-1',
      productSetCode: '1048-1.1',
      description: 'Sản phẩm truyền thống của địa phương, đóng gói theo tiêu chuẩn cơ sở.',
      ...stamp,
    })
    for (let k = 0; k < 5; k++) {
      const year = 2016 + k * 2
      const total = 50 + ((i * 7 + k * 13) % 50)
      const stars = total >= 90 ? 5 : total >= 70 ? 4 : 3
      tables.evaluations.push({
        id: `e-${i}-${k}`,
        productId: `b-${i}`,
        year,
        round: 1,
        evaluatedOn: null,
        criteriaSetId: 'qd-1048',
        partScores: { A: total * 0.35, B: total * 0.25, C: total * 0.4 },
        itemScores: null,
        total,
        computedStars: stars,
        recognisedStars: stars,
        councilLevel: 'tinh',
        kind: k === 0 ? 'lan-dau' : 'danh-gia-lai',
        decisionNo: `${1000 + k}/QĐ-UBND`,
        decisionDate: `${year}-06-15`,
        certificateNo: `${i}-${k}`,
        expiryDate: `${year + 3}-06-14`,
        note: '',
        ...stamp,
      })
    }
  }
  for (let a = 0; a < 100_000; a++) {
    const product = tables.products[a % 10_000]
    tables.auditLog.push({
      id: a + 1,
      at: now,
      action: 'update',
      table: 'products',
      recordId: product.id,
      summary: `Sửa sản phẩm ${product.name}: mô tả theo hồ sơ đánh giá, phân hạng của UBND tỉnh`,
      before: { description: '', updatedAt: '2023-05-01T08:00:00.000Z' },
      after: { description: product.description, updatedAt: product.updatedAt },
      batchId: null,
    })
  }
  return tables
}

/**
 * Watches this process's event loop with a 5 ms timer: each time it fires late, the loop was
 * blocked for that long. Stalls of 50 ms or more are the ones a clerk sees as a frozen window.
 */
function watchEventLoop(tickMs = 5) {
  const stalls = []
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    stalls.push(now - last - tickMs)
    last = now
  }, tickMs)
  return () => {
    clearInterval(timer)
    const frozen = stalls.filter((ms) => ms >= 50)
    return {
      maxBlockedMs: Math.round(Math.max(0, ...stalls)),
      frozenMs: Math.round(frozen.reduce((sum, ms) => sum + ms, 0)),
    }
  }
}

export async function benchBackup({ report }) {
  const bundle = await bundleForNode('backup-entry.mjs', 'bench-backup', 'backup')
  const {
    createServiceHandlers,
    createThreadJobRunner,
    serializeBackup,
    CURRENT_SCHEMA_VERSION,
    TABLE_NAMES,
  } = require(bundle)
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'bench',
    kind: 'manual',
    createdAt: now,
    tables: largeRegister(TABLE_NAMES),
  })
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-backup-'))
  const jobs = createThreadJobRunner(join(root, 'out/main/excel-worker.js'))
  const handlers = createServiceHandlers({
    version: 'bench',
    host: 'web',
    dataDir,
    backupDir: join(dataDir, 'backups'),
    jobs,
    emit: () => undefined,
    openExternal: async () => false,
  })
  try {
    // A first write starts the worker; the second is the one a clerk's daily backup makes.
    await handlers['backup.writeManual']({ content })
    const stop = watchEventLoop()
    const start = performance.now()
    await handlers['backup.writeManual']({ content })
    const ms = performance.now() - start
    const blocked = stop()
    const size = Math.round(Buffer.byteLength(content) / 1e6)
    report('backup-write-main-blocked', size, ms, peakMiB(), blocked)
  } finally {
    await jobs.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Alone: node tests/bench/backup-bench.mjs (after npm run build, for the worker).
if (process.argv[1] === import.meta.filename) {
  await benchBackup({
    report: (name, size, ms, MiB, extra) =>
      console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB, ...extra })),
  })
}
