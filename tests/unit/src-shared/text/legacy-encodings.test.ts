import { describe, expect, it } from 'vitest'
import {
  decodeLegacyText,
  detectLegacyEncoding,
  fromFontHint,
  legacyEncodingOfFont,
} from '@shared/text/legacy-encodings'

// Raw cell text of fixture commune/05_tcvn3_vntime.xlsx (font .VnTime), as a spreadsheet reader
// returns it, and the expected Unicode from its expected CSV: every distinct product, producer,
// commune, group and decision-number cell of rows 4-19.
const FIXTURE_05_VNTIME: ReadonlyArray<readonly [string, string]> = [
  ['T\u00ad\u00acng B\u00c7n Vi\u00d6t H\u00adng', 'Tương Bần Việt Hưng'],
  ['HTX T\u00ad\u00acng Minh Khang', 'HTX Tương Minh Khang'],
  ['X\u00b7 H\u00adng Long', 'Xã Hưng Long'],
  ['Th\u00f9c ph\u00c8m', 'Thực phẩm'],
  ['3191/Q\u00a7-UBND', '3191/QĐ-UBND'],
  ['T\u00ad\u00acng n\u00d5p c\u00b8i D\u00ad\u00acng Quang', 'Tương nếp cái Dương Quang'],
  [
    'T\u00e6 h\u00eep t\u00b8c s\u00b6n xu\u00cat t\u00ad\u00acng D\u00ad\u00acng Quang',
    'Tổ hợp tác sản xuất tương Dương Quang',
  ],
  ['X\u00b7 D\u00ad\u00acng Quang', 'Xã Dương Quang'],
  ['2805/Q\u00a7-UBND', '2805/QĐ-UBND'],
  ['Tinh b\u00e9t ngh\u00d6 \u00a7\u00f8c Th\u00denh', 'Tinh bột nghệ Đức Thịnh'],
  [
    'C\u00abng ty TNHH Th\u00f9c ph\u00c8m Ph\u00e8 N\u00e8i X\u00ada',
    'Công ty TNHH Thực phẩm Phố Nối Xưa',
  ],
  ['Ph\u00ad\u00eang Nh\u00a9n H\u00dfa', 'Phường Nhân Hòa'],
  [
    'D\u00ad\u00eec li\u00d6u v\u00b5 s\u00b6n ph\u00c8m t\u00f5 d\u00ad\u00eec li\u00d6u',
    'Dược liệu và sản phẩm từ dược liệu',
  ],
  ['2789/Q\u00a7-UBND', '2789/QĐ-UBND'],
  [
    'T\u00ad\u00acng n\u00d5p c\u00b8i Ph\u00efng Ch\u00dd Ki\u00aan',
    'Tương nếp cái Phùng Chí Kiên',
  ],
  [
    'T\u00e6 h\u00eep t\u00b8c t\u00ad\u00acng th\u00abn Th\u00ad\u00eeng H\u00b5o',
    'Tổ hợp tác tương thôn Thượng Hào',
  ],
  ['Ph\u00ad\u00eang Ph\u00efng Ch\u00dd Ki\u00aan', 'Phường Phùng Chí Kiên'],
  ['Tr\u00b5 x\u00b9 \u00aeen \u00a7\u00b9i L\u00e9c', 'Trà xạ đen Đại Lộc'],
  ['HTX D\u00ad\u00eec li\u00d6u H\u00b5o Ph\u00b8t', 'HTX Dược liệu Hào Phát'],
  ['X\u00b7 Xu\u00a9n D\u00f4c', 'Xã Xuân Dục'],
  ['Rau m\u00c7m h\u00f7u c\u00ac \u00a7\u00e5ng Xanh', 'Rau mầm hữu cơ Đồng Xanh'],
  ['C\u00abng ty C\u00e6 ph\u00c7n Tre Vi\u00d6t', 'Công ty Cổ phần Tre Việt'],
  ['Ch\u00e6i ch\u00ddt D\u00ad\u00acng Quang', 'Chổi chít Dương Quang'],
  ['H\u00e9 kinh doanh Tr\u00denh Quang H\u00efng', 'Hộ kinh doanh Trịnh Quang Hùng'],
  ['H\u00b5ng th\u00f1 c\u00abng m\u00fc ngh\u00d6', 'Hàng thủ công mỹ nghệ'],
  ['1326/Q\u00a7-UBND', '1326/QĐ-UBND'],
  ['C\u00b8 ch\u00d0p lai Nh\u00a9n H\u00dfa', 'Cá chép lai Nhân Hòa'],
  [
    'HTX D\u00dech v\u00f4 n\u00abng nghi\u00d6p Nh\u00a9n H\u00dfa',
    'HTX Dịch vụ nông nghiệp Nhân Hòa',
  ],
  ['1267/Q\u00a7-UBND', '1267/QĐ-UBND'],
  [
    '\u00a7i\u00d3m du l\u00dech sinh th\u00b8i H\u00eep Th\u00b5nh',
    'Điểm du lịch sinh thái Hợp Thành',
  ],
  [
    'HTX N\u00abng nghi\u00d6p v\u00b5 du l\u00dech sinh th\u00b8i V\u00b9n Xu\u00a9n',
    'HTX Nông nghiệp và du lịch sinh thái Vạn Xuân',
  ],
  [
    'D\u00dech v\u00f4 du l\u00dech c\u00e9ng \u00ae\u00e5ng, du l\u00dech sinh th\u00b8i v\u00b5 \u00aei\u00d3m du l\u00dech',
    'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
  ],
  ['N\u00ad\u00edc \u00d0p nh\u00b7n Minh Khang', 'Nước ép nhãn Minh Khang'],
  ['C\u00abng ty TNHH MTV B\u00d5n L\u00b5ng', 'Công ty TNHH MTV Bến Làng'],
  ['\u00a7\u00e5 u\u00e8ng', 'Đồ uống'],
  ['Tr\u00b5 t\u00f3i l\u00e4c hoa c\u00f3c \u00a7\u00b9i L\u00e9c', 'Trà túi lọc hoa cúc Đại Lộc'],
  [
    'HTX S\u00b6n xu\u00cat v\u00b5 ti\u00aau th\u00f4 d\u00ad\u00eec li\u00d6u H\u00adng Long',
    'HTX Sản xuất và tiêu thụ dược liệu Hưng Long',
  ],
  ['C\u00b8 koi Qu\u00d5 L\u00a9m', 'Cá koi Quế Lâm'],
  ['H\u00e9 kinh doanh Phan Th\u00de Thu Nga', 'Hộ kinh doanh Phan Thị Thu Nga'],
  ['Sinh v\u00cbt c\u00b6nh', 'Sinh vật cảnh'],
  ['Tr\u00b5 x\u00b9 \u00aeen Thi\u00aan Ph\u00f3', 'Trà xạ đen Thiên Phú'],
  ['B\u00f3n kh\u00ab Qu\u00d5 L\u00a9m', 'Bún khô Quế Lâm'],
  ['H\u00e9 kinh doanh Mai Minh H\u00b6i', 'Hộ kinh doanh Mai Minh Hải'],
  ['Th\u00det b\u00df v\u00e7 b\u00d0o Xu\u00a9n D\u00f4c', 'Thịt bò vỗ béo Xuân Dục'],
  ['HTX Ch\u00a8n nu\u00abi b\u00df Thanh T\u00a9m', 'HTX Chăn nuôi bò Thanh Tâm'],
  ['G\u00b5 l\u00abng m\u00b5u H\u00adng Long', 'Gà lông màu Hưng Long'],
  [
    'T\u00e6 h\u00eep t\u00b8c s\u00b6n xu\u00cat ch\u00a8n nu\u00abi g\u00b5 H\u00adng Long',
    'Tổ hợp tác sản xuất chăn nuôi gà Hưng Long',
  ],
]

