/** Words a catalogue message in a language: the one way shared codes become sentences. */
import type { Locale, Message, MessageCode, MessageParams, MessageTable } from './catalogue'
import { en } from './en'
import { vi } from './vi'

const TABLES: Readonly<Record<Locale, MessageTable>> = { vi, en }

function sentence<C extends MessageCode>(
  table: MessageTable,
  code: C,
  params: MessageParams[C],
): string {
  return table.messages[code](params)
}

/** The message as a sentence in `locale`, opened by its location when it has one. */
export function formatMessage(message: Message, locale: Locale = 'vi'): string {
  const table = TABLES[locale]
  const opening = message.where === undefined ? '' : table.location(message.where)
  return opening + sentence(table, message.code, message.params)
}

/** Whether the catalogue has a sentence for `code`. */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(vi.messages, code)
}
