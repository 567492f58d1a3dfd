/**
 * The command line (built to out/main/cli.js, run with `npm run ocop -- …`): the main-side jobs
 * without a window, for batch work and for debugging. Plain Node; exit codes 0 ok, 1 error, 2 usage.
 */
import { constants } from 'node:fs'
import { access, mkdir, writeFile } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toAppErrorData } from '@shared/errors'
import { createThreadJobRunner, defaultWorkerFile } from '../services/thread-job-runner'
import type { JobProgressReport } from '../workers/protocol'
import { checkCommand } from './check-command'
import { demoBackup } from './demo-command'
import {
  backupFilePieces,
  exportPackage,
  exportSummary,
  mergePackage,
  mergeSummary,
} from './package-command'
import {
  GROUPINGS,
  isReportKind,
  REPORT_COMMAND_KINDS,
  loadReportModel,
  parseReportDate,
  type Grouping,
} from './report-command'
import {
  loadRound,
  resultsTable,
  roundResultsJson,
  roundSheets,
  withMemberWorkbooks,
} from './round-command'
import { describeParseError, EXIT_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from './usage'
import { todayIso } from '@shared/dates'

const USAGE = `OCOP Desk — dòng lệnh

Cách dùng:
  npm run ocop -- <lệnh> [tuỳ chọn]

Lệnh:
  check TỆP            Kiểm tra tệp danh sách sản phẩm của xã, phường (.xlsx, .xls, .ods, .csv)
                       như khi nhập: trang tính, dòng tiêu đề, cột, từng dòng sản phẩm và các lỗi.
                       Không ghi gì vào sổ. Mã thoát 0 khi đọc được tệp (kể cả khi có dòng lỗi).
  template TỆP.xlsx    Ghi mẫu nhập danh sách sản phẩm OCOP (có danh sách chọn và trang hướng dẫn)
                       vào TỆP.xlsx.
  report LOẠI          Lập báo cáo theo thể thức Nghị định 30/2020 — Word (.docx, danh sách dài ở
                       phụ lục) hoặc Excel (.xlsx) — từ tệp sao lưu của OCOP Desk (tệp .json do
                       Cài đặt ghi). LOẠI là một trong:
                         products      Sản phẩm OCOP còn hiệu lực (danh sách ở phụ lục)
                         plan          Báo cáo kết quả thực hiện kế hoạch
                         units         Tổng hợp theo đơn vị (xã, phường)
                         changes       Biến động hạng sao giữa --from và --to
                         groups        Sản phẩm OCOP theo nhóm sản phẩm và hạng sao
                         types         Sản phẩm OCOP theo loại hình chủ thể và hạng sao
                         certificates  Giấy chứng nhận sắp hết hạn / đã hết hạn
                         producers     Danh sách chủ thể
                         revocations   Văn bản thu hồi giấy chứng nhận OCOP của một quyết định
                                       thu hồi: Quyết định thu hồi (cơ quan tự ký) hoặc Tờ trình
                                       đề nghị cấp trên thu hồi, kèm danh sách ở phụ lục

  round sheets         Ghi phiếu chấm điểm của từng thành viên Hội đồng (mỗi thành viên một tệp
                       .xlsx, mỗi sản phẩm một trang) của một đợt đánh giá trong tệp sao lưu.
  round results        In kết quả chấm điểm của một đợt đánh giá: điểm từng thành viên, điểm trung
                       bình từng phần và tổng, hạng sao, hạng sao đề nghị và các điểm cần xem lại.
  demo --out TỆP.json  Ghi sổ thực hành Mỹ Hào (đơn vị, sản phẩm, đánh giá 2018-2020, đợt đánh giá
                       cấp huyện năm 2020, kế hoạch 2019-2020, thông tin cơ quan) thành tệp sao
                       lưu, để thử mọi báo cáo và lệnh round.
  package export       Ghi gói dữ liệu (.ocop) của đơn vị từ tệp sao lưu, để gửi đơn vị khác: các
                       bản ghi của đơn vị, ký bằng khóa của đơn vị (cần danh tính trao đổi dữ
                       liệu ở Cài đặt). Gói đầy đủ, hoặc chỉ các thay đổi kể từ một gói đã gửi.
  package merge        Nhận gói dữ liệu của đơn vị khác vào tệp sao lưu: kiểm tra gói và đơn vị
                       gửi, liên kết với bản ghi đã nhập từ tệp của đơn vị đó, rồi ghi sổ đã nhận
                       gói thành tệp sao lưu mới. In số bản ghi mới, cập nhật, không đổi, đã xoá
                       và không nhận (kèm lý do) của từng bảng.

Tuỳ chọn của check:
  --sheet TÊN          Đọc trang tính TÊN (mặc định: tự chọn trang có dữ liệu).
  --units DS.csv       Danh sách xã, phường dạng CSV UTF-8, cột code,kind,name (thêm full_name,
                       spelling_variant, valid_from, valid_to nếu có). Mặc định: danh mục có sẵn.
  --json               In kết quả dưới dạng một đối tượng JSON.

Tuỳ chọn của template:
  -f, --force          Ghi đè nếu TỆP.xlsx đã có.

Tuỳ chọn của round:
  --data SAOLUU.json   Tệp sao lưu chứa đợt đánh giá (bắt buộc).
  --round ĐỢT          Mã hoặc tên của đợt đánh giá (bắt buộc).
  --out THƯ-MỤC        round sheets: thư mục sẽ ghi các phiếu chấm (bắt buộc; tạo nếu chưa có).
  --sheets THƯ-MỤC     round results: thư mục các phiếu chấm thành viên đã điền; điểm của sản phẩm
                       đã chấm trong phiếu thay cho điểm đã lưu của thành viên đó (lần chấm mới
                       nhất), sản phẩm để trống giữ điểm đã lưu.
  --json               round results: in kết quả dưới dạng một đối tượng JSON.
  -f, --force          round sheets: ghi đè các phiếu đã có.

Tuỳ chọn của demo:
  --out TỆP.json       Tệp sao lưu sẽ ghi (bắt buộc).
  -f, --force          Ghi đè nếu tệp đã có.

Tuỳ chọn của report:
  --data SAOLUU.json   Tệp sao lưu chứa dữ liệu (bắt buộc).
  --out TỆP.docx|.xlsx Tệp báo cáo sẽ ghi (bắt buộc); đuôi tệp chọn Word hoặc Excel.
  --date NGÀY          Số liệu tính đến ngày này, dạng dd/mm/yyyy hoặc YYYY-MM-DD
                       (mặc định: hôm nay; không dùng cho revocations).
  --signed NGÀY        Ngày ký ghi ở dòng địa danh, ngày tháng (mặc định: hôm nay; tờ trình thu
                       hồi: ngày của quyết định).
  --from NGÀY          Loại changes: so sánh từ ngày này (mặc định: 31/12 năm trước --to).
  --to NGÀY            Loại changes: đến ngày này (như --date; mặc định: hôm nay).
  --plan MÃ-HOẶC-TÊN   Kế hoạch được báo cáo (loại plan; không cần nếu tệp chỉ có một kế hoạch).
  --by stars|units|office
                       Nhóm danh sách sản phẩm theo hạng sao, theo xã, phường hoặc theo đơn vị
                       gửi dữ liệu (loại products; --group là tên cũ của tuỳ chọn này).
  --number SỐ          Số văn bản, ví dụ 05 (mặc định: để trống để ghi tay).
  --decision SỐ        Loại revocations: số của quyết định thu hồi, ví dụ 125/QĐ-UBND (mặc định:
                       quyết định có ngày muộn nhất). Quyết định do cơ quan tự ký in số và ngày
                       của nó; --number và --signed chỉ dùng cho tờ trình đề nghị cấp trên.
  -f, --force          Ghi đè nếu tệp kết quả đã có.

Tuỳ chọn của package:
  --data SAOLUU.json   Tệp sao lưu của đơn vị (bắt buộc).
  --out TỆP            export: gói sẽ ghi (.ocop); merge: tệp sao lưu sẽ ghi (.json) (bắt buộc).
  --since GÓI.ocop     export: chỉ gồm các thay đổi kể từ gói này (gói đơn vị đã gửi trước đó).
  --include-held       export: gồm cả bản ghi đơn vị đã nhận của các xã, phường, để chuyển lên.
  --package GÓI.ocop   merge: gói dữ liệu nhận được (bắt buộc).
  --no-links           merge: không liên kết với bản ghi đã có; mọi bản ghi của gói là mới.
  --json               merge: in kết quả dưới dạng một đối tượng JSON.
  -f, --force          Ghi đè nếu tệp kết quả đã có.

  -h, --help           In hướng dẫn này.

Ví dụ:
  npm run ocop -- check danh-sach-xa.xlsx --units don-vi.csv
  npm run -s ocop -- check danh-sach-xa.xlsx --sheet "Dữ liệu" --json > ket-qua.json
  npm run ocop -- template mau-nhap-san-pham-ocop.xlsx
  npm run ocop -- demo --out so-thuc-hanh.json
  npm run ocop -- round sheets --data so-thuc-hanh.json --round demo-round-2020 --out phieu-cham
  npm run ocop -- round results --data so-thuc-hanh.json --round demo-round-2020 --sheets phieu-cham
  npm run ocop -- report products --data sao-luu.json --out bao-cao.docx --date 31/12/2020
  npm run ocop -- report products --data sao-luu.json --out danh-sach.xlsx --by units
  npm run ocop -- report plan --data sao-luu.json --out ket-qua.docx --plan "2019-2020" \\
                   --number 05 --signed 05/01/2021
  npm run ocop -- report revocations --data sao-luu.json --out thu-hoi.docx --decision 125/QĐ-UBND
  npm run ocop -- package export --data sao-luu.json --out cam-xa.ocop
  npm run ocop -- package export --data sao-luu.json --out cam-xa-2.ocop --since cam-xa.ocop
  npm run ocop -- package merge --data so-huyen.json --package cam-xa.ocop --out so-huyen-moi.json
`

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
      case 'demo':
        onlyFor('demo', values, ['out', 'force'])
        return await runDemo(rest, values)
      case 'report':
        onlyFor('report', values, [
          'data',
          'out',
          'date',
          'signed',
          'from',
          'to',
          'plan',
          'by',
          'group',
          'number',
          'decision',
          'force',
        ])
        return await runReport(rest, values)
      case 'round':
        onlyFor('round', values, ['data', 'round', 'out', 'sheets', 'json', 'force'])
        return await runRound(rest, values)
      case 'package':
        onlyFor('package', values, [
          'data',
          'out',
          'since',
          'include-held',
          'package',
          'no-links',
          'json',
          'force',
        ])
        return await runPackage(rest, values)
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
      data: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      plan: { type: 'string' },
      by: { type: 'string' },
      group: { type: 'string' },
      number: { type: 'string' },
      decision: { type: 'string' },
      signed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      round: { type: 'string' },
      sheets: { type: 'string' },
      since: { type: 'string' },
      'include-held': { type: 'boolean' },
      package: { type: 'string' },
      'no-links': { type: 'boolean' },
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
  await checkCommand({
    file: resolve(base, args[0]),
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
    ...(values.units === undefined ? {} : { unitsCsv: resolve(base, values.units) }),
    json: values.json === true,
    output: process.stdout,
    // Progress goes to stderr only for a person: a script reading --json wants quiet stderr too.
    ...(values.json === true ? {} : { onProgress: reportProgress }),
  })
  return EXIT_OK
}

