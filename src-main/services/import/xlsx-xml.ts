/**
 * The small XML scanner the .xlsx reader uses instead of a DOM: entities and Excel's `_xHHHH_`
 * escapes, attributes of a start tag, start tags and sections by element name (any namespace
 * prefix), and the text of rich-text runs. Pure functions over strings.
 */

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g
const NAMED_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function codePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback
}

/** XML text or attribute value to a string. */
export function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(ENTITY, (m, hex?: string, dec?: string, name?: string) =>
    hex !== undefined
      ? codePoint(parseInt(hex, 16), m)
      : dec !== undefined
        ? codePoint(parseInt(dec, 10), m)
        : (NAMED_ENTITY[name ?? ''] ?? m),
  )
}

/** Excel's escapes for characters XML cannot hold (`_x000D_`), as ExcelJS decodes them. */
export function unescapeExcel(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(ATTRIBUTE)) out.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''))
  return out
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** One attribute of a start tag's attribute text (`name="value"` or `name='value'`). */
export function attribute(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(name); at >= 0; at = tag.indexOf(name, at + 1)) {
    if (at > 0 && !isSpace(tag.charCodeAt(at - 1))) continue
    let i = at + name.length
    while (isSpace(tag.charCodeAt(i))) i++
    if (tag.charCodeAt(i) !== 0x3d) continue // '='
    i++
    while (isSpace(tag.charCodeAt(i))) i++
    const quote = tag[i]
    if (quote !== '"' && quote !== "'") continue
    const end = tag.indexOf(quote, i + 1)
    return end < 0 ? undefined : xmlText(tag.slice(i + 1, end))
  }
  return undefined
}

/** Start tags (with their attribute text) of one element name, any namespace prefix. */
export function* elements(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*)?/?>`, 'g')
  for (const m of xml.matchAll(re)) yield m[1] ?? ''
}

/** The text between the first start tag `name` and its end tag, or ''. */
export function section(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>`).exec(xml)
  if (!open) return ''
  const from = open.index + open[0].length
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}>`, 'g')
  close.lastIndex = from
  const end = close.exec(xml)
  return xml.slice(from, end ? end.index : xml.length)
}

const T_TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g

/** The text of a shared string item or an inline string: its runs joined, phonetics left out. */
export function runText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml
  let text = ''
  for (const m of body.matchAll(T_TEXT)) if (m[1]) text += xmlText(m[1])
  return unescapeExcel(text)
}
