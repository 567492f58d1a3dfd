/**
 * The small XML scanner the .xlsx reader uses instead of a DOM or a SAX parser: tags one at a
 * time, attributes, text with CDATA sections and entities, Excel's `_xHHHH_` escapes, and the text
 * of rich-text runs. Pure functions over strings.
 *
 * Every function moves forward only (indexOf and character loops, no backtracking patterns), so a
 * hostile part costs time in proportion to its length: a sheet of unclosed `<c ` tags used to
 * take minutes under regular expressions. A `<` inside a tag is refused, as XML refuses it.
 * DTD entities are never expanded: only the five predefined ones and character references are,
 * so an entity bomb stays the literal text it is written as.
 */

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g
const NAMED_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function codePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback
}

/** XML ends lines with LF: a parser reads CR LF and a lone CR as LF (XML 1.0, §2.11). */
function lineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
}

/** XML text or attribute value (no markup) to a string. */
function xmlText(text: string): string {
  const raw = lineEnds(text)
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
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

/** A part that is not well-formed XML where the reader needs it to be. */
export class XmlError extends Error {
  override name = 'XmlError'
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** One tag as nextTag finds it; the positions index the scanned string. */
export interface XmlTag {
  kind: 'open' | 'close' | 'empty'
  /** The `<` of the tag and the position after its `>`. */
  start: number
  end: number
  /** The local name (any namespace prefix left out). */
  nameStart: number
  nameEnd: number
  /** The attribute text, between the name and `>` or `/>`. */
  attrStart: number
  attrEnd: number
}

export function emptyTag(): XmlTag {
  return { kind: 'open', start: 0, end: 0, nameStart: 0, nameEnd: 0, attrStart: 0, attrEnd: 0 }
}

/** nextTag found a tag / found none / found one that the text cuts off (more text may follow). */
export const TAG = 1
export const NO_TAG = 0
export const PARTIAL = -1
type TagResult = typeof TAG | typeof NO_TAG | typeof PARTIAL

/** Where the markup that starts at `at` (`<!--`, `<![CDATA[`, `<?`, `<!DOCTYPE`) ends, or -1. */
function skipSpecial(xml: string, at: number): number {
  if (xml.startsWith('<!--', at)) {
    const end = xml.indexOf('-->', at + 4)
    return end < 0 ? -1 : end + 3
  }
  if (xml.startsWith('<![CDATA[', at)) {
    const end = xml.indexOf(']]>', at + 9)
    return end < 0 ? -1 : end + 3
  }
  if (xml.startsWith('<?', at)) {
    const end = xml.indexOf('?>', at + 2)
    return end < 0 ? -1 : end + 2
  }
  // <!DOCTYPE …> with an optional internal subset in brackets: skipped whole, never read.
  const close = xml.indexOf('>', at)
  const bracket = xml.indexOf('[', at)
  if (bracket < 0 || (close >= 0 && close < bracket)) return close < 0 ? -1 : close + 1
  const subsetEnd = xml.indexOf(']', bracket)
  if (subsetEnd < 0) return -1
  const end = xml.indexOf('>', subsetEnd)
  return end < 0 ? -1 : end + 1
}

/**
 * Finds the next element tag at or after `from` (comments, CDATA, processing instructions and
 * the DOCTYPE are stepped over) and fills `tag`. PARTIAL when the text ends inside markup (then
 * only `tag.start` is set: where that markup begins), so a caller reading in pieces can wait for
 * more. Throws XmlError on a `<` inside a tag.
 */
export function nextTag(xml: string, from: number, tag: XmlTag): TagResult {
  let at = xml.indexOf('<', from)
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1)
    if (next !== 0x21 /* ! */ && next !== 0x3f /* ? */) break
    const after = skipSpecial(xml, at)
    if (after < 0) {
      tag.start = at
      return PARTIAL
    }
    at = xml.indexOf('<', after)
  }
  if (at < 0) return NO_TAG
  tag.start = at
  const length = xml.length
  let i = at + 1
  const closing = xml.charCodeAt(i) === 0x2f // '/'
  if (closing) i++
  let nameStart = i
  for (; i < length; i++) {
    const c = xml.charCodeAt(i)
    if (isSpace(c) || c === 0x2f || c === 0x3e) break // space, '/', '>'
    if (c === 0x3c) throw new XmlError(`'<' inside a tag at ${i}`)
    if (c === 0x3a) nameStart = i + 1 // ':' ends a namespace prefix
  }
  const nameEnd = i
  const attrStart = i
  let quote = 0
  for (; i < length; i++) {
    const c = xml.charCodeAt(i)
    if (c === 0x3c) throw new XmlError(`'<' inside a tag at ${i}`)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 0x22 || c === 0x27) {
      quote = c
    } else if (c === 0x3e) {
      break
    }
  }
  if (i >= length) return PARTIAL
  const selfClosing = !closing && xml.charCodeAt(i - 1) === 0x2f
  tag.kind = closing ? 'close' : selfClosing ? 'empty' : 'open'
  tag.end = i + 1
  tag.nameStart = nameStart
  tag.nameEnd = nameEnd
  tag.attrStart = attrStart
  tag.attrEnd = selfClosing ? i - 1 : i
  return TAG
}

