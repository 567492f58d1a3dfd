/**
 * What repeats from row to row in a commune file (units, groups, producer types, names,
 * total-row keys) is worked out once per file, and the rows already seen are remembered for
 * the duplicate check.
 */
import { canonicalName, normalizeText } from '../text/vietnamese'
import { headerKey } from './header'
import type { NormaliseOptions, SheetCell } from './rows'
import { matchUnit, type UnitCandidate, type UnitMatchResult } from './units-match'
import { parseProducerType } from './values'

const GROUP_KEYS: readonly (readonly [string, string])[] = [
  ['thuc pham', 'Thực phẩm'],
  ['do uong', 'Đồ uống'],
  ['duoc lieu', 'Dược liệu và sản phẩm từ dược liệu'],
  ['thu cong my nghe', 'Hàng thủ công mỹ nghệ'],
  ['sinh vat canh', 'Sinh vật cảnh'],
  ['du lich', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch'],
]

/** One of the six group names from full or shortened wording; other text as written. */
function normaliseGroup(text: string): string {
  const key = headerKey(text)
  if (!key) return ''
  for (const [needle, group] of GROUP_KEYS) {
    if (key === needle || key.startsWith(`${needle} `) || key.includes(` ${needle}`)) return group
  }
  return text
}

/**
 * The unit a row names, valid when the row's decision was taken; without a date, valid at the
 * start or the end of the row's year (units merge mid-year).
 */
function matchUnitInYear<U extends UnitCandidate>(
  text: string,
  units: readonly U[],
  decisionDate: string | null,
  year: number | null,
): UnitMatchResult<U> {
  if (decisionDate !== null) return matchUnit(text, units, decisionDate)
  if (year === null) return matchUnit(text, units)
  const atStart = matchUnit(text, units, `${year}-01-01`)
  return atStart.ok ? atStart : matchUnit(text, units, `${year}-12-31`)
}

/** What one file's rows share, worked out on first use: keys, groups, types, names, units. */
export class RowMemo<U extends UnitCandidate> {
  /** The first sheet row of each product, producer, unit and year seen so far. */
  readonly seen = new Map<string, number>()
  private readonly keys = new Map<string, string>()
  private readonly groups = new Map<string, string>()
  private readonly canonical = new Map<string, string>()
  private readonly types = new Map<string, ReturnType<typeof parseProducerType>>()
  private readonly units = new Map<string, UnitMatchResult<U>>()

  constructor(private readonly options: NormaliseOptions<U>) {}

  key(text: string): string {
    let key = this.keys.get(text)
    if (key === undefined) this.keys.set(text, (key = headerKey(text)))
    return key
  }

  group(text: string): string {
    let group = this.groups.get(text)
    if (group === undefined) this.groups.set(text, (group = normaliseGroup(text)))
    return group
  }

  producerType(value: SheetCell['value']) {
    if (typeof value !== 'string') return parseProducerType(value)
    let found = this.types.get(value)
    if (found === undefined) this.types.set(value, (found = parseProducerType(value)))
    return found
  }

  canonicalName(text: string): string {
    let name = this.canonical.get(text)
    if (name === undefined) this.canonical.set(text, (name = canonicalName(normalizeText(text))))
    return name
  }

  unit(text: string, decisionDate: string | null, year: number | null) {
    const key = `${text}|${decisionDate ?? ''}|${year ?? ''}`
    let found = this.units.get(key)
    if (found === undefined) {
      found = matchUnitInYear(text, this.options.units, decisionDate, year)
      this.units.set(key, found)
    }
    return found
  }
}
