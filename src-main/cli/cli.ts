/**
 * The command line (built to out/main/cli.js, run with `npm run ocop -- …`): the main-side jobs
 * without a window, for batch work and for debugging. Plain Node; exit codes 0 ok, 1 error, 2 usage.
 */
import { constants } from 'node:fs'
import { access, writeFile } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toAppErrorData } from '@shared/errors'
import { createThreadJobRunner, defaultWorkerFile } from '../services/thread-job-runner'
import type { JobProgressReport } from '../workers/protocol'
import { checkCommand } from './check-command'

export const EXIT_OK = 0
export const EXIT_ERROR = 1
export const EXIT_USAGE = 2

const USAGE = `OCOP Desk — dòng lệnh

Cách dùng:
  npm run ocop -- <lệnh> [tuỳ chọn]

Lệnh:
  check TỆP            Kiểm tra tệp danh sách sản phẩm của xã, phường (.xlsx, .xls, .ods, .csv)
                       như khi nhập: trang tính, dòng tiêu đề, cột, từng dòng sản phẩm và các lỗi.
                       Không ghi gì vào sổ. Mã thoát 0 khi đọc được tệp (kể cả khi có dòng lỗi).
  template TỆP.xlsx    Ghi mẫu nhập danh sách sản phẩm OCOP (có danh sách chọn và trang hướng dẫn)
                       vào TỆP.xlsx.

Tuỳ chọn của check:
  --sheet TÊN          Đọc trang tính TÊN (mặc định: tự chọn trang có dữ liệu).
  --units DS.csv       Danh sách xã, phường dạng CSV UTF-8, cột code,kind,name (thêm full_name,
                       spelling_variant, valid_from, valid_to nếu có). Mặc định: danh mục có sẵn.
  --json               In kết quả dưới dạng một đối tượng JSON.

Tuỳ chọn của template:
  -f, --force          Ghi đè nếu TỆP.xlsx đã có.

  -h, --help           In hướng dẫn này.

Ví dụ:
  npm run ocop -- check danh-sach-xa.xlsx --units don-vi.csv
  npm run -s ocop -- check danh-sach-xa.xlsx --sheet "Dữ liệu" --json > ket-qua.json
  npm run ocop -- template mau-nhap-san-pham-ocop.xlsx
`

/** A mistake in how the command was typed: reported with the usage text, exit code 2. */
class UsageError extends Error {}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : describeParseError(error)
    process.stderr.write(`Lỗi: ${reason}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE)
    return EXIT_OK
  }
  const [command, ...rest] = parsed.positionals
  const { values } = parsed
  try {
    switch (command) {
      case 'check':
        onlyFor('check', values, ['sheet', 'units', 'json'])
        return await runCheck(rest, values)
      case 'template':
        onlyFor('template', values, ['force'])
        return await templateCommand(rest, values.force === true)
      case undefined:
        process.stderr.write(`Lỗi: chưa ghi lệnh.\n\n${USAGE}`)
        return EXIT_USAGE
      default:
        throw new UsageError(`không có lệnh "${command}".`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Lỗi: ${error.message}\n\n${USAGE}`)
      return EXIT_USAGE
    }
    const data = toAppErrorData(error)
    process.stderr.write(`Lỗi: ${data.message}\n`)
    if (data.cause) process.stderr.write(`Chi tiết kỹ thuật: ${data.cause}\n`)
    return EXIT_ERROR
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      force: { type: 'boolean', short: 'f' },
      help: { type: 'boolean', short: 'h' },
      sheet: { type: 'string' },
      units: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
}

type Options = ReturnType<typeof parse>['values']

/** Refuses an option of another command, so a typo is not silently ignored. */
function onlyFor(command: string, values: Options, allowed: readonly (keyof Options)[]): void {
  const wrong = (Object.keys(values) as (keyof Options)[]).find(
    (name) => name !== 'help' && !allowed.includes(name),
  )
  if (wrong !== undefined) throw new UsageError(`lệnh "${command}" không dùng tuỳ chọn --${wrong}.`)
}

