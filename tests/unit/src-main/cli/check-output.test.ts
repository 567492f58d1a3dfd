/**
 * What `ocop check` prints, formatted row by row: the JSON pieces put together are exactly the
 * text JSON.stringify(…, null, 2) gives for the same object, so scripts see no difference.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import {
  checkAsJson,
  checkAsText,
  checkCommand,
  shippedUnits,
} from '../../../../src-main/cli/check-command'
import { checkFile } from '../../../../src-main/services/import/check-file'

const units = shippedUnits()

async function checkOf(csv: string) {
  return checkFile(new TextEncoder().encode(csv), 'xa.csv', { units: units.candidates })
}

const LIST =
  'STT,Tên sản phẩm,Tên chủ thể,Xã phường,Hạng sao,Năm công nhận,Ghi chú\n' +
  '1,Tương Bần,"HTX Tương ""Minh Khang""",Phường Bần Yên Nhân,4 sao (cấp tỉnh),2021,"hai\ndòng"\n' +
  '2,Gạo nếp,Hộ kinh doanh Nguyễn Văn Hùng,Xã Không Có,7,2022,\n'

describe('checkAsJson', () => {
  it.each([
    ['product rows with quotes, line breaks and messages', LIST],
    ['no product rows', 'STT,Tên sản phẩm,Tên chủ thể\n'],
    ['no header at all', 'một,hai\nba,bốn\n'],
  ])('prints %s as JSON.stringify would', async (_, csv) => {
    const check = await checkOf(csv)
    const text = [...checkAsJson(check, units)].join('')
    const parsed = JSON.parse(text) as { rows: unknown[]; file: string }
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(parsed.file).toBe('xa.csv')
    expect(parsed.rows).toHaveLength(check.rows.length)
  })

  it('gives each row its fields and messages', async () => {
    const parsed = JSON.parse([...checkAsJson(await checkOf(LIST), units)].join('')) as {
      rows: { row: number; fields: Record<string, unknown>; messages: { code: string }[] }[]
    }
    expect(parsed.rows.map((r) => [r.row, r.fields.product, r.fields.stars])).toEqual([
      [2, 'Tương Bần', 4],
      [3, 'Gạo nếp', null],
    ])
    expect(parsed.rows[0]!.fields.producer).toBe('HTX Tương "Minh Khang"')
    expect(parsed.rows[1]!.messages.length).toBeGreaterThan(0)
  })
})

describe('checkAsText', () => {
  it('prints a line per row and the summary last', async () => {
    const text = [...checkAsText(await checkOf(LIST), units)].join('')
    expect(text).toContain('  Dòng 2 [')
    expect(text).toContain('Tương Bần')
    expect(text.trimEnd().split('\n').pop()).toMatch(/^Tổng cộng: 2 dòng sản phẩm/u)
  })
})

describe('checkCommand', () => {
  it('waits for a slow reader instead of holding the whole output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocop-check-output-'))
    try {
      const rows = Array.from(
        { length: 2000 },
        (_, i) => `${i + 3},Sản phẩm ${i},Chủ thể ${i},,3,2021,\n`,
      )
      const file = join(dir, 'nhieu-dong.csv')
      await writeFile(file, LIST + rows.join(''))
      // A stream that takes little at a time, like a pipe to a slow program.
      const out = new PassThrough({ highWaterMark: 1024 })
      let received = ''
      let mostWaiting = 0
      const write = out.write.bind(out)
      out.write = ((chunk: string) => {
        mostWaiting = Math.max(mostWaiting, out.writableLength)
        return write(chunk)
      }) as typeof out.write
      const reading = (async () => {
        for await (const chunk of out.setEncoding('utf8')) {
          received += chunk as string
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      await checkCommand({ file, json: true, output: out })
      out.end()
      await reading
      expect((JSON.parse(received) as { rows: unknown[] }).rows).toHaveLength(2002)
      // Never more than a batch or so waiting in the stream, though the output is far longer.
      expect(received.length).toBeGreaterThan(1_000_000)
      expect(mostWaiting).toBeLessThan(200_000)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