// Row 3 (font .VnTimeH, typed with caps lock on) and row 1 (font .VnTimeH, caps lock off).
const FIXTURE_05_VNTIMEH: ReadonlyArray<readonly [string, string]> = [
  ['STT', 'STT'],
  ['T\u00a3N S\u00b6N PH\u00c8M', 'TÊN SẢN PHẨM'],
  ['CH\u00f1 TH\u00d3 S\u00b6N XU\u00caT', 'CHỦ THỂ SẢN XUẤT'],
  ['X\u00b7, PH\u00a6\u00eaNG', 'XÃ, PHƯỜNG'],
  ['NH\u00e3M S\u00b6N PH\u00c8M', 'NHÓM SẢN PHẨM'],
  ['\u00a7I\u00d3M \u00a7\u00b8NH GI\u00b8', 'ĐIỂM ĐÁNH GIÁ'],
  ['X\u00d5P H\u00b9NG (SAO)', 'XẾP HẠNG (SAO)'],
  ['N\u00a1M', 'NĂM'],
  ['S\u00e8 QUY\u00d5T \u00a7\u00deNH', 'SỐ QUYẾT ĐỊNH'],
  ['NG\u00b5Y QUY\u00d5T \u00a7\u00deNH', 'NGÀY QUYẾT ĐỊNH'],
  [
    'b\u00b6ng k\u00aa s\u00b6n ph\u00c8m ocop \u00ae\u00ad\u00eec c\u00abng nh\u00cbn n\u00a8m 2019 - 2021',
    'BẢNG KÊ SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN NĂM 2019 - 2021',
  ],
]

