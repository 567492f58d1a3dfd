import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '@shared/ipc/wire'

describe('web host wire format', () => {
  it('carries bytes through JSON unchanged', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256)
    const value = {
      ok: true,
      value: { fileName: 'mẫu.xlsx', bytes, list: [new Uint8Array([0, 255])] },
    }
    const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as typeof value
    expect(back.value.bytes).toEqual(bytes)
    expect(back.value.list[0]).toEqual(new Uint8Array([0, 255]))
    expect(back.value.fileName).toBe('mẫu.xlsx')
  })
})