/** True when the tag's local name is `name`. */
export function tagIs(xml: string, tag: XmlTag, name: string): boolean {
  return tag.nameEnd - tag.nameStart === name.length && xml.startsWith(name, tag.nameStart)
}

/**
 * Calls `visit` with the positions of each `name="value"` (or single-quoted) attribute between
 * `from` and `to`; stops at the first thing that is not an attribute.
 */
export function scanAttributes(
  xml: string,
  from: number,
  to: number,
  visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void,
): void {
  let i = from
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++
    const nameStart = i
    while (i < to) {
      const c = xml.charCodeAt(i)
      if (c === 0x3d || isSpace(c)) break // '='
      i++
    }
    const nameEnd = i
    while (i < to && isSpace(xml.charCodeAt(i))) i++
    if (nameEnd === nameStart || xml.charCodeAt(i) !== 0x3d) return
    i++
    while (i < to && isSpace(xml.charCodeAt(i))) i++
    const quote = xml[i]
    if (quote !== '"' && quote !== "'") return
    const valueEnd = xml.indexOf(quote, i + 1)
    if (valueEnd < 0 || valueEnd >= to) return
    visit(nameStart, nameEnd, i + 1, valueEnd)
    i = valueEnd + 1
  }
}

/** A tag's attributes by name as written (prefix kept: `r:id`), values decoded. */
export function attributes(xml: string, tag: XmlTag): Map<string, string> {
  const out = new Map<string, string>()
  scanAttributes(xml, tag.attrStart, tag.attrEnd, (ns, ne, vs, ve) =>
    out.set(xml.slice(ns, ne), xmlText(xml.slice(vs, ve))),
  )
  return out
}

/**
 * The text between `from` and `to`: character data with entities decoded, CDATA sections as
 * written, comments and processing instructions left out.
 */
export function textBetween(xml: string, from: number, to: number): string {
  let at = xml.indexOf('<', from)
  if (at < 0 || at >= to) return xmlText(xml.slice(from, to))
  let text = ''
  let i = from
  while (at >= 0 && at < to) {
    text += xmlText(xml.slice(i, at))
    const end = skipSpecial(xml, at)
    if (end < 0 || end > to) throw new XmlError(`unterminated markup at ${at}`)
    if (xml.startsWith('<![CDATA[', at)) text += lineEnds(xml.slice(at + 9, end - 3))
    else if (!xml.startsWith('<!--', at) && !xml.startsWith('<?', at)) {
      throw new XmlError(`markup inside text at ${at}`)
    }
    i = end
    at = xml.indexOf('<', i)
  }
  return text + xmlText(xml.slice(i, to))
}

/**
 * Where `<name>…</name>` starting at `at` ends when it holds character data only (no markup, no
 * CDATA, no attributes), or -1. This is the shape of nearly every `<v>` and `<t>`, read here
 * without the general tag scanner; anything else is left to it.
 */
export function plainElementEnd(xml: string, at: number, name: string): number {
  const from = at + name.length + 2
  if (xml.charCodeAt(at) !== 0x3c || xml.charCodeAt(from - 1) !== 0x3e) return -1
  if (!xml.startsWith(name, at + 1)) return -1
  const close = xml.indexOf('<', from)
  const end = close + name.length + 3
  if (close < 0 || xml.charCodeAt(close + 1) !== 0x2f || xml.charCodeAt(end - 1) !== 0x3e) return -1
  return xml.startsWith(name, close + 2) ? end : -1
}

/** The decoded text of a plain element that plainElementEnd found. */
export function plainElementText(xml: string, at: number, end: number, name: string): string {
  return xmlText(xml.slice(at + name.length + 2, end - name.length - 3))
}

