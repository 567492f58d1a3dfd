/** The catalogue in Vietnamese: what happened, where, and what to do next. */
import type { BackupKind } from '../ipc/contract'
import type { ChangeBatchKind } from '../db/records'
import type {
  BackupSubject,
  ChangeName,
  ErrorMessageParams,
  DefinitionLineKind,
  ExcelJobName,
  MessagesOf,
  MessageTable,
  NamedRecord,
  PackageErrorParams,
  PackageRefusalParams,
  PackageUnreadable,
  PayloadKind,
  PlanName,
  RoundErrorParams,
  RoundFileMessageParams,
  RoundName,
  UnitSuggestion,
  WorkbookFile,
  WorkbookUnreadable,
  RevocationName,
} from './catalogue'
import type { SheetPlace } from '../rounds/sheets'
import { count, megabytes, moment } from './numbers'
import { formatViDate } from '../dates'
import type { ClosingProblem, CouncilLevel } from '../rounds/closing'

/** 72.5 → '72,5', 60 → '60,0': scores as a score sheet writes them. */
function decimal(n: number): string {
  return (Number.isInteger(n) ? n.toFixed(1) : String(n)).replace('.', ',')
}

const mb = (bytes: number): string => megabytes(bytes, 'vi')

const names = (units: readonly UnitSuggestion[]): string => units.map((u) => u.name).join('; ')

const RECORD_NOUNS: Readonly<Record<string, string>> = {
  units: 'đơn vị',
  producers: 'chủ thể',
  products: 'sản phẩm',
  evaluations: 'kết quả đánh giá',
  criteriaSets: 'bộ tiêu chí',
  plans: 'kế hoạch',
  planTargets: 'chỉ tiêu kế hoạch',
  settings: 'thông tin cơ quan',
  setAside: 'bản ghi trong danh sách Cần xử lý',
  scoringSheets: 'phiếu chấm',
  rounds: 'đợt đánh giá',
  roundMembers: 'thành viên Hội đồng',
  roundEntries: 'sản phẩm đăng ký đánh giá',
  roundScores: 'điểm chấm',
  offices: 'đơn vị trao đổi',
  packages: 'gói dữ liệu',
}

/** 'sản phẩm "Gà Đông Tảo"': a record by what it is and its name. */
const named = (record: NamedRecord): string => {
  const noun = RECORD_NOUNS[record.table] ?? 'bản ghi'
  return record.name === '' ? noun : `${noun} "${record.name}"`
}

/** ' (Sửa sản phẩm Gà Đông Tảo, lúc 14:05 12/03/2025)': the change that did it, when known. */
const byChange = (change: ChangeName | null): string =>
  change === null ? '' : ` (${change.summary}, lúc ${moment(change.at, 'vi')})`

/** "Nhập tệp …" as it reads inside a sentence: "nhập tệp …". */
const lowerFirst = (label: string): string =>
  label.charAt(0).toLocaleLowerCase('vi') + label.slice(1)

function undoRefusal(params: ErrorMessageParams['batch.undo.refused']): string {
  if (params.reason === 'not-found') {
    return 'Không hoàn tác được: không tìm thấy việc này trong lịch sử.'
  }
  const refused = `Không hoàn tác được việc ${lowerFirst(params.label)}: `
  switch (params.reason) {
    case 'already-undone':
      return `${refused}việc này đã được hoàn tác rồi.`
    case 'evaluated-later':
      return `${refused}${named(params.record)} do việc này thêm vào đã có kết quả đánh giá được thêm sau đó${byChange(params.later)}. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi (hoặc xóa kết quả đánh giá đó), rồi hoàn tác lại.`
    case 'edited-later':
      return `${refused}${named(params.record)} đã được sửa sau đó${byChange(params.later)}. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi (hoặc sửa tay), rồi hoàn tác lại.`
    case 'product-added-later':
      return `${refused}chủ thể do việc này thêm vào đã có ${named(params.record)} được thêm sau đó${byChange(params.later)}. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi (hoặc chuyển sản phẩm sang chủ thể khác), rồi hoàn tác lại.`
    case 'referred-later':
      return `${refused}${named(params.record)} do việc này thêm vào đã được ${named(params.by)} dùng đến sau đó${byChange(params.later)}. Hãy hoàn tác thay đổi đó ở Lịch sử thay đổi, rồi hoàn tác lại.`
  }
}

/** Where a change batch of `kind` is undone as a whole. */
const BATCH_PLACE: Record<ChangeBatchKind, string> = {
  import: 'mục Nhập dữ liệu (Lịch sử nhập)',
  'round-scores': 'trang của đợt đánh giá',
  'round-close': 'trang của đợt đánh giá',
  'round-decision': 'trang của đợt đánh giá',
  'package-merge': 'mục Trao đổi dữ liệu (Nhận dữ liệu)',
  revocation: 'mục Thu hồi giấy chứng nhận (Xếp hạng sao, thẻ Giấy chứng nhận)',
}

function revertRefusal(params: ErrorMessageParams['history.revert.refused']): string {
  switch (params.reason) {
    case 'not-found':
      return 'Không hoàn tác được thay đổi này: không còn thấy nó trong lịch sử thay đổi.'
    case 'no-images':
      return 'Không hoàn tác được thay đổi này: dòng lịch sử không lưu bản ghi trước và sau khi thay đổi. Nếu cần, hãy sửa tay.'
    case 'in-batch':
      return `Thay đổi này thuộc việc ${lowerFirst(params.label)}: việc đó chỉ hoàn tác được cả lần, ở ${BATCH_PLACE[params.kind]}.`
    case 'changed-later':
      return `Không hoàn tác được thay đổi này: ${named(params.record)} đã được thay đổi sau đó${byChange(params.later)}. Hãy hoàn tác thay đổi sau đó trước (hoặc sửa tay). Dữ liệu không bị thay đổi.`
    case 'referred':
      return `Không hoàn tác được thay đổi này: hoàn tác sẽ xóa ${named(params.record)}, nhưng ${named(params.by)} đang tham chiếu tới nó. Hãy hoàn tác việc thêm ${named(params.by)} (hoặc xóa, chuyển nó) trước. Dữ liệu không bị thay đổi.`
    case 'missing-reference':
      return `Không hoàn tác được thay đổi này: ${named(params.record)} tham chiếu tới ${named(params.missing)}, nay không còn trong dữ liệu. Hãy khôi phục ${named(params.missing)} trước. Dữ liệu không bị thay đổi.`
  }
}

function setAsideRefusal(params: ErrorMessageParams['set-aside.refused']): string {
  const { label } = params
  switch (params.reason) {
    case 'gone':
      return `"${label}" không còn trong danh sách Cần xử lý.`
    case 'still-missing': {
      const ids = params.ids.map((id) => `"${id}"`).join(', ')
      return `"${label}" vẫn tham chiếu tới bản ghi chưa có trong dữ liệu (${ids}). Hãy khôi phục hoặc đưa trở lại bản ghi đó trước, hoặc xóa "${label}".`
    }
    case 'id-taken':
      return `Dữ liệu đã có một bản ghi cùng mã với "${label}". Hãy xóa "${label}" khỏi danh sách Cần xử lý nếu không còn cần.`
  }
}

/** A commune file, and its sheet when the problem is in one. */
const fileAndSheet = (file: string, sheet?: string): string =>
  sheet === undefined ? `Tệp "${file}"` : `Tệp "${file}", trang "${sheet}"`

const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  auto: 'tự động hằng ngày',
  'pre-restore': 'trước khi khôi phục',
  'pre-upgrade': 'trước khi nâng cấp',
  manual: 'thủ công',
}

const backupSubject = (subject: BackupSubject): string =>
  'file' in subject ? `Tệp "${subject.file}"` : `Bản sao lưu ${BACKUP_KIND_LABELS[subject.writing]}`

/** What the clerk does next: choose another file to restore, or back up again. */
const backupNextStep = (subject: BackupSubject): string =>
  'file' in subject
    ? 'Dữ liệu hiện tại chưa bị thay đổi. Hãy chọn một tệp sao lưu khác (tệp .json do OCOP Desk tạo ra).'
    : 'Chưa ghi tệp nào; dữ liệu trong ứng dụng vẫn nguyên vẹn. Hãy thử sao lưu lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.'

/** The backup's subject, what is wrong with it, and what to do next, as one message. */
const aboutBackup = (subject: BackupSubject, problem: string): string =>
  `${backupSubject(subject)} ${problem} ${backupNextStep(subject)}`

function backupCorruption(params: ErrorMessageParams['backup.corrupt']): string {
  switch (params.problem) {
    case 'unreadable':
      return aboutBackup(params.subject, 'bị hỏng hoặc bị cắt dở nên không đọc được.')
    case 'no-tables':
      return aboutBackup(params.subject, 'thiếu phần dữ liệu.')
    case 'missing-table':
      return aboutBackup(params.subject, `thiếu bảng "${params.table}".`)
  }
}

