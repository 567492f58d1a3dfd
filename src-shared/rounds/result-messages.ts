/**
 * A product result's messages (rounds/results.ts) as messages of the catalogue, so each place that
 * shows them (the round's screens, its documents, the command line) words them the same way.
 */
import type { Message } from '../messages/catalogue'
import type { ResultMessage } from './results'

/** The catalogue message of `message`; `memberName` names a member by id. */
export function resultMessageOf(
  message: ResultMessage,
  memberName: (memberId: string) => string,
): Message {
  switch (message.code) {
    case 'missing':
      return {
        code: 'round-result.missing',
        params: { members: message.memberIds.map(memberName) },
      }
    case 'spread':
      return {
        code: 'round-result.spread',
        params: { difference: message.difference, max: message.max },
      }
    case 'no-quorum':
      return {
        code: 'round-result.no-quorum',
        params: { scored: message.scored, required: message.required },
      }
    case 'no-chair':
      return { code: 'round-result.no-chair', params: {} }
    case 'capped':
      return {
        code: 'round-result.capped',
        params: { fromStars: message.fromStars, computedStars: message.computedStars },
      }
  }
}
