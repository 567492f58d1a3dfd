import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadWorkbook } from '../../../../src-main/services/excel/workbook'
import { builtFile } from '../services/built-files'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as `npm run ocop -- …` would: cwd is elsewhere, INIT_CWD is the user's. */
function ocop(args: string[], initCwd = dir): Promise<Run> {
  const cli = builtFile('cli.js')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, INIT_CWD: initCwd },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('ocop CLI (built)', () => {
  it('prints Vietnamese help listing only the commands that work', async () => {
    const run = await ocop(['--help'])

    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Cách dùng')
    expect(run.stdout).toContain('template TỆP.xlsx')
    expect(run.stdout).toContain('--force')
    expect(run.stdout).toContain('check TỆP')
    for (const option of ['--sheet', '--units', '--json']) expect(run.stdout).toContain(option)
    expect(run.stdout).toContain('report LOẠI')
  })

  it('writes the template to a path relative to where the user ran npm, with progress', async () => {
    const run = await ocop(['template', 'mau.xlsx'])

    expect(run.code).toBe(0)
    expect(run.stderr).toContain('[4/4]')
    expect(run.stdout).toContain(join(dir, 'mau.xlsx'))
    const workbook = await loadWorkbook(await readFile(join(dir, 'mau.xlsx')))
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Danh sách sản phẩm',
      'Hướng dẫn',
      'Danh mục',
    ])
  })

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const target = join(dir, 'mau.xlsx')
    await writeFile(target, 'bảng của xã, không được ghi đè')

    const refused = await ocop(['template', target])

    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('đã có nên không ghi đè')
    expect(refused.stderr).toContain('--force')
    expect(await readFile(target, 'utf8')).toBe('bảng của xã, không được ghi đè')

    const forced = await ocop(['template', target, '--force'])

    expect(forced.code).toBe(0)
    expect((await stat(target)).size).toBeGreaterThan(1000)
  })

  it('explains a folder that does not exist', async () => {
    const run = await ocop(['template', join(dir, 'khong-co', 'mau.xlsx')])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Không ghi được vào thư mục')
  })

  it('fails with code 1 when the target is a folder, even with --force', async () => {
    await mkdir(join(dir, 'thu-muc.xlsx'))

    const run = await ocop(['template', 'thu-muc.xlsx', '--force'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Không ghi được tệp')
  })

  it.each([
    ['no command', []],
    ['an unknown command', ['report', 'xa.xlsx']],
    ['an option of another command', ['template', 'mau.xlsx', '--json']],
    ['an unknown option', ['template', 'mau.xlsx', '--overwrite']],
    ['a missing file name', ['template']],
    ['two file names', ['template', 'a.xlsx', 'b.xlsx']],
    ['a file name that is not .xlsx', ['template', 'mau.xls']],
  ])('answers %s with usage and exit code 2', async (_why, args) => {
    const run = await ocop(args)

    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Lỗi:')
    expect(run.stderr).toContain('Cách dùng')
  })
})