const isNfc = (s: string) => s === s.normalize('NFC')

describe('legacyEncodingOfFont', () => {
  it('tells TCVN3, capitals-only TCVN3 and VNI fonts from Unicode fonts', () => {
    expect(legacyEncodingOfFont('.VnTime')).toBe('tcvn3')
    expect(legacyEncodingOfFont('.VnArial Narrow')).toBe('tcvn3')
    expect(legacyEncodingOfFont('.VnTimeH')).toBe('tcvn3-upper')
    expect(legacyEncodingOfFont(' .VnArialH ')).toBe('tcvn3-upper')
    expect(legacyEncodingOfFont('VNI-Times')).toBe('vni')
    expect(legacyEncodingOfFont('VNI-Helve')).toBe('vni')
    for (const font of ['Times New Roman', 'Arial', 'Calibri', 'VnTime', '', undefined]) {
      expect(legacyEncodingOfFont(font)).toBeNull()
    }
  })
})

describe('TCVN3 (.VnTime)', () => {
  it.each(FIXTURE_05_VNTIME)('decodes fixture 05 cell %j', (raw, expected) => {
    const decoded = fromFontHint(raw, '.VnTime')
    expect(decoded).toBe(expected.normalize('NFC'))
    expect(isNfc(decoded)).toBe(true)
  })

  it('reads byte 0xAD (the Latin-1 soft hyphen) as \u01b0, never drops it', () => {
    expect(decodeLegacyText('H\u00adng Long', 'tcvn3')).toBe('H\u01b0ng Long')
    expect(decodeLegacyText('Ph\u00ad\u00eang', 'tcvn3')).toBe('Ph\u01b0\u1eddng')
    expect(decodeLegacyText('\u00ad', 'tcvn3')).toBe('\u01b0')
  })

  it('keeps ASCII, digits and punctuation as they are', () => {
    expect(decodeLegacyText('3191/Q\u00a7-UBND, 20/12/2019 (OCOP)', 'tcvn3')).toBe(
      '3191/Q\u0110-UBND, 20/12/2019 (OCOP)',
    )
  })

  it('joins the standard combining tone bytes 0xB0-0xB4 to the letter before (NFC)', () => {
    expect(decodeLegacyText('a\u00b3', 'tcvn3')).toBe('\u00e1')
    expect(decodeLegacyText('\u00a9\u00b4', 'tcvn3')).toBe('\u1ead')
  })
})

describe('TCVN3 capitals-only fonts (.VnTimeH)', () => {
  it.each(FIXTURE_05_VNTIMEH)('decodes fixture 05 header/title %j as capitals', (raw, expected) => {
    const decoded = fromFontHint(raw, '.VnTimeH')
    expect(decoded).toBe(expected)
    expect(isNfc(decoded)).toBe(true)
  })

  it('draws lower-case codes as capitals, including \u01b0 at 0xAD', () => {
    expect(decodeLegacyText('h\u00adng y\u00aan', 'tcvn3-upper')).toBe('H\u01afNG Y\u00caN')
    expect(decodeLegacyText('h\u00adng y\u00aan', 'tcvn3')).toBe('h\u01b0ng y\u00ean')
  })
})

