import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parseBackup } from '@shared/db/backup-format'
import { buildReport } from '@shared/reports/build'
import { reportDataFromTables } from '@shared/reports/data'
import { REPORT_KINDS } from '@shared/reports/model'
import { demoBackup } from '../../../../src-main/cli/demo-command'
import { builtFile } from '../services/built-files'

function ocop(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [builtFile('cli.js'), ...args], {
    cwd: tmpdir(),
    env: { ...process.env, INIT_CWD: cwd },
    encoding: 'utf8',
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('ocop demo: the practice register as a backup file', () => {
  it('is a backup Cài đặt can read, with the units, the demo records, the plan and the office', async () => {
    const { backup, checksum } = await parseBackup(
      await demoBackup('2026-12-03T00:00:00.000Z'),
      'so-thuc-hanh.json',
    )
    expect(checksum).toBe('verified')
    const tables = backup.tables
    // 13 communes and wards of 2019, and the 3 wards they became on 01/07/2025.
    expect(tables.units).toHaveLength(16)
    expect(tables.products).toHaveLength(9)
    expect(tables.plans).toHaveLength(1)
    expect(tables.revocations).toHaveLength(1)
    expect(tables.planTargets.length).toBeGreaterThan(0)
    expect(tables.criteriaSets.length).toBeGreaterThan(0)
    const data = reportDataFromTables(tables)
    expect(data.office.officeName).toBe('Ủy ban nhân dân thị xã Mỹ Hào')
    // Every product of 2019 sits in a unit of 2019.
    const unitIds = new Set(data.units.map((u) => u.id))
    expect(data.products.every((p) => p.unitId !== null && unitIds.has(p.unitId))).toBe(true)
  })

  it('gives every report, with the figures of Mỹ Hào at 31/12/2020', async () => {
    const { backup } = await parseBackup(await demoBackup('2026-12-03T00:00:00.000Z'), 'demo.json')
    const data = reportDataFromTables(backup.tables)
    const options = {
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '',
      planId: data.plans[0]?.id,
    }
    for (const kind of REPORT_KINDS) expect(() => buildReport(kind, data, options)).not.toThrow()
    const general = buildReport('products', data, options).sections[0]?.paragraphs?.[0]
    expect(general).toBe(
      'Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 5 sao, 1 sản phẩm 4 sao và 5 sản phẩm 3 sao.',
    )
  })

  it('writes the same file twice for the same moment', async () => {
    const now = '2026-12-03T00:00:00.000Z'
    expect(await demoBackup(now)).toBe(await demoBackup(now))
  })
})

describe('npm run ocop -- demo (built CLI)', () => {
  it('writes the file, which every report reads; refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-demo-'))
    try {
      const first = ocop(['demo', '--out', 'so-thuc-hanh.json'], dir)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('Đã ghi sổ thực hành Mỹ Hào')
      const again = ocop(['demo', '--out', 'so-thuc-hanh.json'], dir)
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/đã có/)
      const report = ocop(
        [
          'report',
          'plan',
          '--data',
          'so-thuc-hanh.json',
          '--out',
          'ket-qua.docx',
          '--date',
          '31/12/2020',
        ],
        dir,
      )
      expect(report.code).toBe(0)
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ket-qua.docx')))
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
      // A report from the practice register says so.
      expect(xml).toContain('DỮ LIỆU MẪU')
      expect(xml).toContain('Kết quả thực hiện các chỉ tiêu')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('answers a wrong --out with a Vietnamese message and exit code 2', () => {
    const run = ocop(['demo', '--out', 'so.txt'], tmpdir())
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('phải có đuôi .json')
  })
})