async function runReport(args: string[], values: Options): Promise<number> {
  const kinds = REPORT_COMMAND_KINDS.join(', ')
  if (args.length !== 1 || !args[0]) {
    throw new UsageError(`lệnh "report" cần đúng một loại báo cáo (${kinds}).`)
  }
  const kind = args[0]
  if (!isReportKind(kind)) {
    throw new UsageError(`không có loại báo cáo "${kind}"; hãy chọn một trong: ${kinds}.`)
  }
  if (values.data === undefined || values.data.trim() === '') {
    throw new UsageError('lệnh "report" cần --data với tệp sao lưu, ví dụ: --data sao-luu.json.')
  }
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError('lệnh "report" cần --out với tệp kết quả, ví dụ: --out bao-cao.xlsx.')
  }
  const format = extname(values.out).toLowerCase()
  if (format !== '.xlsx' && format !== '.docx') {
    throw new UsageError(
      `tệp kết quả "${values.out}" phải có đuôi .docx (Word) hoặc .xlsx (Excel).`,
    )
  }
  if ((values.from !== undefined || values.to !== undefined) && kind !== 'changes') {
    throw new UsageError('--from và --to chỉ dùng cho báo cáo changes.')
  }
  if (values.to !== undefined && values.date !== undefined && values.to !== values.date) {
    throw new UsageError('--to và --date là một ngày; hãy ghi một lần.')
  }
  const revocations = kind === 'revocations'
  if (revocations && values.date !== undefined) {
    throw new UsageError(
      '--date không dùng cho báo cáo revocations: văn bản thu hồi lấy ngày của quyết định; chọn quyết định bằng --decision.',
    )
  }
  if (values.decision !== undefined && !revocations) {
    throw new UsageError('--decision chỉ dùng cho báo cáo revocations.')
  }
  if (values.decision !== undefined && values.decision.trim() === '') {
    throw new UsageError('--decision cần số của quyết định thu hồi, ví dụ: --decision 125/QĐ-UBND.')
  }
  const date = dateOption(values.to === undefined ? '--date' : '--to', values.to ?? values.date)
  // A Tờ trình thu hồi is dated as the decision it asks for unless --signed says otherwise.
  const signedOn =
    revocations && values.signed === undefined ? undefined : dateOption('--signed', values.signed)
  const from = values.from === undefined ? undefined : dateOption('--from', values.from)
  if (from !== undefined && from >= date) {
    throw new UsageError(`--from (${values.from}) phải trước ngày cuối của báo cáo.`)
  }
  if (values.plan !== undefined && kind !== 'plan') {
    throw new UsageError('--plan chỉ dùng cho báo cáo plan.')
  }
  if (values.plan !== undefined && values.plan.trim() === '') {
    throw new UsageError('--plan cần mã hoặc tên kế hoạch.')
  }
  if (values.by !== undefined && values.group !== undefined && values.by !== values.group) {
    throw new UsageError('--by và --group là một tuỳ chọn; hãy ghi một lần.')
  }
  const by = values.by ?? values.group
  const byName = values.by === undefined && values.group !== undefined ? '--group' : '--by'
  if (by !== undefined && kind !== 'products') {
    throw new UsageError(`${byName} chỉ dùng cho báo cáo products.`)
  }
  if (by !== undefined && !(GROUPINGS as readonly string[]).includes(by)) {
    throw new UsageError(
      `${byName} phải là stars (theo hạng sao), units (theo xã, phường) hoặc office (theo đơn vị gửi).`,
    )
  }
  const docNumber = values.number?.trim() ?? ''
  if (!/^[0-9A-Za-z.-]{0,20}$/.test(docNumber)) {
    throw new UsageError(
      `--number "${values.number}" không phải là số văn bản, ví dụ: --number 05.`,
    )
  }
  const base = process.env.INIT_CWD ?? process.cwd()
  const target = resolve(base, values.out)
  const force = values.force === true
  await checkTarget(target, force)

  const { model, missingOffice } = await loadReportModel({
    kind,
    dataFile: resolve(base, values.data),
    date,
    ...(signedOn === undefined ? {} : { signedOn }),
    docNumber,
    ...(values.decision === undefined ? {} : { decision: values.decision }),
    ...(from === undefined ? {} : { from }),
    ...(values.plan === undefined ? {} : { plan: values.plan }),
    ...(by === undefined ? {} : { grouping: by as Grouping }),
  })
  if (missingOffice.length > 0) {
    process.stderr.write(
      `Lưu ý: Cài đặt trong tệp dữ liệu chưa có ${missingOffice.join(', ')}; báo cáo để trống các chỗ đó.\n`,
    )
  }
  const runner = createThreadJobRunner(defaultWorkerFile())
  try {
    const { bytes } =
      format === '.docx'
        ? await runner.run('report-docx', { model }, reportProgress)
        : await runner.run('report-xlsx', { model }, reportProgress)
    await writeOutput(target, bytes, force)
    process.stdout.write(`Đã ghi báo cáo vào ${target} (${formatSize(bytes.byteLength)}).\n`)
    return EXIT_OK
  } finally {
    await runner.close()
  }
}

