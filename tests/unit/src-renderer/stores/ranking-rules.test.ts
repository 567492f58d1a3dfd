// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { RANKING_RULES_KEY } from '@shared/domain/ranking-rules'
import { setDatabase } from '@/db/instance'
import { getRankingRules, saveRankingRules } from '@/db/settings-repo'
import { useRegisterStore } from '@/stores/register'
import { useFreshDatabases } from '../db/fresh-db'
import { decided, product } from '../../src-shared/domain/ranking-fixtures'

const freshDb = useFreshDatabases('ranking-rules')

beforeEach(() => setActivePinia(createPinia()))

describe('the months a 1★-2★ result stands (Cài đặt)', () => {
  it('are 36 until the office saves others, which are audited and read back', async () => {
    const db = await freshDb()
    expect(await getRankingRules(db)).toEqual({ lowStarResultMonths: 36 })
    await saveRankingRules(db, { lowStarResultMonths: 24 })
    expect(await getRankingRules(db)).toEqual({ lowStarResultMonths: 24 })
    const audit = (await db.auditLog.toArray()).at(-1)
    expect(audit).toMatchObject({
      table: 'settings',
      recordId: RANKING_RULES_KEY,
      summary: 'Kết quả 1-2 sao có giá trị 24 tháng',
      before: null,
      after: { lowStarResultMonths: 24 },
    })
    await expect(saveRankingRules(db, { lowStarResultMonths: 0 })).rejects.toThrow()
    expect(await getRankingRules(db)).toEqual({ lowStarResultMonths: 24 })
  })

  it('decide every status the register gives, from the moment they are saved', async () => {
    setDatabase(await freshDb())
    const register = useRegisterStore()
    await register.load()
    register.products = [product('p')]
    register.evaluations = [decided('p', 2, '2018-10-01')]
    expect(register.evaluationIndex.statusOn('p', '2020-12-31').kind).toBe('da-danh-gia')

    const before = await register.setRankingRules({ lowStarResultMonths: 24 })
    expect(before).toEqual({ lowStarResultMonths: 36 })
    expect(register.evaluationIndex.statusOn('p', '2020-12-31').kind).toBe('het-han')

    // Opened again, the register reads the office's months.
    setActivePinia(createPinia())
    const reopened = useRegisterStore()
    await reopened.load()
    expect(reopened.rankingRules).toEqual({ lowStarResultMonths: 24 })
  })
})
