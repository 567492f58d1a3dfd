/** Vietnamese strings of the scoring sheets card of a round (phiếu chấm điểm đầy đủ). */
export const roundSheetsVi = {
  roundSheets: {
    title: 'Phiếu chấm điểm',
    partLevel:
      'Sản phẩm thuộc nhóm chưa có phiếu chấm đầy đủ được chấm theo phần, với điểm tối đa của {set}: {parts}.',
    noInventedPoints:
      'OCOP Desk không tự đặt ra điểm chính thức của từng tiêu chí. Muốn chấm theo tiêu chí, hãy tải mẫu, chép phiếu chấm của nhóm sản phẩm từ văn bản vào mẫu, rồi nạp vào đây.',
    codes: 'Khi điền mẫu, ghi mã bộ tiêu chí "{set}" và mã nhóm sản phẩm: {groups}.',
    shared: 'Phiếu đã nạp dùng chung cho mọi đợt đánh giá theo bộ tiêu chí này.',
    partMax: '{part} tối đa {max} điểm',
    template: 'Tải mẫu phiếu chấm (.xlsx)',
    templateSaved: 'Đã lưu mẫu khai báo phiếu chấm: {name}',
    load: 'Nạp phiếu chấm đầy đủ…',
    pickTitle: 'Chọn tệp khai báo phiếu chấm',
    working: 'Đang đọc tệp…',
    closed: 'Đợt đã đóng nên không nạp hay bỏ phiếu chấm được.',
    empty: 'Chưa nạp phiếu chấm đầy đủ nào cho bộ tiêu chí này.',
    onPartLevel: '{n} sản phẩm của đợt chấm theo phần.',
    allOnSheets: 'Mọi sản phẩm của đợt đều chấm theo phiếu đầy đủ.',
    allGroups: 'Mọi nhóm',
    columns: {
      name: 'Phiếu chấm',
      groups: 'Nhóm sản phẩm',
      criteria: 'Tiêu chí',
      products: 'Sản phẩm của đợt',
      loadedAt: 'Ngày nạp',
      file: 'Tệp',
    },
    remove: 'Bỏ',
    removeTitle: 'Bỏ phiếu chấm?',
    removeConfirm:
      'Bỏ phiếu chấm "{name}"? Sản phẩm thuộc {groups} sẽ được chấm theo phần ở mọi đợt đang mở theo bộ tiêu chí này; điểm đã chấm giữ nguyên tổng từng phần. Có thể hoàn tác ngay sau khi bỏ.',
    removed: 'Đã bỏ phiếu chấm {name}.',
    problems: {
      title: 'Chưa nạp được phiếu chấm',
      intro:
        'Tệp {file} có {n} chỗ cần sửa nên chưa có gì được lưu. Hãy sửa tệp theo từng dòng dưới đây rồi nạp lại.',
      unknownGroup:
        'Tệp {file}, trang "Thông tin", dòng 2: nhóm sản phẩm "{code}" không có trong danh mục của {set}. Hãy ghi mã nhóm đúng như danh mục: {groups}.',
      groupTaken:
        'Tệp {file}, trang "Thông tin", dòng 2: nhóm {group} đã có phiếu chấm "{sheet}". Nếu phiếu mới thay phiếu đó, hãy bỏ phiếu cũ (nút "Bỏ") rồi nạp lại; nếu không, hãy bỏ mã nhóm này khỏi tệp.',
      allTaken:
        'Tệp {file}, trang "Thông tin", dòng 2: đã có phiếu chấm "{sheet}" cho mọi nhóm. Hãy ghi mã các nhóm của phiếu mới, hoặc bỏ phiếu cũ (nút "Bỏ") rồi nạp lại.',
    },
    confirm: {
      title: 'Nạp phiếu chấm?',
      name: 'Tên phiếu',
      groups: 'Nhóm sản phẩm',
      source: 'Nguồn',
      structure: 'Nội dung',
      counts: '{parts} phần, {sections} mục, {criteria} tiêu chí',
      mandatory: ', trong đó {n} tiêu chí bắt buộc',
      file: 'Tệp',
      products: '{n} sản phẩm của đợt này sẽ được chấm theo phiếu.',
      scored:
        '{n} sản phẩm trong số đó đã có điểm: điểm đã chấm giữ nguyên; phiếu Excel đã lưu cho thành viên trước khi nạp cần được lưu lại.',
      submit: 'Nạp phiếu chấm',
      loaded: 'Đã nạp phiếu chấm {name}.',
    },
  },
}