async function runRound(args: string[], values: Options): Promise<number> {
  const [what, ...extra] = args
  if ((what !== 'sheets' && what !== 'results') || extra.length > 0) {
    throw new UsageError(
      'lệnh "round" cần đúng một việc: sheets (ghi phiếu chấm) hoặc results (in kết quả).',
    )
  }
  if (values.data === undefined || values.data.trim() === '') {
    throw new UsageError('lệnh "round" cần --data với tệp sao lưu, ví dụ: --data sao-luu.json.')
  }
  if (values.round === undefined || values.round.trim() === '') {
    throw new UsageError('lệnh "round" cần --round với mã hoặc tên đợt đánh giá.')
  }
  const base = process.env.INIT_CWD ?? process.cwd()
  if (what === 'sheets') {
    onlyIn('round results', 'sheets', values.sheets)
    onlyIn('round results', 'json', values.json)
    if (values.out === undefined || values.out.trim() === '') {
      throw new UsageError(
        'round sheets cần --out với thư mục sẽ ghi phiếu chấm, ví dụ: --out phieu-cham.',
      )
    }
    const folder = resolve(base, values.out)
    const force = values.force === true
    const loaded = await loadRound(resolve(base, values.data), values.round.trim())
    await makeFolder(folder)
    const files = await roundSheets(loaded)
    const targets = files.map((file) => join(folder, file.name))
    // Every name is checked before the first is written, so a refusal leaves no half set.
    for (const target of targets) await checkTarget(target, force)
    for (const [i, file] of files.entries()) {
      await writeOutput(targets[i]!, await file.write(), force)
      reportProgress({ stage: `Phiếu chấm của ${file.member}`, done: i + 1, total: files.length })
    }
    process.stdout.write(
      `Đã ghi ${files.length} phiếu chấm của ${loaded.bundle.members.length} thành viên vào ${folder}.\n`,
    )
    return EXIT_OK
  }
  onlyIn('round sheets', 'out', values.out)
  onlyIn('round sheets', 'force', values.force)
  if (values.sheets !== undefined && values.sheets.trim() === '') {
    throw new UsageError('--sheets cần thư mục các phiếu chấm đã điền, ví dụ: --sheets phieu-cham.')
  }
  const loaded = await loadRound(resolve(base, values.data), values.round.trim())
  const bundle =
    values.sheets === undefined
      ? loaded.bundle
      : await withMemberWorkbooks(loaded, resolve(base, values.sheets))
  const results = roundResultsJson(loaded, bundle)
  process.stdout.write(
    values.json === true
      ? `${JSON.stringify(results, null, 2)}\n`
      : resultsTable(
          results,
          bundle.set.parts.map((part) => part.code),
          bundle.round.rules.decimals,
        ),
  )
  return EXIT_OK
}