describe('VNI (VNI-Times)', () => {
  // Letter + modifier byte(s): \u00e4 = circumflex + dot, \u00f8 = grave, \u00f6 = \u01b0, \u00f4 = \u01a1, \u00f1 = \u0111.
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Vie\u00e4t Nam', 'Vi\u1ec7t Nam'],
    ['Ha\u00f8 No\u00e4i', 'H\u00e0 N\u1ed9i'],
    ['Tie\u00e1ng Vie\u00e4t', 'Ti\u1ebfng Vi\u1ec7t'],
    ['Tha\u00f8nh pho\u00e1 Ho\u00e0 Ch\u00ed Minh', 'Th\u00e0nh ph\u1ed1 H\u1ed3 Ch\u00ed Minh'],
    ['N\u00f6\u00f4\u00f9c ma\u00e9m', 'N\u01b0\u1edbc m\u1eafm'],
    ['H\u00f6ng Ye\u00e2n', 'H\u01b0ng Y\u00ean'],
    ['Tr\u00f6\u00f4\u00f8ng \u00d1a\u00efi ho\u00efc', 'Tr\u01b0\u1eddng \u0110\u1ea1i h\u1ecdc'],
    ['VIE\u00c4T NAM', 'VI\u1ec6T NAM'],
    ['\u00d1A\u00cfI HO\u00cfC', '\u0110\u1ea0I H\u1eccC'],
    [
      'K\u00f2 ca\u00fbnh, k\u00f3 ba\u00f5, ky\u00fb, ky\u00f5',
      'K\u1ecb c\u1ea3nh, k\u0129 b\u00e3, k\u1ef7, k\u1ef9',
    ],
    [
      'Da\u00eb t\u00f6\u00f4i, g\u00f6\u00f4\u00fb, l\u00ee',
      'D\u1eb7 t\u01b0\u01a1i, g\u01b0\u1edf, l\u1ef5',
    ],
  ]

  it.each(cases)('decodes %j', (raw, expected) => {
    const decoded = fromFontHint(raw, 'VNI-Times')
    expect(decoded).toBe(expected)
    expect(isNfc(decoded)).toBe(true)
  })

  it('leaves a modifier byte that follows no vowel as it is', () => {
    expect(decodeLegacyText('5\u00f8 x', 'vni')).toBe('5\u00f8 x')
  })
})

describe('Unicode text', () => {
  it('passes through untouched in a Unicode font', () => {
    const note = 'D\u1eee LI\u1ec6U M\u1eaaU - kh\u00f4ng ph\u1ea3i s\u1ed1 li\u1ec7u th\u1eadt'
    expect(fromFontHint(note, 'Times New Roman')).toBe(note)
    expect(fromFontHint('C\u00e1 ch\u00e9p \u00ad', 'Arial')).toBe('C\u00e1 ch\u00e9p \u00ad')
    expect(fromFontHint('H\u00f4\u0300ng', undefined)).toBe('H\u00f4\u0300ng')
  })

  it('is only normalised to NFC when a legacy font holds Unicode-only letters', () => {
    expect(fromFontHint('Ph\u01b0\u1eddng Nh\u00e2n H\u00f2a', '.VnTime')).toBe(
      'Ph\u01b0\u1eddng Nh\u00e2n H\u00f2a',
    )
    expect(fromFontHint('Vi\u00ea\u0323t Nam', 'VNI-Times')).toBe('Vi\u1ec7t Nam')
  })
})

// Text as lists write it: communes, products, producers, groups, headers, notes.
const VIETNAMESE = [
  'Tương Bần Việt Hưng',
  'Hợp tác xã Nông nghiệp Nhân Hòa',
  'Công ty TNHH Thực phẩm Phố Nối Xưa',
  'Hộ kinh doanh Nguyễn Văn Hùng',
  'Tổ hợp tác sản xuất chổi chít Dương Quang',
  'Cà phê',
  'Bánh tráng',
  'Trà xanh',
  'Bún khô',
  'Xôi gà',
  'Cô Tô',
  'Mê Kông',
  'Tôm khô Cà Mau',
  'Chè búp Tân Cương',
  'Gạo nếp cái hoa vàng',
  'Mật ong hoa nhãn',
  'Nước mắm Phú Quốc',
  'Rượu nếp cẩm Dị Sử',
  'Thịt bò vỗ béo Xuân Dục',
  'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
  'Dược liệu và sản phẩm từ dược liệu',
  'Hàng thủ công mỹ nghệ',
  'Sinh vật cảnh',
  'Đồ uống',
  'Thực phẩm',
  'xã Hưng Long, thị xã Mỹ Hào, tỉnh Hưng Yên',
  'Phường Bần Yên Nhân',
  'Số quyết định',
  'Ngày quyết định',
  'Tên chủ thể',
  'Loại hình chủ thể',
  'Điểm đánh giá',
  'Hạng sao',
  'Năm công nhận',
  'Ghi chú: đánh giá lại năm 2023, giữ nguyên hạng',
  'Khuyến khích phát triển sản phẩm',
  'Quyết định số 1234/QĐ-UBND ngày 05/03/2021',
  'Ủy ban nhân dân huyện',
  'Trường Đại học',
  'Người lập biểu',
  'Hòa Phong',
  'Nghiêng',
  'khuya',
  'quyển',
  'giữ gìn',
  'thuở',
  'Lê Văn Tám',
  'Tô Thị Hà',
  'Phạm Thị Thu Nga',
  'Trịnh Quang Hùng',
]
// Text a Unicode list may hold that is not Vietnamese: names, loanwords, symbols, codes.
const OTHER_UNICODE = [
  'Café Müller',
  'José Núñez',
  'Noël',
  'Hélène Dupré',
  'Crème brûlée',
  'São Paulo',
  'Zürich',
  'Köln',
  'Ångström',
  'señor',
  'où ça',
  'naïve façade',
  '© 2020 Công ty ABC',
  'Nhiệt độ 25°C',
  'Diện tích 30 m²',
  '½ kg',
  '5 µm',
  'Giá: 120.000 ₫',
  'OCOP 2024',
  'STT',
  'TNHH MTV',
  'Cá chép \u00ad',
  '« trích »',
  'Müller & Söhne GmbH',
  'Ça va, Renée?',
]

