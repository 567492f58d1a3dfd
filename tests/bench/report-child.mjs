// One report measurement in a fresh Node process, so its peak RSS is its own:
//   node report-child.mjs <bundle.cjs> <rows> [out.xlsx]
// Builds a products report model (Danh sách sản phẩm OCOP, grouped by star with subtotals) of
// <rows> products with the app's own columns, then times writeReportXlsx alone.
// Prints one JSON line { ms, MiB, bytes }; MiB is the process's peak RSS.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const [bundle, rowsArg, out] = process.argv.slice(2)
const { writeReportXlsx, PRODUCT_COLUMNS } = require(bundle)
const size = Number(rowsArg)

const TYPES = ['Hợp tác xã', 'Doanh nghiệp', 'Tổ hợp tác', 'Hộ sản xuất kinh doanh']
const UNITS = [
  'Phường Bần Yên Nhân',
  'Xã Cẩm Xá',
  'Phường Dị Sử',
  'Xã Dương Quang',
  'Phường Nhân Hòa',
]
const GROUPS = [
  'Thực phẩm',
  'Đồ uống',
  'Thảo dược',
  'Vải và may mặc',
  'Lưu niệm - nội thất - trang trí',
]

function productsModel(count) {
  const rows = []
  let stt = 0
  for (const stars of [5, 4, 3]) {
    const inGroup =
      stars === 5 ? Math.round(count * 0.05) : stars === 4 ? Math.round(count * 0.3) : 0
    const n = stars === 3 ? count - stt : inGroup
    rows.push({
      kind: 'group',
      label: `${['', '', '', 'III', 'II', 'I'][stars]}. Sản phẩm ${stars} sao`,
    })
    for (let i = 0; i < n; i++) {
      stt += 1
      rows.push({
        kind: 'data',
        cells: [
          stt,
          `Sản phẩm đặc sản số ${stt} của địa phương (dữ liệu thử)`,
          `${TYPES[stt % 4]} sản xuất kinh doanh tổng hợp số ${stt}`,
          TYPES[stt % 4],
          UNITS[stt % UNITS.length],
          GROUPS[stt % GROUPS.length],
          50 + (stt % 50) + 0.5,
          stars,
          `${1000 + (stt % 900)}/QĐ-UBND`,
          '15/12/2020',
          '14/12/2023',
          stt % 3 === 0 ? 'Nâng hạng' : 'Mới',
        ],
      })
    }
    rows.push({ kind: 'subtotal', cells: [null, `Cộng: ${n} sản phẩm`, ...Array(10).fill(null)] })
  }
  rows.push({
    kind: 'total',
    cells: [null, `Tổng cộng: ${count} sản phẩm`, ...Array(10).fill(null)],
  })
  return {
    kind: 'products',
    landscape: true,
    header: {
      parentBody: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      docNumber: 'Số: 05/BC-UBND',
      placeDate: 'Mỹ Hào, ngày 31 tháng 12 năm 2020',
    },
    titleType: 'DANH SÁCH',
    subject: 'Sản phẩm OCOP được công nhận còn hiệu lực',
    subtitle: '(Tính đến ngày 31/12/2020)',
    sections: [{ table: { columns: PRODUCT_COLUMNS, rows } }],
    notes: ['Hạng sao theo quyết định công nhận gần nhất đến ngày báo cáo.'],
    recipients: ['- UBND tỉnh (để báo cáo);', '- Lưu: VT, UBND.'],
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' },
    fileName: 'danh-sach-san-pham-ocop-2020-12-31',
  }
}

const model = productsModel(size)
const start = performance.now()
const bytes = await writeReportXlsx(model, {})
const ms = performance.now() - start
if (out) writeFileSync(out, bytes)
const MiB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10
console.log(JSON.stringify({ ms, MiB, bytes: bytes.byteLength }))