async function runPackage(args: string[], values: Options): Promise<number> {
  const [what, ...extra] = args
  if ((what !== 'export' && what !== 'merge') || extra.length > 0) {
    throw new UsageError(
      'lệnh "package" cần đúng một việc: export (ghi gói dữ liệu) hoặc merge (nhận gói dữ liệu).',
    )
  }
  if (values.data === undefined || values.data.trim() === '') {
    throw new UsageError('lệnh "package" cần --data với tệp sao lưu, ví dụ: --data sao-luu.json.')
  }
  const extension = what === 'export' ? '.ocop' : '.json'
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError(
      `package ${what} cần --out với tệp sẽ ghi, ví dụ: --out ${what === 'export' ? 'cam-xa.ocop' : 'so-moi.json'}.`,
    )
  }
  if (extname(values.out).toLowerCase() !== extension) {
    throw new UsageError(`tệp kết quả "${values.out}" phải có đuôi ${extension}.`)
  }
  const base = process.env.INIT_CWD ?? process.cwd()
  const target = resolve(base, values.out)
  const force = values.force === true
  const now = new Date().toISOString()
  if (what === 'export') {
    onlyIn('package merge', 'package', values.package)
    onlyIn('package merge', 'no-links', values['no-links'])
    onlyIn('package merge', 'json', values.json)
    if (values.since !== undefined && values.since.trim() === '') {
      throw new UsageError('--since cần tên gói đã gửi trước đó, ví dụ: --since cam-xa.ocop.')
    }
    await checkTarget(target, force)
    const exported = await exportPackage({
      dataFile: resolve(base, values.data),
      ...(values.since === undefined ? {} : { sinceFile: resolve(base, values.since) }),
      includeHeld: values['include-held'] === true,
      now,
      packageId: crypto.randomUUID(),
    })
    await writeOutput(target, exported.bytes, force)
    process.stdout.write(
      `Đã ghi gói dữ liệu vào ${target} (${formatSize(exported.bytes.byteLength)}).\n${exportSummary(exported)}`,
    )
    return EXIT_OK
  }
  onlyIn('package export', 'since', values.since)
  onlyIn('package export', 'include-held', values['include-held'])
  if (values.package === undefined || values.package.trim() === '') {
    throw new UsageError(
      'package merge cần --package với gói nhận được, ví dụ: --package cam-xa.ocop.',
    )
  }
  await checkTarget(target, force)
  const { report, backup } = await mergePackage({
    dataFile: resolve(base, values.data),
    packageFile: resolve(base, values.package),
    links: values['no-links'] !== true,
    now,
  })
  await writeOutput(target, backupFilePieces(backup), force)
  process.stdout.write(
    values.json === true
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${mergeSummary(report)}Đã ghi sổ sau khi nhận gói vào ${target}.\n`,
  )
  return EXIT_OK
}

/** Refuses an option of another subcommand: "--json chỉ dùng cho round results." */
function onlyIn(command: string, option: string, used: unknown): void {
  if (used !== undefined) throw new UsageError(`--${option} chỉ dùng cho ${command}.`)
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    throw new AppError({ code: 'cli.folder-missing', params: { folder }, cause: String(error) })
  }
}

/** A date option as ISO (today when absent); a usage error naming the option when not a date. */
function dateOption(name: string, value: string | undefined): string {
  const date = value === undefined ? todayIso() : parseReportDate(value)
  if (date === null) {
    throw new UsageError(
      `${name} "${value}" không phải là một ngày; hãy ghi dạng dd/mm/yyyy (31/12/2020) hoặc YYYY-MM-DD.`,
    )
  }
  return date
}

async function runDemo(args: string[], values: Options): Promise<number> {
  if (args.length > 0) throw new UsageError('lệnh "demo" không nhận tên tệp ở đây; hãy dùng --out.')
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError(
      'lệnh "demo" cần --out với tệp sao lưu sẽ ghi, ví dụ: --out so-thuc-hanh.json.',
    )
  }
  if (extname(values.out).toLowerCase() !== '.json') {
    throw new UsageError(`tệp kết quả "${values.out}" phải có đuôi .json (tệp sao lưu).`)
  }
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  const force = values.force === true
  await checkTarget(target, force)
  const content = await demoBackup(new Date().toISOString())
  await writeOutput(target, new TextEncoder().encode(content), force)
  process.stdout.write(
    `Đã ghi sổ thực hành Mỹ Hào vào ${target}. Thử: npm run ocop -- report plan --data ${values.out} --out ket-qua.docx --date 31/12/2020\n`,
  )
  return EXIT_OK
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
      params: { folder: dirname(target) },
      cause: String(error),
    })
  }
}

async function writeOutput(
  target: string,
  bytes: Uint8Array | Iterable<string>,
  force: boolean,
): Promise<void> {
  try {
    // 'wx' fails if the file appeared meanwhile, so a clerk's file is never replaced by accident.
    await writeFile(target, bytes, { flag: force ? 'w' : 'wx' })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw alreadyExists(target)
    throw new AppError({
      code: 'cli.write-failed',
      params: { file: target },
      cause: String(error),
    })
  }
}

function alreadyExists(target: string): AppError {
  return new AppError({ code: 'cli.file-exists', params: { file: target } })
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
