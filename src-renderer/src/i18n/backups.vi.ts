/** Vietnamese strings of restoring a backup and of the "Cần xử lý" list in Cài đặt. */
export const backupsVi = {
  backups: {
    table: {
      units: 'Đơn vị hành chính',
      producers: 'Chủ thể',
      products: 'Sản phẩm',
      evaluations: 'Kết quả đánh giá',
      criteriaSets: 'Bộ tiêu chí',
      plans: 'Kế hoạch',
      planTargets: 'Chỉ tiêu kế hoạch',
      scoringSheets: 'Phiếu chấm đã nạp',
      rounds: 'Đợt đánh giá',
      roundMembers: 'Thành viên Hội đồng',
      roundEntries: 'Sản phẩm đăng ký đánh giá',
      roundScores: 'Điểm chấm',
      revocations: 'Quyết định thu hồi',
      offices: 'Đơn vị trao đổi',
      packages: 'Gói dữ liệu',
    },
    record: {
      evaluation: 'Đánh giá năm {year}, lần {round}',
      roundEntry: 'Đăng ký vào đợt đánh giá',
      roundScore: 'Điểm chấm lần {pass}',
      revocation: 'Quyết định thu hồi số {number}',
    },
    missing: '{table} mã "{id}" không có',
    missingAside: '{table} "{label}" (cũng đang chờ xử lý)',
    col: {
      table: 'Bảng',
      record: 'Bản ghi',
      missing: 'Thiếu',
      backup: 'Từ bản sao lưu',
      actions: '',
    },
    restore: {
      noChecksum:
        'Tệp này do phiên bản OCOP Desk cũ tạo ra nên không có mã kiểm tra (SHA-256): không kiểm tra được tệp có bị hỏng hay bị sửa sau khi sao lưu hay không. Hãy chắc chắn đây đúng là tệp cần khôi phục.',
      danglingTitle: 'Bản sao lưu có {count} bản ghi thiếu liên kết',
      danglingIntro:
        'Các bản ghi dưới đây tham chiếu tới bản ghi không có trong bản sao lưu. Bấm "Hủy" để giữ nguyên dữ liệu hiện tại, hoặc khôi phục và để riêng các bản ghi này trong danh sách "Cần xử lý" ở Cài đặt để xử lý sau.',
      setAsideAndRestore: 'Khôi phục, để riêng {count} bản ghi',
      restoredWithSetAside:
        'Đã khôi phục dữ liệu từ "{name}". {count} bản ghi được để riêng trong danh sách "Cần xử lý" ở Cài đặt.',
    },
    setAside: {
      title: 'Cần xử lý',
      intro:
        'Các bản ghi được để riêng khi khôi phục vì bản ghi mà chúng tham chiếu tới không có. Khi bản ghi đó đã có (ví dụ đã đưa trở lại sản phẩm của một kết quả đánh giá), bấm "Đưa trở lại". Nếu không còn cần, bấm "Xóa".',
      putBack: 'Đưa trở lại',
      stillMissing: 'Còn thiếu bản ghi tham chiếu nên chưa đưa trở lại được.',
      putBackDone: 'Đã đưa "{label}" trở lại.',
      delete: 'Xóa',
      deleteConfirmTitle: 'Xóa bản ghi cần xử lý?',
      deleteConfirm:
        'Xóa hẳn "{label}" ({table}) khỏi danh sách Cần xử lý? Bản ghi sẽ không đưa trở lại được nữa; nhật ký thay đổi vẫn giữ một bản sao của nó.',
      deleted: 'Đã xóa "{label}" khỏi danh sách Cần xử lý.',
    },
  },
}