const REQUEST_REFUSED =
  'Yêu cầu gửi tới phần xử lý của ứng dụng không hợp lệ nên đã bị từ chối. Dữ liệu không bị thay đổi.'

function payloadTooLarge(payload: PayloadKind, maxBytes: number): string {
  const limit = mb(maxBytes)
  const sendLog =
    'Dữ liệu trong ứng dụng vẫn nguyên vẹn. Hãy gửi nhật ký cho bộ phận kỹ thuật để được hỗ trợ.'
  switch (payload) {
    case 'import-file':
      return `Tệp cần nhập lớn hơn ${limit} MB nên không được đọc. Hãy xóa các trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại. Dữ liệu không bị thay đổi.`
    case 'backup':
      return `Bản sao lưu lớn hơn ${limit} MB nên không được ghi. ${sendLog}`
    case 'saved-file':
      return `Tệp cần lưu lớn hơn ${limit} MB nên không được lưu. ${sendLog}`
    case 'chart-image':
      return `Hình biểu đồ lớn hơn ${limit} MB nên báo cáo không được tạo. Hãy thu nhỏ cửa sổ rồi xuất lại báo cáo.`
    case 'request':
      return `Yêu cầu gửi tới phần xử lý của ứng dụng lớn hơn ${limit} MB nên đã bị từ chối. Dữ liệu không bị thay đổi.`
    case 'package-file':
      return `Gói dữ liệu lớn hơn ${limit} MB nên không được đọc. Đề nghị đơn vị gửi chia thành các gói thay đổi nhỏ hơn. Dữ liệu không bị thay đổi.`
    case 'member-workbooks':
      return `Các tệp phiếu chấm đã chọn cộng lại lớn hơn ${limit} MB nên không được đọc. Hãy chọn ít tệp hơn mỗi lần (ví dụ từng thành viên) rồi nhập lại. Dữ liệu không bị thay đổi.`
  }
}

const SEND_LOG = 'hãy gửi nhật ký cho bộ phận kỹ thuật.'
const TRY_AGAIN = `Hãy thử lại; nếu lỗi lặp lại, ${SEND_LOG}`

