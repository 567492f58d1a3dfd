import { describe, expect, it } from 'vitest'
import {
  ALLOWED_EXTERNAL_ORIGINS,
  isAllowedExternalUrl,
} from '../../../../src-main/services/external-links'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://ocop.gov.vn',
    'https://ocop.gov.vn/tin-tuc?id=1#muc-2',
    'https://thuvienphapluat.vn/van-ban/Thuong-mai/Quyet-dinh-148-QD-TTg-2023.aspx',
    'https://vanban.chinhphu.vn/?pageid=27160&docid=207315',
    'HTTPS://OCOP.GOV.VN/x',
    'https://ocop.gov.vn:443/x',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://ocop.gov.vn/'],
    ['a lookalike suffix', 'https://ocop.gov.vn.evil.example/'],
    ['a subdomain not listed', 'https://evil.ocop.gov.vn/'],
    ['the host in the path', 'https://evil.example/ocop.gov.vn'],
    ['a user name', 'https://clerk@ocop.gov.vn/'],
    ['a password', 'https://clerk:secret@ocop.gov.vn/'],
    ['another port', 'https://ocop.gov.vn:8443/'],
    ['a trailing dot', 'https://ocop.gov.vn./'],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['not a URL', 'ocop.gov.vn'],
    ['an empty string', ''],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('lists only https origins', () => {
    for (const origin of ALLOWED_EXTERNAL_ORIGINS) {
      expect(new URL(origin).origin).toBe(origin)
      expect(origin.startsWith('https://')).toBe(true)
    }
  })
})
