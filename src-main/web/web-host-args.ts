/** How `npm run web` is called: its options, its environment and its Vietnamese help. */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError } from '../cli/usage'
import { ACCESS_TOKEN_PATTERN } from './access-token'

export const DEFAULT_PORT = 5178

export const WEB_HOST_USAGE = `OCOP Desk (web) — chạy OCOP Desk trong trình duyệt, trên máy này

Cách dùng:
  npm run web -- [tuỳ chọn]

Máy chủ chỉ nhận kết nối từ chính máy này (127.0.0.1). Mỗi lần chạy có một mã truy cập mới, in
trong địa chỉ cần mở, ví dụ:
  http://127.0.0.1:${DEFAULT_PORT}/?token=…
Hãy mở đúng địa chỉ đó trong trình duyệt. Trình duyệt giữ mã trong cookie đến khi đóng; các
chương trình và người dùng khác trên máy không có mã nên không đọc được dữ liệu.

Tuỳ chọn:
  --port CỔNG          Cổng để nghe (mặc định ${DEFAULT_PORT}; 0: một cổng trống bất kỳ). Khi cổng
                       đang bận, chọn cổng khác, ví dụ: npm run web -- --port 5179
  --data THƯ-MỤC       Thư mục dữ liệu; các bản sao lưu nằm trong THƯ-MỤC/backups
                       (mặc định: biến môi trường OCOP_WEB_DATA, nếu không có thì ~/.ocop-desk-web).
  -h, --help           In hướng dẫn này.

Biến môi trường:
  OCOP_WEB_DATA        Thư mục dữ liệu khi không có --data.
  OCOP_WEB_TOKEN       Mã truy cập cố định thay cho mã ngẫu nhiên (cho kiểm thử tự động);
                       32 đến 128 ký tự A-Z, a-z, 0-9, "-" hoặc "_".

Sổ đăng ký (IndexedDB) nằm trong hồ sơ của trình duyệt; thư mục dữ liệu giữ các bản sao lưu.
Dừng máy chủ: Ctrl+C.
`

export type WebHostCommand =
  { help: true } | { help: false; port: number; dataDir: string; token: string | undefined }

/** Reads the options and environment; throws UsageError (Vietnamese) for anything it cannot use. */
export function parseWebHostArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): WebHostCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return { help: true }
  const written = values.port ?? String(DEFAULT_PORT)
  if (!/^\d{1,5}$/.test(written) || Number(written) > 65535) {
    throw new UsageError(
      `--port cần một số cổng từ 0 đến 65535, ví dụ: --port 5179 (đã ghi "${written}").`,
    )
  }
  if (values.data !== undefined && values.data.trim() === '') {
    throw new UsageError('--data cần tên thư mục, ví dụ: --data D:\\ocop-du-lieu.')
  }
  const token = env.OCOP_WEB_TOKEN
  if (token !== undefined && !ACCESS_TOKEN_PATTERN.test(token)) {
    throw new UsageError(
      'OCOP_WEB_TOKEN phải dài 32 đến 128 ký tự, chỉ gồm A-Z, a-z, 0-9, "-" và "_".',
    )
  }
  const dataDir = values.data ?? env.OCOP_WEB_DATA ?? join(homedir(), '.ocop-desk-web')
  return { help: false, port: Number(written), dataDir, token }
}