const runTag = emptyTag()

/**
 * The text of a shared string item (`<si>`) or an inline string (`<is>`) whose content starts at
 * `from`: its `<t>` runs joined, phonetic runs (`<rPh>`) left out, Excel's escapes decoded; and
 * where its end tag `</end>` ends. Null when the text ends before that end tag.
 */
export function runText(
  xml: string,
  from: number,
  end: string,
): { text: string; end: number } | null {
  const plain = plainElementEnd(xml, from, 't')
  if (plain >= 0 && xml.startsWith(`</${end}>`, plain)) {
    return {
      text: unescapeExcel(plainElementText(xml, from, plain, 't')),
      end: plain + end.length + 3,
    }
  }
  const tag = runTag
  let text = ''
  let phonetic = 0
  let textStart = -1
  for (let at = from; ; at = tag.end) {
    if (nextTag(xml, at, tag) !== TAG) return null
    if (tagIs(xml, tag, 't')) {
      if (phonetic > 0) continue
      if (tag.kind === 'open') textStart = tag.end
      else if (tag.kind === 'close' && textStart >= 0) {
        text += textBetween(xml, textStart, tag.start)
        textStart = -1
      }
    } else if (tagIs(xml, tag, 'rPh')) {
      if (tag.kind === 'open') phonetic++
      else if (tag.kind === 'close') phonetic = Math.max(0, phonetic - 1)
    } else if (tag.kind === 'close' && tagIs(xml, tag, end)) {
      return { text: unescapeExcel(text), end: tag.end }
    }
  }
}

/** Calls `visit` for every tag between `from` and `to`, in order. */
export function visitTags(
  xml: string,
  visit: (tag: XmlTag) => void,
  from = 0,
  to = xml.length,
): void {
  const tag = emptyTag()
  for (let at = from; at < to; at = tag.end) {
    if (nextTag(xml, at, tag) !== TAG || tag.start >= to) return
    visit(tag)
  }
}

/** No element of a spreadsheet part comes near this much text (a cell holds 32,767 characters). */
const MAX_ELEMENT_CHARS = 16 * 1024 * 1024

/**
 * Feeds a part's text, arriving in pieces, to `scan`, which returns how far it got through whole
 * elements; the rest is carried over to the next piece. An element longer than a piece is
 * rescanned only once the text waiting has doubled, so a long (or never-closed) element costs
 * time in proportion to its length. The last call has `last` set.
 */
export async function scanPieces(
  pieces: AsyncIterable<string>,
  scan: (text: string, last: boolean) => number,
): Promise<void> {
  let rest = ''
  let waitFor = 0
  for await (const piece of pieces) {
    rest = rest === '' ? piece : rest + piece
    if (rest.length < waitFor && rest.length <= MAX_ELEMENT_CHARS) continue
    rest = rest.slice(scan(rest, false))
    if (rest.length > MAX_ELEMENT_CHARS) {
      throw new XmlError(`an element runs past ${MAX_ELEMENT_CHARS} characters`)
    }
    waitFor = 2 * rest.length
  }
  scan(rest, true)
}

/** The start tags (with their attributes) of one element name, any namespace prefix. */
export function elements(xml: string, name: string, from = 0, to = xml.length) {
  const out: Map<string, string>[] = []
  visitTags(
    xml,
    (tag) => {
      if (tag.kind !== 'close' && tagIs(xml, tag, name)) out.push(attributes(xml, tag))
    },
    from,
    to,
  )
  return out
}

/**
 * Where the content of the first element `name` lies: from after its start tag to its end tag
 * (to the end of the text when it is never closed); null when there is no such element.
 */
export function section(xml: string, name: string): { from: number; to: number } | null {
  const tag = emptyTag()
  let from = -1
  let depth = 0
  for (let at = 0; ; at = tag.end) {
    if (nextTag(xml, at, tag) !== TAG) return from < 0 ? null : { from, to: xml.length }
    if (!tagIs(xml, tag, name)) continue
    if (from < 0) {
      if (tag.kind === 'empty') return { from: tag.end, to: tag.end }
      if (tag.kind === 'open') from = tag.end
      depth = 1
    } else if (tag.kind === 'open') {
      depth++
    } else if (tag.kind === 'close' && --depth === 0) {
      return { from, to: tag.start }
    }
  }
}