/** Each Excel job as a clerk knows it, and what to do when it took too long. */
const TIMED_OUT_JOBS: Record<ExcelJobName, { work: string; advice: string }> = {
  'import-check': {
    work: 'Việc đọc tệp cần nhập',
    advice:
      'Hãy mở tệp bằng Excel, xóa các trang tính và cột không cần, lưu lại dưới dạng .xlsx rồi nhập lại; nếu vẫn quá lâu, hãy tách danh sách thành nhiều tệp nhỏ hơn.',
  },
  'import-template': {
    work: 'Việc tạo tệp mẫu nhập liệu',
    advice: `Hãy đóng bớt các chương trình đang mở rồi tải lại tệp mẫu; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'report-xlsx': {
    work: 'Việc xuất báo cáo ra Excel',
    advice: `Hãy đóng bớt các chương trình đang mở rồi xuất lại; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'report-docx': {
    work: 'Việc xuất báo cáo ra Word',
    advice: `Hãy đóng bớt các chương trình đang mở rồi xuất lại; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'backup-check': {
    work: 'Việc kiểm tra bản sao lưu',
    advice: `Chưa ghi tệp nào. Hãy đóng bớt các chương trình đang mở rồi sao lưu lại; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'member-workbooks-write': {
    work: 'Việc lưu phiếu chấm cho các thành viên',
    advice: `Hãy đóng bớt các chương trình đang mở rồi lưu lại; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'member-workbooks-read': {
    work: 'Việc đọc phiếu chấm của các thành viên',
    advice: 'Chưa nhập điểm nào. Hãy chọn ít tệp hơn mỗi lần (ví dụ từng thành viên) rồi nhập lại.',
  },
  'sheet-template': {
    work: 'Việc tạo tệp mẫu khai báo phiếu chấm',
    advice: `Hãy đóng bớt các chương trình đang mở rồi tải lại tệp mẫu; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
  'sheet-definition-read': {
    work: 'Việc đọc tệp khai báo phiếu chấm',
    advice:
      'Chưa nạp phiếu chấm nào. Hãy mở tệp bằng Excel, xóa các trang và dòng không cần, lưu lại rồi nạp lại.',
  },
  'package-read': {
    work: 'Việc đọc và kiểm tra gói dữ liệu',
    advice: `Chưa có gì được ghi. Hãy đóng bớt các chương trình đang mở rồi nhận lại gói; nếu lỗi lặp lại, ${SEND_LOG}`,
  },
}
const TIMED_OUT_OTHER = { work: 'Việc xử lý Excel', advice: TRY_AGAIN }

/** One plan a line, with its id first: what `--plan` accepts. */
const planList = (plans: readonly PlanName[]): string =>
  plans.map((p) => `  ${p.id}  ${p.name}`).join('\n')

/** One decision a line, its number first: what `--decision` accepts. */
const revocationList = (decisions: readonly RevocationName[]): string =>
  decisions.map((d) => `  ${d.number}  ngày ${d.date}`).join('\n')

/** One round a line, with its id first: what `--round` accepts. */
const roundList = (rounds: readonly RoundName[]): string =>
  rounds.map((r) => `  ${r.id}  ${r.name} (năm ${r.year})`).join('\n')

const unitsList = (file: string, line: number): string => `Danh sách đơn vị "${file}", dòng ${line}`

/** A council level inside a sentence: "của cấp tỉnh". */
const LEVELS: Record<CouncilLevel, string> = {
  xa: 'cấp xã',
  huyen: 'cấp huyện',
  tinh: 'cấp tỉnh',
  'trung-uong': 'Trung ương',
}

const UNCHANGED = 'Dữ liệu không bị thay đổi.'

const productList = (products: readonly string[]): string =>
  products.map((product) => `"${product}"`).join(', ')

/** What keeps one product from closing, and what to do about it. */
function closingProblem(problem: ClosingProblem): string {
  switch (problem.code) {
    case 'no-result':
      return 'chưa thành viên nào chấm đủ các phần, hãy nhập điểm'
    case 'missing':
      return `${problem.members.join(', ')} chưa chấm đủ các phần, hãy nhập đủ điểm`
    case 'no-quorum':
      return `mới có ${problem.scored} thành viên chấm đủ, cần ít nhất ${problem.required} thành viên`
    case 'no-chair':
      return 'Chủ tịch Hội đồng chưa chấm'
    case 'spread':
      return `điểm của các thành viên chênh nhau ${count(problem.difference, 'vi')} điểm, quá ${count(problem.max, 'vi')} điểm cho phép: Hội đồng thảo luận và chấm lại (nhập lần chấm sau)`
    case 'no-reason':
      return `Hội đồng đề nghị ${problem.proposed} sao, khác ${problem.computed} sao theo điểm, nhưng chưa ghi lý do: hãy ghi lý do hoặc đề nghị theo điểm`
    case 'dossier-incomplete':
      return `hồ sơ còn thiếu ${problem.missing.join(', ')} mà chưa ghi lý do vẫn chấm: hãy cập nhật hồ sơ hoặc ghi lý do`
  }
}

/** Closing a round, entering the decisions on its products, and reopening it. */
const ROUND_MESSAGES: {
  [C in keyof RoundErrorParams]: (params: RoundErrorParams[C]) => string
} = {
  'round.not-found': () =>
    `Không tìm thấy đợt đánh giá này trong dữ liệu (có thể đã bị xóa, hoặc dữ liệu vừa được khôi phục). Hãy mở lại danh sách đợt đánh giá. ${UNCHANGED}`,
  'round.close.refused': (params) => {
    switch (params.reason) {
      case 'closed':
        return `Đợt "${params.round}" đã đóng rồi. ${UNCHANGED}`
      case 'empty':
        return `Đợt "${params.round}" chưa có sản phẩm nào nên chưa đóng được. Hãy thêm sản phẩm và nhập điểm trước. ${UNCHANGED}`
      case 'not-ready': {
        const products = params.products.map(
          ({ product, problems }) =>
            `Sản phẩm "${product}": ${problems.map(closingProblem).join('; ')}.`,
        )
        return `Chưa đóng được đợt "${params.round}". ${products.join(' ')} ${UNCHANGED}`
      }
    }
  },
  'round.decision.invalid': (params) => {
    switch (params.problem) {
      case 'no-number':
        return `Chưa ghi số quyết định cho đợt "${params.round}". Hãy ghi số quyết định, ví dụ 1358/QĐ-UBND. ${UNCHANGED}`
      case 'bad-date':
        return `Ngày quyết định "${params.date}" không phải là ngày. Hãy chọn ngày ký quyết định. ${UNCHANGED}`
      case 'before-meeting':
        return `Ngày quyết định ${formatViDate(params.date)} trước ngày họp Hội đồng của đợt "${params.round}" (${formatViDate(params.meetingDate)}). Hãy kiểm tra lại ngày ký quyết định. ${UNCHANGED}`
    }
  },
  'round.decision.refused': (params) => {
    switch (params.reason) {
      case 'not-closed':
        return `Đợt "${params.round}" chưa đóng nên chưa nhập được quyết định. Hãy đóng đợt trước. ${UNCHANGED}`
      case 'no-lines':
        return `Quyết định chưa có sản phẩm nào. Hãy chọn các sản phẩm của đợt "${params.round}" mà quyết định công nhận hoặc không công nhận. ${UNCHANGED}`
      case 'not-awaiting':
        return `Sản phẩm ${productList(params.products)} của đợt "${params.round}" không chờ quyết định của ${LEVELS[params.level]} (đã có kết quả, hoặc được đề nghị lên cấp khác). Hãy bỏ các sản phẩm đó khỏi quyết định. ${UNCHANGED}`
      case 'not-its-rank':
        return `Sản phẩm ${productList(params.products)}: theo bộ tiêu chí của đợt, hạng sao ghi cho sản phẩm không thuộc thẩm quyền công nhận của ${LEVELS[params.level]}. Hãy nhập quyết định của cấp có thẩm quyền, hoặc sửa hạng sao. ${UNCHANGED}`
      case 'twice':
        return `Sản phẩm ${productList(params.products)} được ghi hai lần trong quyết định. Hãy để mỗi sản phẩm một dòng. ${UNCHANGED}`
      case 'bad-stars':
        return `Sản phẩm ${productList(params.products)}: quyết định chỉ công nhận từ 3 đến 5 sao. Hãy sửa hạng sao, hoặc ghi là không công nhận. ${UNCHANGED}`
      case 'unknown-entries':
        return `Quyết định có ${params.entryIds.length} dòng không thuộc sản phẩm nào của đợt "${params.round}" (sản phẩm có thể đã bị bỏ khỏi đợt). Hãy mở lại trang của đợt rồi nhập lại quyết định. ${UNCHANGED}`
    }
  },
  'revocation.refused': (params) => {
    switch (params.reason) {
      case 'no-number':
        return `Chưa ghi số quyết định thu hồi. Hãy ghi số quyết định, ví dụ 12/QĐ-UBND. ${UNCHANGED}`
      case 'bad-date':
        return `Ngày quyết định thu hồi "${params.date}" không phải là ngày. Hãy chọn ngày ký quyết định. ${UNCHANGED}`
      case 'no-lines':
        return `Quyết định thu hồi số ${params.number} chưa có giấy chứng nhận nào. Hãy lập dự thảo hoặc thêm sản phẩm cần thu hồi. ${UNCHANGED}`
      case 'no-signer':
        return `Quyết định thu hồi số ${params.number} do cấp trên ký nhưng chưa ghi cơ quan ký. Hãy ghi tên cơ quan ký, ví dụ Ủy ban nhân dân tỉnh Hưng Yên: tờ trình gửi đúng cơ quan đó. ${UNCHANGED}`
      case 'twice':
        return `Sản phẩm ${productList(params.products)} được ghi hai lần trong quyết định thu hồi số ${params.number}. Hãy để mỗi sản phẩm một dòng. ${UNCHANGED}`
      case 'no-certificate':
        return `Sản phẩm ${productList(params.products)} không có giấy chứng nhận OCOP (3-5 sao, có quyết định công nhận) để thu hồi, hoặc kết quả đánh giá đó không còn trong sổ. Hãy bỏ các sản phẩm đó khỏi quyết định số ${params.number}. ${UNCHANGED}`
      case 'certified-later':
        return `Sản phẩm ${productList(params.products)} được công nhận sau ngày ${formatViDate(params.date)} của quyết định thu hồi số ${params.number}. Hãy kiểm tra ngày quyết định, hoặc bỏ các sản phẩm đó. ${UNCHANGED}`
      case 'already-revoked':
        return `Giấy chứng nhận của ${params.revoked.map((r) => `"${r.product}" đã bị thu hồi theo Quyết định số ${r.number} ngày ${formatViDate(r.date)}`).join('; ')}. Hãy bỏ các sản phẩm đó khỏi quyết định số ${params.number}. ${UNCHANGED}`
      case 'bad-days':
        return `Số ngày "${params.days}" không dùng được. Hãy ghi một số nguyên từ 0 đến 3650. ${UNCHANGED}`
    }
  },
  'round.reopen.refused': (params) =>
    params.reason === 'not-closed'
      ? `Đợt "${params.round}" đang mở, không cần mở lại. ${UNCHANGED}`
      : `Chưa mở lại được đợt "${params.round}": Quyết định số ${params.decisionNo} ngày ${formatViDate(params.decisionDate)} của ${LEVELS[params.level]} đã được nhập theo kết quả của đợt. Hãy hoàn tác quyết định trước (ở trang của đợt đánh giá), rồi mở lại đợt. ${UNCHANGED}`,
  'round.scores.refused': (params) => {
    const round = `đợt "${params.round}"`
    switch (params.reason) {
      case 'closed':
        return `${workbook(params)} chưa được nhập: ${round} đã đóng. Muốn nhập, hãy mở lại đợt ở thẻ Đóng đợt (hoàn tác việc đóng đợt) rồi nhập lại tệp. ${UNCHANGED}`
      case 'not-this-round':
        return `${workbook(params)} không phải phiếu chấm của ${round} nên không được nhập. Hãy chọn phiếu chấm đã lưu từ trang của ${round}. ${UNCHANGED}`
      case 'member-unknown':
        return `${workbook(params)} là phiếu của một thành viên không còn trong Hội đồng của ${round} nên không được nhập. Nếu thành viên đó được thêm lại, hãy lưu phiếu chấm mới cho thành viên, chép điểm sang rồi nhập tệp mới. ${UNCHANGED}`
      case 'product-unknown':
        return `${workbook(params)} có trang chấm một sản phẩm không còn trong ${round} (sản phẩm vừa bị bỏ khỏi đợt sau khi đọc tệp) nên chưa được nhập. Hãy chọn lại tệp để đọc lại. ${UNCHANGED}`
    }
  },
  'round.scores.stale': (params) =>
    `${workbook(params)} (phiếu chấm của ${params.member}) chưa được nhập: điểm hoặc sản phẩm của đợt "${params.round}" đã thay đổi kể từ lúc xem trước (có người sửa điểm ở bảng điểm, hoặc vừa nhập một phiếu khác). Hãy xem lại bản xem trước rồi nhập lại. ${UNCHANGED}`,
}

/** How a sheet's points read in a sentence: 7.5 → '7,5'. */
const points = (n: number): string => count(n, 'vi')

/** 'Tệp "01-phieu-cham-an.xlsx" (trong "phieu-cham-dot-1.zip")': a member's workbook. */
const workbook = ({ file, archive }: WorkbookFile): string =>
  archive === null ? `Tệp "${file}"` : `Tệp "${file}" (trong "${archive}")`

const UNREADABLE: Record<WorkbookUnreadable, string> = {
  empty: 'rỗng (0 byte), không có gì để đọc.',
  'too-large': 'quá lớn so với một phiếu chấm nên không được đọc. Hãy kiểm tra đã chọn đúng tệp.',
  encrypted:
    'được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chọn lại tệp.',
  corrupt: 'bị hỏng hoặc chưa tải về đầy đủ nên không đọc được. Hãy xin lại tệp rồi chọn lại.',
  'other-format':
    'không phải sổ làm việc Excel (.xlsx) nên không đọc được. Nếu tệp đã được lưu sang định dạng khác (.xls, .ods, .csv …), hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu "Sổ làm việc Excel (*.xlsx)" rồi chọn lại tệp.',
}

/** 'phần A', 'mục A1', 'tiêu chí A1.1': the smallest place a sheet problem names. */
const place = (at: SheetPlace): string =>
  at.criterion !== undefined
    ? `tiêu chí ${at.criterion}`
    : at.section !== undefined
      ? `mục ${at.section}`
      : `phần ${at.part}`

/** The line each kind of line must stand under in the definition file. */
const PARENT_LINE: Record<DefinitionLineKind, string> = {
  Phần: '',
  Mục: 'Phần',
  'Tiêu chí': 'Mục',
  'Lựa chọn': 'Tiêu chí',
}

const FIX_AND_LOAD = 'Hãy sửa trong tệp khai báo rồi nạp lại.'
const IMPORT_AGAIN = 'rồi nhập lại tệp.'

const ROUND_FILE_MESSAGES: MessagesOf<RoundFileMessageParams> = {
  'member-workbook.unreadable': (params) => `${workbook(params)} ${UNREADABLE[params.reason]}`,
  'member-workbook.foreign': (params) =>
    `${workbook(params)} không phải phiếu chấm điểm do OCOP Desk lưu cho một thành viên hội đồng (không có phần ghi đợt đánh giá và thành viên) nên không được nhập. Hãy chọn tệp phiếu chấm đã lưu từ trang của đợt đánh giá; điểm chấm trên giấy hoặc tệp khác thì nhập vào bảng điểm.`,
  'member-workbook.other-round': (params) =>
    `${workbook(params)} là phiếu chấm của một đợt đánh giá khác nên không được nhập vào đợt này. Hãy chọn phiếu chấm của đúng đợt.`,
  'member-workbook.no-workbooks': ({ file }) =>
    `Tệp nén "${file}" không có phiếu chấm (.xlsx) nào. Hãy chọn tệp .zip đã lưu từ trang của đợt đánh giá, hoặc chọn thẳng các tệp .xlsx của thành viên.`,
  'member-workbook.sheet-missing': (params) =>
    `${workbook(params)} thiếu trang "${params.sheet}" nên điểm của sản phẩm trên trang đó chưa được nhập. Hãy dùng tệp phiếu chấm gốc (không xóa, không đổi tên trang) ${IMPORT_AGAIN}`,
  'member-workbook.sheet-changed': (params) =>
    `${workbook(params)}, trang "${params.sheet}": các dòng của trang không khớp phiếu chấm hiện nay của sản phẩm (trang đã bị sửa, hoặc phiếu chấm được nạp lại sau khi lưu phiếu cho thành viên) nên điểm của trang chưa được nhập. Hãy lưu lại phiếu chấm cho thành viên, chép điểm sang ${IMPORT_AGAIN}`,
  'member-workbook.product-unknown': (params) =>
    `${workbook(params)}, trang "${params.sheet}": sản phẩm của trang không còn trong đợt đánh giá nên điểm của trang không được nhập. Nếu sản phẩm vẫn được chấm, hãy thêm lại sản phẩm vào đợt ${IMPORT_AGAIN}`,
  'member-workbook.not-number': (params) =>
    `${workbook(params)}, trang "${params.sheet}", ô ${params.cell}: "${params.text}" không phải là số nên điểm này chưa được nhập. Hãy ghi điểm bằng số (ví dụ 7 hoặc 7,5) ${IMPORT_AGAIN}`,
  'member-workbook.out-of-range': (params) =>
    `${workbook(params)}, trang "${params.sheet}", ô ${params.cell}: điểm ${points(params.value)} nằm ngoài khoảng từ 0 đến ${points(params.max)} của dòng này nên chưa được nhập. Hãy sửa lại điểm ${IMPORT_AGAIN}`,
  'sheet-definition.unreadable': ({ file, reason }) =>
    `Tệp khai báo phiếu chấm "${file}" ${UNREADABLE[reason]}`,
  'sheet-definition.no-sheet': ({ file, sheet }) =>
    `Tệp "${file}" không có trang "${sheet}" nên không phải tệp khai báo phiếu chấm. Hãy tải tệp mẫu khai báo phiếu chấm, điền vào đó rồi nạp lại.`,
  'sheet-definition.unknown-set': ({ setId, sets }) =>
    `${setId === '' ? 'chưa ghi mã bộ tiêu chí' : `không có bộ tiêu chí mã "${setId}"`}. Hãy ghi một trong các mã: ${sets.join(', ')}.`,
  'sheet-definition.line-kind': ({ text }) =>
    `${text === '' ? 'chưa chọn loại dòng' : `không rõ loại dòng "${text}"`}. Hãy chọn một trong: Phần, Mục, Tiêu chí, Lựa chọn.`,
  'sheet-definition.no-code': () =>
    'dòng này chưa có mã. Hãy ghi mã ở cột "Mã" đúng như văn bản (ví dụ A, A1, A1.1); chỉ dòng "Lựa chọn" không cần mã.',
  'sheet-definition.not-number': ({ column, text }) =>
    `cột "${column}" ghi "${text}", không phải là số. Hãy ghi số, ví dụ 2 hoặc 2,5.`,
  'sheet-definition.misplaced': ({ kind }) =>
    `dòng "${kind}" không nằm dưới một dòng "${PARENT_LINE[kind]}". Hãy đặt mỗi dòng "${kind}" ngay dưới dòng "${PARENT_LINE[kind]}" của nó, theo thứ tự trong văn bản.`,
  'scoring-sheet.part-unknown': ({ at }) =>
    `phần "${at.part}" không có trong bộ tiêu chí của phiếu. Hãy ghi mã phần đúng như bộ tiêu chí (A, B, C …).`,
  'scoring-sheet.part-missing': ({ at }) =>
    `phiếu thiếu phần ${at.part} của bộ tiêu chí. Hãy thêm dòng "Phần" ${at.part} cùng các mục, tiêu chí của nó.`,
  'scoring-sheet.part-max': ({ at, max, setMax }) =>
    `phần ${at.part} ghi điểm tối đa ${points(max)}, nhưng bộ tiêu chí quy định ${points(setMax)} điểm. ${FIX_AND_LOAD}`,
  'scoring-sheet.sections-sum': ({ at, sum, max }) =>
    `các mục của phần ${at.part} cộng lại được ${points(sum)} điểm, khác điểm tối đa của phần (${points(max)}). Hãy đối chiếu điểm tối đa của từng mục với văn bản. ${FIX_AND_LOAD}`,
  'scoring-sheet.criteria-sum': ({ at, sum, max }) =>
    `các tiêu chí của ${place(at)} cộng lại được ${points(sum)} điểm, khác điểm tối đa của mục (${points(max)}). Hãy đối chiếu điểm tối đa của từng tiêu chí với văn bản. ${FIX_AND_LOAD}`,
  'scoring-sheet.no-options': ({ at }) =>
    `${place(at)} chưa có lựa chọn nào. Hãy thêm ngay dưới tiêu chí các dòng "Lựa chọn", mỗi dòng một mức đánh giá với số điểm của mức đó.`,
  'scoring-sheet.option-points': ({ at, points: given, max }) =>
    `lựa chọn thứ ${at.option ?? ''} của ${place(at)} được ${points(given)} điểm, ngoài khoảng từ 0 đến điểm tối đa của tiêu chí (${points(max)}). ${FIX_AND_LOAD}`,
  'scoring-sheet.mandatory-level': ({ at, level }) =>
    `${place(at)} ghi bắt buộc từ ${points(level)} sao, nhưng hạng sao chỉ từ 2 đến 5. Hãy sửa cột "Bắt buộc từ (sao)", hoặc để trống nếu tiêu chí không bắt buộc.`,
  'scoring-sheet.duplicate-code': ({ at }) =>
    `mã của ${place(at)} trùng với một dòng khác trong phần ${at.part}. Hãy sửa để mỗi mục, mỗi tiêu chí có một mã riêng.`,
}

/** A member workbook's problem as the app's import words it (the CLI lists them the same way). */
function roundFileSentence<C extends keyof RoundFileMessageParams>(message: {
  code: C
  params: RoundFileMessageParams[C]
}): string {
  return ROUND_FILE_MESSAGES[message.code](message.params)
}

const PACKAGE_UNREADABLE: Record<PackageUnreadable, string> = {
  'not-zip': 'không phải là gói dữ liệu OCOP Desk (không đọc được như một tệp nén)',
  'too-large': 'quá lớn so với giới hạn một gói dữ liệu',
  'no-manifest': 'thiếu phần mô tả gói (manifest.json) hoặc chữ ký',
  manifest: 'có phần mô tả gói (manifest.json) không hợp lệ',
  'missing-part': 'thiếu một phần mà phần mô tả gói liệt kê',
  'extra-part': 'chứa một phần không có trong phần mô tả gói',
  'bad-part': 'có một phần không đọc được',
}

const aboutPackage = (file: string) => `Gói dữ liệu "${file}"`
const ASK_AGAIN = 'Chưa có gì được ghi. Đề nghị đơn vị gửi xuất lại gói và gửi lại.'

const PACKAGE_MESSAGES: MessagesOf<PackageErrorParams> = {
  'package.unreadable': ({ file, reason, part }) =>
    `${aboutPackage(file)} ${PACKAGE_UNREADABLE[reason]}${part ? ` ("${part}")` : ''}. ${ASK_AGAIN}`,
  'package.newer-format': ({ file, version, supported }) =>
    `${aboutPackage(file)} được tạo bởi phiên bản OCOP Desk mới hơn (định dạng gói ${version}, phiên bản này đọc đến định dạng ${supported}). Chưa có gì được ghi. Hãy cập nhật OCOP Desk rồi nhận lại gói.`,
  'package.signature': ({ file }) =>
    `${aboutPackage(file)} có chữ ký không khớp với khóa của đơn vị gửi ghi trong gói: gói đã bị sửa sau khi ký hoặc không do đơn vị đó tạo. ${ASK_AGAIN}`,
  'package.checksum': ({ file, part }) =>
    `${aboutPackage(file)}: phần "${part}" không khớp mã kiểm tra (SHA-256) trong phần mô tả đã ký — nội dung bị hỏng hoặc bị sửa. ${ASK_AGAIN}`,
  'package.record-invalid': ({ file, table, record }) =>
    `${aboutPackage(file)}: bản ghi thứ ${record} của bảng "${table}" không hợp lệ. ${ASK_AGAIN}`,
  'package.own': ({ file }) =>
    `${aboutPackage(file)} do chính đơn vị này tạo ra nên không nhận vào. Hãy chọn gói của đơn vị khác gửi đến.`,
  'package.other-recipient': ({ file, recipient }) =>
    `${aboutPackage(file)} được gửi cho "${recipient}", không phải cho đơn vị này. Chưa có gì được ghi. Hãy đề nghị đơn vị gửi xuất gói cho đúng đơn vị nhận.`,
  'package.key-mismatch': ({ file, office }) =>
    `${aboutPackage(file)} ghi là của "${office}" nhưng được ký bằng một khóa khác với khóa đã xác nhận của đơn vị đó. Gói bị từ chối, chưa có gì được ghi. Hãy gọi điện cho đơn vị đó để kiểm tra.`,
  'package.missing-base': ({ file, office, baseCreatedAt }) =>
    `${aboutPackage(file)} chỉ gồm các thay đổi so với gói "${office}" tạo lúc ${moment(baseCreatedAt, 'vi')}, mà gói đó chưa được nhận ở đây. Chưa có gì được ghi. Hãy nhận gói đó trước, hoặc đề nghị "${office}" gửi một gói đầy đủ.`,
  'package.no-identity': () =>
    'Đơn vị chưa có danh tính trao đổi dữ liệu. Hãy tạo danh tính ở Cài đặt > Danh tính trao đổi dữ liệu rồi gửi lại.',
  'package.other-install': () =>
    'Danh tính trao đổi dữ liệu của sổ này đang thuộc một máy khác (sổ được khôi phục từ bản sao lưu của máy đó), nên chưa gửi gói nào. Hãy chọn máy giữ danh tính ở Cài đặt > Danh tính trao đổi dữ liệu rồi gửi lại.',
  'package.practice': () =>
    'Dữ liệu của sổ thực hành không được gửi đi. Hãy mở sổ của đơn vị rồi gửi dữ liệu.',
  'package.stale': () =>
    'Dữ liệu đã thay đổi kể từ lúc xem trước. Chưa có gì được ghi. Hãy xem trước lại rồi ghi.',
  'record.foreign': ({ record, office }) =>
    `${named(record)} thuộc ${office === '' ? 'một đơn vị khác (gửi đến qua gói dữ liệu)' : `"${office}"`} nên chỉ xem được ở đây. Đơn vị đó sửa rồi gửi lại gói dữ liệu; nếu cần sửa, hãy liên hệ đơn vị đó. Dữ liệu không bị thay đổi.`,
}

const PACKAGE_REFUSALS: MessagesOf<PackageRefusalParams> = {
  'merge.own-record': () =>
    'bản ghi này của chính đơn vị này: gói không bao giờ ghi đè dữ liệu của đơn vị mình',
  'merge.older-revision': () =>
    'gói mang bản cũ hơn bản đang có ở đây nên được bỏ qua (giữ bản mới hơn)',
  'merge.missing-reference': ({ field, target }) =>
    `thiếu ${RECORD_NOUNS[target] ?? 'bản ghi'} mà bản ghi cần (trường ${field}) — không có trong gói cũng như ở đây; hãy nhận các gói trước đó của đơn vị gửi, hoặc đề nghị đơn vị gửi một gói đầy đủ`,
  'merge.still-referred': ({ by }) =>
    `đơn vị gửi đã xóa, nhưng ${named(by)} ở đây vẫn dùng đến nên chưa xóa`,
}

export const vi: MessageTable = {
  location: ({ file, sheet, row, column, columnLabel }) => {
    const parts: string[] = []
    if (file !== undefined) parts.push(`Tệp ${file}`)
    if (sheet !== undefined) parts.push(`trang "${sheet}"`)
    if (row !== undefined) parts.push(`dòng ${row}`)
    if (column !== undefined) {
      parts.push(columnLabel === undefined ? `cột ${column}` : `cột ${column} (${columnLabel})`)
    }
    return `${parts.join(', ')}: `
  },
  messages: {
    MISSING_PRODUCT: () => 'thiếu tên sản phẩm (ô trống). Hãy ghi tên sản phẩm hoặc bỏ dòng này.',
    SCORE_OUT_OF_RANGE: ({ value }) =>
      `điểm ${value} không hợp lệ, điểm phải từ 0 đến 100. Hãy sửa lại điểm theo phiếu chấm.`,
    SCORE_UNREADABLE: ({ value, part }) =>
      part === undefined
        ? `không đọc được điểm "${value}"; hãy ghi một số, ví dụ 72,5.`
        : `không đọc được điểm phần ${part} "${value}"; hãy ghi một số, ví dụ 32,5.`,
    PART_ABOVE_MAX: ({ part, score, max, criteriaSet }) =>
      `điểm phần ${part} là ${decimal(score)}, vượt điểm tối đa ${decimal(max)} của phần này theo ${criteriaSet}. Hãy sửa lại theo phiếu chấm.`,
    STARS_OUT_OF_RANGE: ({ value }) =>
      `hạng sao ${value} không hợp lệ, hạng sao chỉ từ 1 đến 5. Hãy sửa lại theo quyết định công nhận.`,
    STARS_UNREADABLE: ({ value }) =>
      `không đọc được hạng sao "${value}"; hãy ghi 1 đến 5, ví dụ "3", "3 sao" hoặc "★★★".`,
    YEAR_OUT_OF_RANGE: ({ value, firstYear }) =>
      `năm công nhận ${value} không hợp lệ (chương trình OCOP bắt đầu từ năm ${firstYear}). Hãy sửa lại năm có 4 chữ số.`,
    YEAR_UNREADABLE: ({ value }) =>
      `không đọc được năm "${value}"; hãy ghi năm có 4 chữ số, ví dụ 2020.`,
    DATE_INVALID: ({ value }) =>
      `ngày quyết định "${value}" không phải là ngày; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2021.`,
    STARS_SCORE_MISMATCH: ({ score, computed, stars }) =>
      `điểm ${decimal(score)} tương ứng ${computed} sao nhưng hạng sao ghi ${stars} sao. Giữ nguyên ${stars} sao như trong tệp; đề nghị kiểm tra lại.`,
    UNKNOWN_COMMUNE: (params) => {
      if (params.reason === 'not-valid-then') {
        return `"${params.value}" không còn (hoặc chưa có) vào năm ${params.year ?? ''}: ${names(params.suggestions)}. Hãy kiểm tra năm công nhận hoặc chọn xã, phường đúng.`
      }
      const guess = params.suggestions.length > 0 ? ` Có phải: ${names(params.suggestions)}?` : ''
      return `không tìm thấy "${params.value}" trong danh mục xã, phường.${guess} Hãy chọn xã, phường đúng hoặc thêm vào danh mục.`
    },
    MISSING_COMMUNE: () => 'không rõ xã, phường của sản phẩm; hãy chọn xã, phường.',
    UNKNOWN_PRODUCER_TYPE: ({ value }) =>
      `không nhận ra loại hình chủ thể "${value}"; hãy chọn Hợp tác xã, Doanh nghiệp, Tổ hợp tác hoặc Hộ kinh doanh.`,
    DUPLICATE_ROW: ({ firstRow }) =>
      `trùng với dòng ${firstRow} (cùng tên sản phẩm, chủ thể, xã/phường và năm công nhận). Hãy bỏ một trong hai dòng hoặc xác nhận giữ cả hai.`,
    CELL_ERROR_VALUE: ({ value }) =>
      `ô có giá trị lỗi ${value} của Excel nên được đọc là ô trống. Hãy sửa công thức hoặc ghi lại giá trị trong tệp rồi nhập lại.`,
    CELL_MISSING_STRING: ({ index }) =>
      `ô trỏ tới chuỗi văn bản số ${index} mà tệp không có (tệp có thể bị hỏng) nên được đọc là ô trống. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.`,

    FILE_RENAMED: ({ file, format, extension }) => {
      const wearing = extension === '' ? 'không có đuôi tệp' : `mang đuôi ${extension}`
      return format === 'xls'
        ? `Tệp "${file}" thực chất là tệp Excel 97-2003 (.xls) nhưng ${wearing}. Phần mềm sẽ đọc theo định dạng .xls.`
        : `Tệp "${file}" là tệp văn bản CSV nhưng ${wearing}. Phần mềm sẽ đọc theo định dạng CSV.`
    },
    NO_HEADER: () =>
      'không tìm thấy dòng tiêu đề cột (như "Tên sản phẩm", "Chủ thể", "Hạng sao") trong 30 dòng đầu. Hãy chọn trang khác hoặc dùng mẫu nhập liệu của phần mềm.',
    NO_PRODUCT_COLUMN: ({ headerRows }) =>
      `không nhận ra cột tên sản phẩm trong dòng tiêu đề (dòng ${headerRows.join(', ')}). Hãy chọn cột chứa tên sản phẩm trong bảng ghép cột.`,
    NO_ROWS: ({ headerRows }) =>
      `không có dòng sản phẩm nào dưới dòng tiêu đề (dòng ${headerRows.join(', ')}). Hãy kiểm tra đã chọn đúng trang chưa, hoặc sửa cách ghép cột.`,

    'round-result.missing': ({ members }) => `chưa đủ điểm của ${members.join(', ')}`,
    'round-result.spread': ({ difference, max }) =>
      `tổng điểm của hai thành viên chênh nhau ${count(difference, 'vi')} điểm, quá ${count(max, 'vi')} điểm cho phép: Hội đồng thảo luận và chấm lại`,
    'round-result.no-quorum': ({ scored, required }) =>
      `chỉ ${scored} thành viên chấm đủ điểm, cần ít nhất ${required}`,
    'round-result.no-chair': () => 'Chủ tịch Hội đồng chưa chấm đủ điểm',
    'round-result.capped': ({ fromStars, computedStars }) =>
      `không đạt tiêu chí bắt buộc từ hạng ${fromStars} sao nên không được xếp ${computedStars} sao theo điểm`,

    internal: () =>
      'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
    'db.newer': () =>
      'Dữ liệu trên máy này được tạo bởi phiên bản OCOP Desk mới hơn. Hãy cài phiên bản mới nhất để mở dữ liệu; dữ liệu không bị thay đổi.',
    'practice.no-backup': () =>
      'Đang mở sổ thực hành: dữ liệu mẫu không được sao lưu, để không lẫn với các bản sao lưu của sổ thật. Muốn sao lưu, hãy về sổ thật trước.',
    'producer.has-products': ({ producer, products }) =>
      `Chủ thể "${producer}" còn ${products} sản phẩm nên chưa xóa được. Hãy chuyển các sản phẩm sang chủ thể khác hoặc gộp hai chủ thể, rồi xóa lại. Dữ liệu không bị thay đổi.`,
    'product.in-plan': ({ product, plans }) =>
      `Sản phẩm "${product}" là chỉ tiêu của kế hoạch ${plans.map((p) => `"${p}"`).join(', ')} nên chưa xóa được. Hãy bỏ chỉ tiêu đó trong kế hoạch rồi xóa lại. Dữ liệu không bị thay đổi.`,
    'product.revoked': ({ product, decisions, what }) =>
      `${what === 'product' ? `Sản phẩm "${product}"` : `Kết quả đánh giá này của sản phẩm "${product}"`} được nêu trong Quyết định thu hồi số ${decisions.join(', ')} nên không xóa được: quyết định phải giữ nguyên danh sách của nó. Nếu quyết định được ghi nhầm, hãy hoàn tác nó ở mục Thu hồi giấy chứng nhận rồi xóa lại. Dữ liệu không bị thay đổi.`,
    'product.duplicate': ({ product, producer }) =>
      `Sổ đã có sản phẩm "${product}" của chủ thể "${producer}". Hãy mở sản phẩm đó, hoặc ghi lý do để vẫn lưu. Dữ liệu không bị thay đổi.`,
    'producer.duplicate': ({ producer, existing, by }) =>
      `Sổ đã có chủ thể "${existing}" ${by === 'tax-code' ? 'cùng mã số thuế' : 'cùng tên trong cùng xã, phường'} với "${producer}". Hãy mở chủ thể đó, hoặc ghi lý do để vẫn lưu. Dữ liệu không bị thay đổi.`,
    'set-aside.refused': (params) =>
      `Chưa đưa trở lại được: ${setAsideRefusal(params)} Dữ liệu không bị thay đổi.`,
    'round.closed': ({ round }) =>
      `Đợt "${round}" đã đóng nên không sửa được. Muốn sửa, hãy mở lại đợt ở thẻ Đóng đợt (hoàn tác việc đóng đợt) rồi sửa. Dữ liệu không bị thay đổi.`,
    'round.scoring-blocked': ({ product, missing }) =>
      `Sản phẩm "${product}" chưa chấm được: hồ sơ còn thiếu ${missing.join(', ')}. Hãy cập nhật hồ sơ ở thẻ Sản phẩm đăng ký, hoặc ghi lý do Hội đồng vẫn chấm.`,
    'issued.number-taken': ({ reference, signedOn, subject }) =>
      `Số ${reference} đã cấp cho văn bản “${subject}” ký ngày ${signedOn}; mỗi số chỉ cấp một lần trong năm. Hãy dùng số tiếp theo hoặc số văn thư đã cấp cho văn bản này.`,
    'report.plan-missing': ({ chosen }) =>
      chosen
        ? 'Không tìm thấy kế hoạch đã chọn trong dữ liệu (có thể đã bị xóa). Hãy chọn một kế hoạch khác rồi lập lại báo cáo.'
        : 'Chưa chọn kế hoạch cho báo cáo kết quả thực hiện kế hoạch. Hãy chọn một kế hoạch rồi lập lại báo cáo.',
    'history.revert.refused': revertRefusal,
    ...ROUND_MESSAGES,
    ...PACKAGE_MESSAGES,
    ...PACKAGE_REFUSALS,

    'import.file.empty': ({ file }) =>
      `Tệp "${file}" rỗng (0 byte), không có dữ liệu để nhập. Đề nghị xã, phường gửi lại tệp.`,
    'import.file.too-large': ({ file, bytes, maxBytes }) =>
      `Tệp "${file}" quá lớn (${mb(bytes)} MB, giới hạn ${mb(maxBytes)} MB) nên phần mềm không nhập. Hãy xóa các trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
    'import.file.corrupt': ({ file }) =>
      `Tệp "${file}" bị hỏng hoặc chưa tải về đầy đủ nên không đọc được. Đề nghị xã, phường gửi lại tệp.`,
    'import.file.no-workbook': ({ file, part }) =>
      `Tệp "${file}" bị hỏng: thiếu phần ${part} nên không đọc được danh sách trang tính. Đề nghị xã, phường lưu lại tệp bằng Excel và gửi lại.`,
    'import.file.encrypted': ({ file }) =>
      `Tệp "${file}" được đặt mật khẩu nên phần mềm không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.`,
    'import.file.unsupported': ({ file }) =>
      `Tệp "${file}" là sổ làm việc nhị phân Excel (.xlsb), phần mềm chưa đọc được định dạng này. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx rồi nhập lại.`,
    'import.file.unknown': ({ file }) =>
      `Tệp "${file}" không phải là tệp Excel hợp lệ (không nhận ra định dạng). Đề nghị kiểm tra lại tệp.`,
    'import.read.too-many-rows': ({ file, sheet, maxRows }) =>
      `${fileAndSheet(file, sheet)} có quá nhiều dòng (giới hạn ${count(maxRows, 'vi')} dòng cho một tệp) nên phần mềm không nhập. Hãy xóa các dòng, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
    'import.read.too-many-cells': ({ file, sheet, maxCells }) =>
      `${fileAndSheet(file, sheet)} có quá nhiều ô dữ liệu (giới hạn ${count(maxCells, 'vi')} ô cho một tệp) nên phần mềm không nhập. Hãy xóa các cột, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
    'import.read.timeout': ({ file, seconds }) =>
      `${fileAndSheet(file)} đọc quá lâu (quá ${seconds} giây) nên phần mềm đã dừng. Hãy mở tệp bằng Excel, xóa các trang tính không cần, lưu lại dưới dạng .xlsx rồi nhập lại.`,
    'import.read.no-sheets': ({ file }) =>
      `${fileAndSheet(file)} không có trang tính nào để đọc. Đề nghị xã, phường kiểm tra và gửi lại tệp.`,
    'import.read.csv-quotes': ({ file }) =>
      `${fileAndSheet(file)} (CSV) có dấu ngoặc kép (") bị thiếu nên các dòng bị dính vào nhau. Hãy mở tệp bằng Excel, kiểm tra lại, lưu dưới dạng .xlsx rồi nhập lại.`,
    'import.read.failed': ({ file, sheet }) =>
      `${fileAndSheet(file, sheet)} không đọc được, có thể tệp bị hỏng. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi nhập lại; nếu vẫn lỗi, đề nghị xã, phường gửi lại tệp.`,
    'import.sheet.missing': ({ file, sheet, sheets }) =>
      `Tệp "${file}" không có trang "${sheet}". Các trang có trong tệp: ${sheets.join('; ')}. Hãy chọn một trong các trang đó.`,
    'import.commit.stale': () =>
      'Dữ liệu đã thay đổi kể từ lúc xem trước (có người sửa hoặc một lần nhập khác vừa ghi). Chưa có gì được ghi. Hãy kiểm tra lại bản xem trước rồi nhập lại.',
    'batch.undo.refused': undoRefusal,

    'backup.empty': ({ subject }) => aboutBackup(subject, 'trống.'),
    'backup.foreign': ({ subject }) =>
      aboutBackup(subject, 'không phải là tệp sao lưu của OCOP Desk.'),
    'backup.unsupported': ({ subject }) =>
      aboutBackup(subject, 'được tạo theo định dạng mà phiên bản này không đọc được.'),
    'backup.newer': ({ subject, schemaVersion }) =>
      aboutBackup(
        subject,
        `được tạo bởi phiên bản OCOP Desk mới hơn (lược đồ ${schemaVersion}). Hãy cập nhật OCOP Desk rồi thử lại.`,
      ),
    'backup.checksum-mismatch': ({ subject }) =>
      aboutBackup(
        subject,
        'không khớp mã kiểm tra (SHA-256) ghi trong tệp: nội dung đã bị hỏng hoặc bị sửa sau khi sao lưu nên không được dùng.',
      ),
    'backup.corrupt': backupCorruption,
    'backup.invalid-record': ({ subject, table, record }) =>
      `${backupSubject(subject)}: bản ghi thứ ${record} của bảng "${table}" không hợp lệ. ${backupNextStep(subject)}`,
    'backup.wrong-kind': ({ expected, found }) =>
      aboutBackup({ writing: expected }, `lại ghi loại "${found}" bên trong.`),
    'backup.write-failed': ({ folder }) =>
      `Không ghi được bản sao lưu vào thư mục "${folder}". Dữ liệu trong ứng dụng vẫn nguyên vẹn. Hãy kiểm tra ổ đĩa còn chỗ trống và có quyền ghi, rồi sao lưu lại.`,
    'backup.list-failed': ({ folder }) =>
      `Không đọc được thư mục sao lưu "${folder}". Hãy kiểm tra thư mục còn tồn tại và có quyền đọc, rồi mở lại màn hình Sao lưu.`,
    'backup.bad-name': ({ name }) =>
      `"${name}" không phải là tên một bản sao lưu của OCOP Desk nên không được mở. Hãy chọn bản sao lưu trong danh sách của màn hình Sao lưu.`,
    'backup.not-found': ({ name, folder }) =>
      `Không tìm thấy bản sao lưu "${name}" trong thư mục "${folder}". Có thể tệp đã bị xoá hoặc di chuyển. Hãy mở lại danh sách bản sao lưu và chọn một bản khác.`,
    'backup.too-large': ({ name, maxBytes }) =>
      maxBytes === null
        ? `Bản sao lưu "${name}" quá lớn để mở trong ứng dụng. Hãy chọn một bản sao lưu khác.`
        : `Bản sao lưu "${name}" lớn hơn giới hạn ${mb(maxBytes)} MB nên không thể là tệp do OCOP Desk tạo ra. Hãy chọn một bản sao lưu khác.`,
    'backup.read-failed': ({ name, folder }) =>
      `Không đọc được bản sao lưu "${name}" trong thư mục "${folder}". Hãy kiểm tra quyền đọc thư mục rồi thử lại, hoặc chọn một bản sao lưu khác.`,

    'ipc.unknown-channel': () => REQUEST_REFUSED,
    'ipc.invalid-payload': () => REQUEST_REFUSED,
    'ipc.too-large': ({ payload, maxBytes }) => payloadTooLarge(payload, maxBytes),
    'ipc.bad-json': () =>
      'Yêu cầu gửi tới phần xử lý của ứng dụng không đọc được (không phải JSON hợp lệ) nên đã bị từ chối. Dữ liệu không bị thay đổi.',
    'ipc.foreign-sender': () =>
      'Yêu cầu không đến từ cửa sổ của OCOP Desk nên đã bị từ chối. Dữ liệu không bị thay đổi.',
    'ipc.foreign-origin': () =>
      'Yêu cầu không đến từ OCOP Desk nên đã bị từ chối. Dữ liệu không bị thay đổi.',
    'ipc.no-access': () =>
      'Yêu cầu không có mã truy cập của lần chạy này nên đã bị từ chối. Dữ liệu không bị thay đổi. Hãy mở OCOP Desk bằng đúng địa chỉ có mã truy cập (…/?token=…) mà lệnh "npm run web" in ra khi khởi động; mỗi lần chạy có một mã mới.',
    'web.port-unavailable': ({ port, busy, suggestedPort }) => {
      const another = `npm run web -- --port ${suggestedPort}`
      return busy
        ? `Cổng ${port} đang được một chương trình khác dùng (có thể là một OCOP Desk (web) khác đang chạy). Hãy dừng chương trình đó, hoặc chọn cổng khác bằng --port, ví dụ: ${another}`
        : `Không mở được cổng ${port} trên 127.0.0.1. Hãy chọn cổng khác (từ 1024 trở lên) bằng --port, ví dụ: ${another}`
    },
    'file.read-failed': ({ file, problem }) => {
      switch (problem) {
        case 'locked':
          return `Không mở được tệp “${file}” vì tệp đang được chương trình khác sử dụng hoặc không có quyền đọc. Hãy đóng tệp trong Excel rồi thử lại.`
        case 'gone':
          return `Không mở được tệp “${file}”. Hãy kiểm tra tệp còn tồn tại rồi thử lại.`
        case 'unreadable':
          return `Không đọc được tệp “${file}”. Nếu tệp đang mở trong Excel, hãy đóng lại rồi thử lại.`
      }
    },
    'file.not-a-file': ({ file }) => `“${file}” không phải là một tệp. Hãy chọn một tệp cụ thể.`,
    'file.too-large': ({ file, bytes, maxBytes }) =>
      bytes === undefined
        ? `Tệp “${file}” vượt giới hạn ${mb(maxBytes)} MiB nên không được mở.`
        : `Tệp “${file}” nặng ${mb(bytes)} MiB, vượt giới hạn ${mb(maxBytes)} MiB nên không được mở. Hãy kiểm tra đã chọn đúng tệp, hoặc xoá bớt các trang tính không cần thiết rồi thử lại.`,
    'file.write-failed': ({ file, busy }) =>
      busy
        ? `Không lưu được tệp “${file}” vì tệp đang mở trong chương trình khác hoặc thư mục không cho phép ghi. Hãy đóng tệp trong Excel hoặc chọn thư mục khác rồi lưu lại.`
        : `Không lưu được tệp “${file}”. Hãy kiểm tra ổ đĩa còn chỗ trống hoặc chọn thư mục khác rồi lưu lại.`,
    'issued.exists': ({ file, folder }) =>
      `Bản lưu “${file}” đã có trong thư mục “${folder}”; văn bản đã phát hành không được ghi đè. Hãy phát hành lại để tạo bản lưu mới.`,
    'issued.missing': ({ file, folder }) =>
      `Không tìm thấy bản lưu “${file}” trong thư mục “${folder}”. Có thể tệp đã bị xoá hoặc dữ liệu được khôi phục trên máy khác. Hãy chép thư mục này từ máy đã phát hành văn bản, hoặc dùng “Tạo lại tệp” để viết lại tệp từ văn bản đã lưu trong sổ.`,
    'issued.changed': ({ file, folder }) =>
      `Bản lưu “${file}” trong thư mục “${folder}” không còn giống tệp đã phát hành (đã bị sửa sau khi phát hành). Ứng dụng không mở tệp này. Hãy dùng “Tạo lại tệp” để viết lại tệp từ văn bản đã lưu trong sổ.`,
    'issued.open-failed': ({ file, folder }) =>
      `Không mở được “${file}” (thư mục “${folder}”). Máy cần có chương trình mở được tệp Word hoặc Excel; hoặc dùng “Lưu bản sao” để lưu tệp ra chỗ khác rồi mở.`,
    'job.worker-stopped': () =>
      `Phần xử lý Excel dừng đột ngột nên việc đang làm chưa xong. Dữ liệu không bị thay đổi. ${TRY_AGAIN}`,
    'job.timeout': ({ job, seconds }) => {
      const { work, advice } = job === null ? TIMED_OUT_OTHER : TIMED_OUT_JOBS[job]
      return `${work} quá thời gian (hơn ${seconds} giây) nên phần mềm đã dừng lại. Dữ liệu không bị thay đổi. ${advice}`
    },
    'job.cancelled': () =>
      'Việc xử lý Excel đã bị huỷ vì ứng dụng đang đóng. Dữ liệu không bị thay đổi; hãy mở lại ứng dụng và làm lại.',
    'job.runner-closed': () => 'Ứng dụng đang đóng nên không bắt đầu việc xử lý Excel mới.',
    'job.worker-missing': ({ workerFile }) =>
      `Không tìm thấy phần xử lý Excel của ứng dụng (${workerFile}). Hãy cài lại OCOP Desk; nếu đang chạy từ mã nguồn, hãy chạy "npm run build".`,
    'job.bad-input': () =>
      `Không gửi được dữ liệu cho phần xử lý Excel nên việc này chưa được làm. ${TRY_AGAIN}`,
    'job.unknown': () =>
      'Ứng dụng yêu cầu một việc xử lý Excel không có trong phiên bản này nên đã bỏ qua. Hãy cập nhật hoặc cài lại OCOP Desk.',

    'cli.file-unreadable': ({ file, reason }) => {
      switch (reason) {
        case 'missing':
          return `Không tìm thấy tệp "${file}". Hãy kiểm tra tên và thư mục của tệp.`
        case 'folder':
          return `"${file}" là một thư mục, không phải tệp. Hãy ghi tên tệp cần kiểm tra.`
        case 'unreadable':
          return `Không đọc được tệp "${file}". Nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại lệnh.`
      }
    },
    'cli.folder-missing': ({ folder }) =>
      `Không ghi được vào thư mục "${folder}": thư mục không có hoặc không có quyền ghi. Hãy chọn một thư mục khác.`,
    'cli.write-failed': ({ file }) =>
      `Không ghi được tệp "${file}". Nếu tệp đang mở trong Excel, hãy đóng lại; kiểm tra ổ đĩa còn chỗ trống rồi chạy lại lệnh.`,
    'cli.file-exists': ({ file }) =>
      `Tệp "${file}" đã có nên không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
    'cli.data-unreadable': ({ file, missing }) =>
      missing
        ? `Không tìm thấy tệp dữ liệu "${file}". Hãy kiểm tra lại tên và thư mục của tệp sao lưu.`
        : `Không đọc được tệp dữ liệu "${file}". Hãy kiểm tra quyền đọc tệp rồi chạy lại lệnh.`,
    'cli.plan-missing': () =>
      'Tệp dữ liệu không có kế hoạch nào nên không lập được báo cáo kết quả thực hiện kế hoạch.',
    'cli.plan-ambiguous': ({ wanted, plans }) =>
      wanted === null
        ? `Tệp dữ liệu có ${plans.length} kế hoạch: hãy chọn một bằng --plan (mã hoặc tên):\n${planList(plans)}`
        : `Có ${plans.length} kế hoạch khớp với "${wanted}": hãy ghi mã của kế hoạch.\n${planList(plans)}`,
    'cli.plan-unknown': ({ wanted, plans }) =>
      `Không có kế hoạch "${wanted}" trong tệp dữ liệu. Các kế hoạch có trong tệp:\n${planList(plans)}`,
    'cli.units-unreadable': ({ file }) =>
      `Không đọc được danh sách đơn vị "${file}": tệp không có hoặc không mở được. Hãy kiểm tra tên và thư mục của tệp rồi chạy lại lệnh.`,
    'cli.revocation-missing': () =>
      'Tệp dữ liệu không có quyết định thu hồi giấy chứng nhận nào. Hãy ghi quyết định thu hồi trong OCOP Desk, sao lưu lại rồi chạy lệnh với tệp sao lưu mới.',
    'cli.revocation-unknown': ({ wanted, decisions }) =>
      `Không có quyết định thu hồi số "${wanted}" trong tệp dữ liệu. Hãy ghi --decision với số của một trong các quyết định có trong tệp:\n${revocationList(decisions)}`,
    'cli.revocation-numbered': ({ number }) =>
      `Quyết định thu hồi số ${number} do chính cơ quan ký nên văn bản in số và ngày của quyết định; --number và --signed chỉ dùng cho tờ trình đề nghị cấp trên thu hồi. Hãy bỏ hai tuỳ chọn này.`,
    'cli.round-missing': () =>
      'Tệp dữ liệu không có đợt đánh giá nào. Hãy tạo đợt đánh giá trong OCOP Desk, sao lưu lại rồi chạy lệnh với tệp sao lưu mới.',
    'cli.round-unknown': ({ wanted, rounds }) =>
      `Không có đợt đánh giá "${wanted}" trong tệp dữ liệu. Hãy ghi mã hoặc tên của một trong các đợt có trong tệp:\n${roundList(rounds)}`,
    'cli.round-ambiguous': ({ wanted, rounds }) =>
      `Có ${rounds.length} đợt đánh giá cùng tên "${wanted}": hãy ghi mã của đợt cần dùng.\n${roundList(rounds)}`,
    'cli.round-no-set': ({ round, setId }) =>
      `Tệp dữ liệu không có bộ tiêu chí "${setId}" mà đợt "${round}" chấm theo, nên không tính được kết quả. Hãy sao lưu lại từ OCOP Desk rồi chạy lệnh với tệp mới.`,
    'cli.sheets-folder': ({ folder, problem }) =>
      problem === 'unreadable'
        ? `Không đọc được thư mục phiếu chấm "${folder}": thư mục không có hoặc không có quyền đọc. Hãy kiểm tra tên thư mục rồi chạy lại lệnh.`
        : `Thư mục phiếu chấm "${folder}" không có tệp .xlsx nào. Hãy chép các phiếu chấm thành viên đã điền vào thư mục này rồi chạy lại lệnh.`,
    'cli.member-workbook': (params) => {
      const file = params.file
      switch (params.reason) {
        case 'unreadable':
          return `Không mở được tệp "${file}" như một bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx, hoặc bỏ tệp khỏi thư mục phiếu chấm, rồi chạy lại lệnh.`
        case 'foreign':
          return `Tệp "${file}" không phải phiếu chấm điểm thành viên do OCOP Desk ghi. Hãy bỏ tệp khỏi thư mục phiếu chấm rồi chạy lại lệnh.`
        case 'member-unknown':
          return `Tệp "${file}" là phiếu của một thành viên không có trong Hội đồng của đợt này. Hãy bỏ tệp khỏi thư mục, hoặc ghi lại phiếu bằng lệnh round sheets.`
        case 'other-round':
          return `Tệp "${file}" là phiếu chấm của đợt "${params.round}", không phải của đợt này. Hãy bỏ tệp khỏi thư mục, hoặc chọn đúng đợt bằng --round.`
        case 'twice':
          return `Tệp "${file}" và tệp "${params.other}" là phiếu của cùng một thành viên. Hãy giữ lại một tệp rồi chạy lại lệnh.`
        case 'product-unknown':
          return `Tệp "${file}" có trang chấm một sản phẩm không còn trong đợt đánh giá. Hãy ghi lại phiếu bằng lệnh round sheets và chép điểm sang phiếu mới.`
        case 'cells':
          return `Tệp "${file}" có ô điểm không đọc được nên chưa lấy điểm nào từ tệp; sửa xong thì chạy lại lệnh để nhập lại tệp:\n${params.problems.map((problem) => `  ${roundFileSentence(problem)}`).join('\n')}`
      }
    },

    'units-list.encoding': ({ file }) =>
      `Danh sách đơn vị "${file}" không phải văn bản UTF-8. Trong Excel, hãy chọn Lưu thành (Save As) kiểu "CSV UTF-8 (Comma delimited)" rồi chọn lại tệp.`,
    'units-list.no-name': ({ file }) =>
      `Danh sách đơn vị "${file}" không có cột name (tên xã, phường). Dòng đầu của tệp phải là tên cột, ví dụ: code,kind,name,valid_from,valid_to.`,
    'units-list.empty': ({ file }) =>
      `Danh sách đơn vị "${file}" không có đơn vị nào (cột name trống ở mọi dòng). Hãy kiểm tra tệp rồi chọn lại.`,
    'units-list.kind': ({ file, line, value }) =>
      `${unitsList(file, line)}: không rõ loại đơn vị "${value}". Hãy ghi Xã, Phường hoặc Thị trấn ở cột kind.`,
    'units-list.date': ({ file, line, column, value }) =>
      `${unitsList(file, line)}, cột ${column}: "${value}" không phải là ngày. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 01/07/2025.`,
    'units-list.code': ({ file, line, value }) =>
      `${unitsList(file, line)}, cột code: "${value}" không phải mã đơn vị. Mã đơn vị hành chính gồm 3 đến 6 chữ số, ví dụ 12103; không có mã thì để trống.`,
    'units-list.dates-order': ({ file, line }) =>
      `${unitsList(file, line)}: ngày hết hiệu lực (valid_to) trước ngày bắt đầu hiệu lực (valid_from). Hãy sửa một trong hai ngày.`,
    'units-list.duplicate': ({ file, line, firstLine }) =>
      `${unitsList(file, line)}: trùng với dòng ${firstLine} (cùng mã, tên và ngày bắt đầu hiệu lực). Hãy xóa một trong hai dòng.`,
    ...ROUND_FILE_MESSAGES,
  },
}
