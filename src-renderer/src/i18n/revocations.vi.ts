import { REVOCATION_REASON_LABELS } from '@shared/domain/revocations'

/** Vietnamese strings of the Thu hồi giấy chứng nhận screen (revocation decisions). */
export const revocationsVi = {
  revocations: {
    title: 'Thu hồi giấy chứng nhận',
    back: 'Về Xếp hạng sao – Giấy chứng nhận',
    intro:
      'Lập dự thảo danh sách giấy chứng nhận OCOP cần thu hồi vào một ngày, sửa lý do, bỏ hoặc thêm sản phẩm, rồi ghi quyết định thu hồi. Từ ngày của quyết định, sản phẩm không còn hạng sao theo giấy chứng nhận bị thu hồi (trạng thái "Bị thu hồi"); trước ngày đó không có gì thay đổi.',
    open: 'Lập dự thảo thu hồi',
    // The documents' words: the screen and the papers say the same.
    reason: REVOCATION_REASON_LABELS,
    draft: {
      title: 'Dự thảo thu hồi',
      date: 'Tính đến ngày',
      days: 'Đề xuất giấy chứng nhận đã hết hạn ít nhất',
      daysUnit: 'ngày',
      daysSaved: 'Từ nay dự thảo đề xuất giấy chứng nhận đã hết hạn ít nhất {n} ngày.',
      rule: 'Dự thảo đề xuất: giấy chứng nhận đã hết hạn ít nhất {n} ngày mà sản phẩm không được đánh giá lại; và sản phẩm được đánh giá lại nhưng chỉ được công nhận dưới 3 sao hoặc không được công nhận. Đổi ngày hoặc số ngày thì dự thảo được lập lại.',
      notify: 'Danh sách chủ thể cần thông báo (Báo cáo giấy chứng nhận)',
      redo: 'Lập lại dự thảo',
      count: 'Số giấy chứng nhận trong dự thảo: {n}',
      empty: 'Vào ngày này không có giấy chứng nhận nào cần đề xuất thu hồi.',
      emptyHint:
        'Hãy chọn ngày khác, giảm số ngày đã hết hạn, hoặc dùng "Thêm sản phẩm" để thu hồi giấy chứng nhận của một sản phẩm vi phạm quy định.',
      remove: 'Bỏ',
      removeLabel: 'Bỏ {name} khỏi dự thảo',
      reasonText: 'Ghi chú lý do',
      reasonTextLabel: 'Ghi chú lý do của {name}',
      reasonLabel: 'Lý do thu hồi của {name}',
      add: 'Thêm sản phẩm',
      addPick: 'Chọn sản phẩm có giấy chứng nhận còn hiệu lực',
      addReason: 'Lý do',
      addNone: 'Không còn sản phẩm nào có giấy chứng nhận để thêm.',
      col: {
        product: 'Sản phẩm, chủ thể',
        unit: 'Xã, phường',
        stars: 'Hạng',
        certificate: 'Giấy chứng nhận',
        expiry: 'Hết hạn',
        reason: 'Lý do thu hồi',
      },
      certificateNo: 'GCN số {no}',
      decision: 'QĐ {no} ngày {date}',
      decisionDateOnly: 'QĐ ngày {date}',
    },
    decision: {
      title: 'Quyết định thu hồi',
      number: 'Số quyết định',
      numberPlaceholder: 'Ví dụ 12/QĐ-UBND',
      date: 'Ngày quyết định',
      signer: 'Cơ quan ký',
      issuer: 'Cấp ký',
      issuerSelf: 'Cơ quan này ký quyết định (đã công nhận các sản phẩm)',
      issuerHigher: 'Đề nghị cấp trên thu hồi (cấp trên đã công nhận)',
      level: 'Cấp',
      note: 'Ghi chú',
      paper: {
        self: { docx: 'Xuất dự thảo quyết định (.docx)', xlsx: 'Xuất dự thảo quyết định (.xlsx)' },
        higher: { docx: 'Xuất tờ trình (.docx)', xlsx: 'Xuất tờ trình (.xlsx)' },
      },
      proposalNumber: 'Số tờ trình',
      proposalNumberHint: 'Ví dụ 15; để trống để điền tay',
      proposalDate: 'Ngày tờ trình',
      signerNeeded:
        'Hãy ghi Cơ quan ký (cấp trên nhận tờ trình, ví dụ Ủy ban nhân dân tỉnh Hưng Yên): tờ trình gửi đúng cơ quan đó.',
      record: 'Ghi quyết định',
      confirmTitle: 'Ghi quyết định thu hồi',
      confirm:
        'Ghi Quyết định số {number} ngày {date} thu hồi {n} giấy chứng nhận? Từ ngày {date}, các sản phẩm trong danh sách không còn hạng sao theo giấy chứng nhận đó. Có thể hoàn tác ở danh sách quyết định đã ghi.',
      done: 'Đã ghi Quyết định thu hồi số {number}: {n} giấy chứng nhận.',
    },
    list: {
      title: 'Các quyết định đã ghi',
      empty: 'Chưa ghi quyết định thu hồi nào.',
      emptyHint:
        'Lập dự thảo ở trên, kiểm tra danh sách và lý do, điền số, ngày của quyết định rồi bấm "Ghi quyết định".',
      number: 'Số quyết định',
      date: 'Ngày',
      signer: 'Cơ quan ký',
      count: 'Số GCN',
      recorded: 'Ghi lúc',
      undo: 'Hoàn tác',
      undone: 'Đã hoàn tác lúc {at}',
      undoConfirm:
        'Hoàn tác Quyết định thu hồi số {number} ngày {date}? Quyết định bị xóa khỏi sổ; {n} sản phẩm trở lại trạng thái như trước khi thu hồi.',
      receivedFrom: 'Nhận từ {office}',
      docx: 'Xuất Word (.docx)',
      xlsx: 'Xuất Excel (.xlsx)',
      undoDone: 'Đã hoàn tác Quyết định thu hồi số {number}.',
    },
  },
}