async function runCheck(args: string[], values: Options): Promise<number> {
  if (args.length !== 1 || !args[0]) {
    throw new UsageError('lệnh "check" cần đúng một tên tệp, ví dụ: danh-sach-xa.xlsx.')
  }
  if (values.sheet !== undefined && values.sheet.trim() === '') {
    throw new UsageError('--sheet cần tên trang tính, ví dụ: --sheet "Dữ liệu".')
  }
  if (values.units !== undefined && values.units.trim() === '') {
    throw new UsageError('--units cần tên tệp danh sách đơn vị, ví dụ: --units don-vi.csv.')
  }
  const base = process.env.INIT_CWD ?? process.cwd()
  const output = await checkCommand({
    file: resolve(base, args[0]),
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
    ...(values.units === undefined ? {} : { unitsCsv: resolve(base, values.units) }),
    json: values.json === true,
    // Progress goes to stderr only for a person: a script reading --json wants quiet stderr too.
    ...(values.json === true ? {} : { onProgress: reportProgress }),
  })
  process.stdout.write(output)
  return EXIT_OK
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(String((error as Error).message))?.[1]
    return `không có tuỳ chọn ${option ? `"${option}"` : 'này'}.`
  }
  return `không hiểu các tham số đã ghi (${error instanceof Error ? error.message : String(error)}).`
}

async function templateCommand(args: string[], force: boolean): Promise<number> {
  if (args.length !== 1 || !args[0]) {
    throw new UsageError('lệnh "template" cần đúng một tên tệp kết quả, ví dụ: mau.xlsx.')
  }
  if (extname(args[0]).toLowerCase() !== '.xlsx') {
    throw new UsageError(`tệp kết quả "${args[0]}" phải có đuôi .xlsx.`)
  }
  // `npm run` starts us in the package folder; INIT_CWD is where the user typed the command.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), args[0])
  await checkTarget(target, force)

  const runner = createThreadJobRunner(defaultWorkerFile())
  try {
    const { bytes } = await runner.run('import-template', {}, reportProgress)
    await writeOutput(target, bytes, force)
    process.stdout.write(`Đã ghi mẫu nhập liệu vào ${target} (${formatSize(bytes.byteLength)}).\n`)
    return EXIT_OK
  } finally {
    await runner.close()
  }
}

async function checkTarget(target: string, force: boolean): Promise<void> {
  // Checked before the job runs so a typo costs nothing; writeOutput checks again atomically.
  if (!force && (await exists(target))) throw alreadyExists(target)
  try {
    await access(dirname(target), constants.W_OK)
  } catch (error) {
    throw new AppError({
      code: 'cli.folder-missing',
      message: `Không ghi được vào thư mục "${dirname(target)}": thư mục không có hoặc không có quyền ghi. Hãy chọn một thư mục khác.`,
      cause: String(error),
    })
  }
}

async function writeOutput(target: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    // 'wx' fails if the file appeared meanwhile, so a clerk's file is never replaced by accident.
    await writeFile(target, bytes, { flag: force ? 'w' : 'wx' })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw alreadyExists(target)
    throw new AppError({
      code: 'cli.write-failed',
      message: `Không ghi được tệp "${target}". Nếu tệp đang mở trong Excel, hãy đóng lại; kiểm tra ổ đĩa còn chỗ trống rồi chạy lại lệnh.`,
      cause: String(error),
    })
  }
}

function alreadyExists(target: string): AppError {
  return new AppError({
    code: 'cli.file-exists',
    message: `Tệp "${target}" đã có nên không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
  })
}

function reportProgress(progress: JobProgressReport): void {
  process.stderr.write(`[${progress.done}/${progress.total}] ${progress.stage}\n`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} byte` : `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`
}

// Run only as the entry point, so tests can import `main` without side effects.
if (typeof require !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
