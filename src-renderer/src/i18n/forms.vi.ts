/** Vietnamese strings shared by every add/edit form: keys, required marks, unsaved work, typed values. */
export const formsVi = {
  forms: {
    keys: 'Enter để lưu, Esc để hủy',
    required: 'bắt buộc',
    requiredLegend: '* là ô bắt buộc',
    discard: {
      title: 'Bỏ các thay đổi chưa lưu?',
      content: 'Những gì bạn vừa nhập trong biểu mẫu này sẽ mất.',
      confirm: 'Bỏ thay đổi',
      keep: 'Tiếp tục sửa',
    },
    typed: {
      notNumber: '"{text}" không phải là số.',
      notWholeNumber: '"{text}" không phải là số nguyên.',
      dateUnreadable: 'Ngày phải có dạng ngày/tháng/năm, ví dụ 05/11/2019.',
      dateInvalid: 'Không có ngày {text} trong lịch.',
    },
    date: {
      placeholder: 'dd/mm/yyyy',
      pick: 'Chọn ngày trên lịch',
    },
    hints: {
      fromRegister: 'Theo sổ',
      recognisedStars: 'Theo quyết định',
      taxCode: 'Ví dụ 0900123456 (để trống nếu chưa có)',
    },
    units: {
      until: 'đến {date}',
      from: 'từ {date}',
    },
    duplicates: {
      product: 'Sổ đã có sản phẩm "{name}" của chủ thể {producer}.',
      producerTaxCode: 'Sổ đã có chủ thể "{name}" cùng mã số thuế {taxCode}.',
      producerName: 'Sổ đã có chủ thể "{name}" cùng tên ở {unit}.',
      producerNameNoUnit: 'Sổ đã có chủ thể "{name}" cùng tên, cũng chưa ghi xã, phường.',
      openProduct: 'Mở sản phẩm đã có',
      openProducer: 'Mở chủ thể đã có',
      reason: 'Lý do vẫn lưu',
      reasonHint: 'Ví dụ: khác quy cách, khác vùng nguyên liệu',
      reasonRequired:
        'Hãy mở bản đã có, hoặc ghi lý do để vẫn lưu (lý do được ghi vào nhật ký thay đổi).',
    },
    move: {
      up: 'Chuyển lên',
      down: 'Chuyển xuống',
    },
  },
}