/** Unicode → TCVN3 or VNI as a reader hands it over, learnt from the decoder itself. */
function encoder(encoding: 'tcvn3' | 'vni'): (text: string) => string | null {
  const codes = new Map<string, string>()
  const learn = (raw: string) => {
    const decoded = decodeLegacyText(raw, encoding)
    if ([...decoded].length === 1 && decoded !== raw && !codes.has(decoded)) codes.set(decoded, raw)
  }
  const high = Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i))
  high.forEach(learn)
  if (encoding === 'vni') {
    for (const base of ['a', 'e', 'i', 'o', 'u', 'y', '\u00f4', '\u00f6']) {
      for (const vowel of [base, base.toUpperCase()]) {
        for (const modifier of high) learn(vowel + modifier)
      }
    }
  }
  // TCVN3 has no codes for most toned capitals: lists typed in .VnTime write those in lower case.
  return (text) => {
    let out = ''
    for (const ch of text.normalize('NFC')) {
      const code = ch.charCodeAt(0) < 0x80 ? ch : (codes.get(ch) ?? codes.get(ch.toLowerCase()))
      if (code === undefined) return null
      out += code
    }
    return out
  }
}

describe('detectLegacyEncoding: legacy text without a font hint (.xls, .ods, a changed font)', () => {
  const toTcvn3 = encoder('tcvn3')
  const toVni = encoder('vni')

  it.each(FIXTURE_05_VNTIME)('finds TCVN3 in fixture 05 cell %j', (raw, expected) => {
    if (raw === expected) return // plain ASCII: nothing to find
    expect(detectLegacyEncoding(raw)).toBe('tcvn3')
    expect(fromFontHint(raw, undefined)).toBe(expected)
    expect(fromFontHint(raw, 'Times New Roman')).toBe(expected)
  })

  it.each(FIXTURE_05_VNTIMEH)(
    'finds TCVN3 in fixture 05 header %j, capitals as typed',
    (raw, expected) => {
      if (raw === expected) return
      const decoded = fromFontHint(raw, undefined)
      expect(decoded.toUpperCase()).toBe(expected)
      // Typed with caps lock on, the capitals-only font is the only reading that holds.
      if (/[A-Z]{2}/.test(raw)) expect(decoded).toBe(expected)
    },
  )

  it.each(VIETNAMESE)('finds %j written in TCVN3 and in VNI', (text) => {
    const tcvn3 = toTcvn3(text)
    expect(tcvn3, 'TCVN3 writes every letter').not.toBeNull()
    if (tcvn3 !== text) {
      expect(detectLegacyEncoding(tcvn3!)).toBe('tcvn3')
      expect(fromFontHint(tcvn3!, undefined)).toBe(decodeLegacyText(tcvn3!, 'tcvn3'))
      expect(fromFontHint(tcvn3!, undefined).toLowerCase()).toBe(text.toLowerCase())
    }
    const vni = toVni(text)
    expect(vni, 'VNI writes every letter').not.toBeNull()
    if (vni !== text) {
      expect(detectLegacyEncoding(vni!)).toBe('vni')
      expect(fromFontHint(vni!, 'Arial')).toBe(text)
    }
  })

  it.each([...VIETNAMESE, ...OTHER_UNICODE])('leaves Unicode text %j as it is', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull()
    expect(fromFontHint(text, undefined)).toBe(text)
    expect(fromFontHint(text, 'Calibri')).toBe(text)
  })

  it('leaves the NFD form of Vietnamese as it is (its marks are beyond Latin-1)', () => {
    for (const text of VIETNAMESE) expect(detectLegacyEncoding(text.normalize('NFD'))).toBeNull()
  })
})
