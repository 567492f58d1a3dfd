import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type {
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  ScoringSheetRecord,
} from '@shared/db/records'
import { roundBundle, type RoundBundle } from '@shared/rounds/round-data'
import { useDatabase } from '@/db/instance'
import { listRoundTables } from '@/db/rounds-repo'
import { useRegisterStore } from './register'

/**
 * The evaluation rounds with their records, read whole (a round has at most a few hundred
 * products and a dozen members) and read again after each write, so every tab shows the database.
 */
export const useRoundsStore = defineStore('rounds', () => {
  const rounds = shallowRef<Round[]>([])
  const members = shallowRef<RoundMember[]>([])
  const entries = shallowRef<RoundEntry[]>([])
  const scores = shallowRef<RoundScore[]>([])
  const sheets = shallowRef<ScoringSheetRecord[]>([])

  /** Newest year first, then the later round of a year first. */
  const sorted = computed(() =>
    [...rounds.value].sort((a, b) => b.year - a.year || b.number - a.number),
  )

  async function load() {
    const tables = await listRoundTables(useDatabase())
    rounds.value = tables.rounds
    members.value = tables.roundMembers
    entries.value = tables.roundEntries
    scores.value = tables.roundScores
    sheets.value = tables.scoringSheets
  }

  /** The round `id` with its records; undefined when it or its criteria set is gone. */
  function bundleOf(id: string): RoundBundle | undefined {
    const round = rounds.value.find((r) => r.id === id)
    if (round === undefined) return undefined
    return roundBundle(
      {
        rounds: rounds.value,
        criteriaSets: useRegisterStore().criteriaSets,
        roundMembers: members.value,
        roundEntries: entries.value,
        roundScores: scores.value,
        scoringSheets: sheets.value,
      },
      round,
    )
  }

  /** Runs a write, then reads the rounds again; resolves to what the write returned. */
  async function write<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change()
    } finally {
      await load()
    }
  }

  return { rounds, members, entries, scores, sheets, sorted, load, bundleOf, write }
})
