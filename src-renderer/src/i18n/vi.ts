/** Vietnamese: the UI language. Every string the clerk sees lives here (and in en.ts). */
import { registerVi } from './register.vi'
import { starsVi } from './stars.vi'
import { importVi } from './import.vi'
import { planScreensVi } from './plan-screens.vi'
import { reportsVi } from './reports.vi'
import { plansVi } from './plans.vi'
import { backupsVi } from './backups.vi'
import { historyVi } from './history.vi'
import { statusVi } from './status.vi'
import { formsVi } from './forms.vi'
import { layoutVi } from './layout.vi'
import { practiceVi } from './practice.vi'
import { roundsVi } from './rounds.vi'
import { roundSheetsVi } from './round-sheets.vi'
import { exchangeVi } from './exchange.vi'
import { identityVi } from './identity.vi'
import { ownershipVi } from './ownership.vi'
import { revocationsVi } from './revocations.vi'

export const vi = {
  ...registerVi,
  ...starsVi,
  ...importVi,
  ...planScreensVi,
  ...reportsVi,
  ...plansVi,
  ...backupsVi,
  ...historyVi,
  ...statusVi,
  ...formsVi,
  ...layoutVi,
  ...practiceVi,
  ...roundsVi,
  ...roundSheetsVi,
  ...exchangeVi,
  ...identityVi,
  ...ownershipVi,
  ...revocationsVi,
  app: {
    name: 'OCOP Desk',
    tagline: 'Sổ quản lý Chương trình Mỗi xã một sản phẩm',
    startFailed: 'Không mở được dữ liệu của OCOP Desk.',
    undo: 'Hoàn tác',
    cancel: 'Hủy',
    save: 'Lưu',
    close: 'Đóng',
    saved: 'Đã lưu.',
    undone: 'Đã hoàn tác.',
    none: '—',
  },
  nav: {
    overview: 'Tổng quan',
    products: 'Sản phẩm',
    stars: 'Xếp hạng sao',
    producers: 'Chủ thể',
    units: 'Đơn vị hành chính',
    plans: 'Kế hoạch',
    rounds: 'Đợt đánh giá',
    import: 'Nhập dữ liệu',
    exchange: 'Trao đổi dữ liệu',
    history: 'Lịch sử thay đổi',
    reports: 'Báo cáo',
    settings: 'Cài đặt',
  },

  overview: {
    title: 'Tổng quan',
    officeMissing: 'Chưa nhập đủ thông tin cơ quan (dùng trên mọi báo cáo).',
    goToSettings: 'Mở Cài đặt',
    noProducts: 'Sổ chưa có sản phẩm nào.',
    noProductsHint:
      'Nhập tệp danh sách của xã, phường ở mục Nhập dữ liệu hoặc thêm sản phẩm ở mục Sản phẩm. Muốn dùng thử trước, mở sổ thực hành ở Cài đặt.',
    asOf: 'Tính đến ngày',
    ocop: 'Sản phẩm OCOP (từ 3 sao)',
    atStars: '{stars} sao: {count}',
    thisYear: 'Năm {year}',
    newThisYear: 'Mới được công nhận: {count}',
    upgradedThisYear: 'Được nâng hạng: {count}',
    expiring: 'Giấy chứng nhận hết hạn trong 90 ngày',
    expiringHint: 'Cần báo cho chủ thể trước 30 ngày.',
    unitsWithout: 'Xã, phường chưa có sản phẩm OCOP',
    unitsOf: 'trên {count} xã, phường đang có hiệu lực',
    plans: 'Kế hoạch đang thực hiện',
    noActivePlans: 'Không có kế hoạch nào trong năm {year}.',
    goToPlans: 'Mở Kế hoạch',
    behind: '{count} chỉ tiêu chậm',
    unitsValid: 'Đơn vị hành chính đang có hiệu lực',
    unitsEmpty: 'Chưa có đơn vị hành chính nào.',
    lastBackup: 'Bản sao lưu gần nhất',
    noBackup: 'Chưa có bản sao lưu nào.',
  },

  units: {
    title: 'Đơn vị hành chính',
    intro:
      'Xã, phường, thị trấn của địa bàn, mỗi đơn vị có thời gian hiệu lực. Khi sáp nhập, đơn vị cũ hết hiệu lực và trỏ tới đơn vị kế thừa; lịch sử vẫn giữ tên cũ.',
    search: 'Tìm theo tên hoặc mã (gõ không dấu cũng được) — Ctrl+F',
    showRetired: 'Hiện cả đơn vị đã hết hiệu lực',
    add: 'Thêm đơn vị',
    addHint: 'Ctrl+N',
    loadSample: 'Nạp danh mục Mỹ Hào',
    loadSampleConfirm:
      'Nạp 13 xã, phường của thị xã Mỹ Hào (năm 2019) và 3 phường mới từ 01/07/2025? Đơn vị đã có sẽ được giữ nguyên.',
    loadSampleDone: 'Đã nạp {added} đơn vị, bỏ qua {skipped} đơn vị đã có.',
    empty: 'Chưa có đơn vị nào.',
    emptyHint:
      'Bấm "Thêm đơn vị" để nhập từng xã, phường, hoặc "Nạp danh mục Mỹ Hào" để có sẵn 13 đơn vị năm 2019 và 3 phường sau sáp nhập 2025.',
    noMatch: 'Không có đơn vị nào khớp với "{query}".',
    count: '{shown} / {total} đơn vị',
    col: {
      code: 'Mã',
      name: 'Tên đơn vị',
      kind: 'Loại',
      parent: 'Thuộc',
      validFrom: 'Hiệu lực từ',
      validTo: 'Hiệu lực đến',
      successor: 'Đơn vị kế thừa',
      status: 'Trạng thái',
      actions: 'Thao tác',
    },
    kind: { xa: 'Xã', phuong: 'Phường', 'thi-tran': 'Thị trấn', 'dac-khu': 'Đặc khu' },
    status: { valid: 'Đang hiệu lực', retired: 'Hết hiệu lực', future: 'Chưa hiệu lực' },
    edit: 'Sửa',
    retire: 'Cho hết hiệu lực',
    form: {
      createTitle: 'Thêm đơn vị hành chính',
      editTitle: 'Sửa đơn vị: {name}',
      code: 'Mã đơn vị (Tổng cục Thống kê)',
      codePlaceholder: 'Ví dụ 12103',
      name: 'Tên đơn vị',
      namePlaceholder: 'Ví dụ Nhân Hòa (không cần chữ "xã", "phường")',
      kind: 'Loại',
      parentName: 'Thuộc (huyện/thị xã, tỉnh)',
      parentPlaceholder: 'Ví dụ Thị xã Mỹ Hào, tỉnh Hưng Yên',
      validFrom: 'Hiệu lực từ ngày',
      validTo: 'Hiệu lực đến ngày',
      openDate: 'Để trống nếu không rõ',
      note: 'Ghi chú',
      created: 'Đã thêm đơn vị {name}.',
      updated: 'Đã lưu đơn vị {name}.',
    },
    retireForm: {
      title: 'Cho đơn vị {name} hết hiệu lực',
      explain:
        'Dùng khi đơn vị được sáp nhập, đổi tên hoặc giải thể. Đơn vị vẫn nằm trong lịch sử với tên cũ.',
      validTo: 'Ngày cuối cùng còn hiệu lực',
      successor: 'Đơn vị kế thừa (tiếp nhận địa bàn)',
      successorPlaceholder: 'Chọn đơn vị kế thừa, hoặc để trống',
      confirm: 'Cho hết hiệu lực',
      done: 'Đơn vị {name} hết hiệu lực sau ngày {date}.',
    },
    problems: {
      nameRequired: 'Hãy nhập tên đơn vị.',
      codeDigits: 'Mã đơn vị chỉ gồm 3 đến 6 chữ số.',
      endBeforeStart: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
      retireDateRequired: 'Hãy chọn ngày cuối cùng đơn vị còn hiệu lực.',
      successorSelf: 'Đơn vị không thể kế thừa chính nó.',
      successorNotValid: 'Đơn vị kế thừa phải còn hiệu lực sau ngày này.',
    },
  },
  settings: {
    title: 'Cài đặt',
    office: {
      title: 'Thông tin cơ quan',
      intro: 'Dùng ở phần đầu và phần ký của mọi báo cáo (thể thức Nghị định 30/2020/NĐ-CP).',
      parentBody: 'Cơ quan chủ quản trực tiếp (nếu có)',
      parentBodyPlaceholder:
        'Chỉ khi cơ quan ban hành là đơn vị trực thuộc, ví dụ UBND THỊ XÃ MỸ HÀO',
      parentIgnored:
        'Văn bản của Ủy ban nhân dân không ghi cơ quan chủ quản phía trên (Nghị định 30/2020, Phụ lục I): dòng này sẽ không được in.',
      officeName: 'Tên cơ quan ban hành',
      officeNamePlaceholder: 'Ví dụ Ủy ban nhân dân thị xã Mỹ Hào, hoặc Phòng Kinh tế',
      placeName: 'Địa danh (ghi trước ngày tháng)',
      placeNamePlaceholder: 'Ví dụ Mỹ Hào',
      agencyAbbreviation: 'Chữ viết tắt của cơ quan',
      agencyAbbreviationPlaceholder: 'Ví dụ UBND (trong "Số: 05/BC-UBND")',
      draftingUnit: 'Đơn vị soạn thảo (dòng "Lưu: VT, …")',
      draftingUnitPlaceholder: 'Ví dụ KT (Phòng Kinh tế)',
      signerAuthority: 'Thẩm quyền ký (TM., KT., Q., TL., TUQ.)',
      signerAuthorityPlaceholder: 'Ví dụ TM. ỦY BAN NHÂN DÂN (không cần khi người đứng đầu tự ký)',
      signerDelegation: 'Dòng ký thay (nếu có)',
      signerDelegationPlaceholder: 'Ví dụ KT. CHỦ TỊCH khi Phó Chủ tịch ký thay',
      signerTitle: 'Chức vụ người ký',
      signerTitlePlaceholder: 'Ví dụ PHÓ CHỦ TỊCH',
      signerName: 'Họ và tên người ký',
      signerNamePlaceholder: 'Ví dụ Nguyễn Văn A',
      save: 'Lưu thông tin cơ quan',
      saved: 'Đã lưu thông tin cơ quan.',
      missing: 'Còn thiếu: {fields}.',
    },
    data: {
      title: 'Dữ liệu và sao lưu',
      where: 'Dữ liệu được lưu trên máy này, trong thư mục:',
      backupWhere: 'Các bản sao lưu nằm trong thư mục:',
      webHost:
        'Đang chạy trong trình duyệt (chế độ web): dữ liệu nằm trong trình duyệt này, gắn với địa chỉ {origin}. Mở bằng trình duyệt khác hoặc địa chỉ khác sẽ thấy một sổ khác.',
      webBackupWhere: 'Các bản sao lưu được ghi trên máy chạy OCOP Desk, trong thư mục:',
      policy:
        'OCOP Desk tự sao lưu mỗi ngày một lần khi mở ứng dụng, trước mỗi lần nâng cấp dữ liệu và trước mỗi lần khôi phục; giữ 30 bản hằng ngày và 10 bản gần nhất của mỗi loại còn lại. Bản bạn sao lưu thủ công không bao giờ bị xóa. Mỗi bản sao lưu có mã kiểm tra, được kiểm tra trước khi khôi phục.',
      backupNow: 'Sao lưu ngay',
      backupToFile: 'Sao lưu ra tệp…',
      restoreFromFile: 'Khôi phục từ tệp…',
      backedUp: 'Đã sao lưu: {name} (lúc {time})',
      savedToFile: 'Đã lưu bản sao lưu: {name}',
      list: 'Các bản sao lưu',
      listEmpty: 'Chưa có bản sao lưu nào. Bấm "Sao lưu ngay" để tạo bản đầu tiên.',
      col: { createdAt: 'Thời điểm', kind: 'Loại', size: 'Dung lượng', actions: '' },
      kind: {
        manual: 'Thủ công',
        auto: 'Tự động hằng ngày',
        'pre-upgrade': 'Trước khi nâng cấp',
        'pre-restore': 'Trước khi khôi phục',
      },
      restore: 'Khôi phục',
      restoreConfirmTitle: 'Khôi phục dữ liệu?',
      restoreConfirm:
        'Toàn bộ dữ liệu hiện tại sẽ được thay bằng bản sao lưu "{name}". Trước khi thay, OCOP Desk tự sao lưu dữ liệu hiện tại (loại "Trước khi khôi phục") để bạn có thể quay lại.',
      restored: 'Đã khôi phục dữ liệu từ "{name}".',
      restoreFailed: 'Không khôi phục được',
    },
    language: { title: 'Ngôn ngữ', label: 'Ngôn ngữ giao diện' },
  },
  errors: {
    title: 'Có lỗi',
  },
}

export type MessageSchema = typeof vi
