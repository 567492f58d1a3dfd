import { afterEach, describe, expect, it } from 'vitest'
import {
  addDays,
  addMonthsClamped,
  certificateExpiry,
  certificateStatusOn,
  daysUntil,
  evaluationExpiry,
  noticeDueDate,
} from '@shared/domain/certificates'

describe('certificate expiry: 36 months from the decision, valid through the day before', () => {
  it.each([
    ['2019-11-05', '2022-11-04'],
    ['2019-01-01', '2021-12-31'],
    ['2020-12-31', '2023-12-30'],
    // Month ends: the anniversary keeps the day-of-month when the month has it.
    ['2020-01-31', '2023-01-30'],
    ['2020-03-31', '2023-03-30'],
    // 29/02 has no anniversary in 2023: it clamps to 28/02, so the last valid day is 27/02.
    ['2020-02-29', '2023-02-27'],
    // A leap day inside the span changes nothing; a leap year at the end gives 29/02.
    ['2021-02-28', '2024-02-27'],
    ['2021-03-01', '2024-02-29'],
    ['2020-03-01', '2023-02-28'],
  ])('decided %s → valid through %s', (decisionDate, expiry) => {
    expect(certificateExpiry(decisionDate)).toBe(expiry)
  })

  it('clamps to the last day of a shorter month when adding months', () => {
    expect(addMonthsClamped('2020-01-31', 1)).toBe('2020-02-29')
    expect(addMonthsClamped('2021-01-31', 1)).toBe('2021-02-28')
    expect(addMonthsClamped('2021-08-31', 1)).toBe('2021-09-30')
    expect(addMonthsClamped('2021-12-15', 1)).toBe('2022-01-15')
  })

  it('uses the stored expiry, computes a missing one for 3★+, and has none for 1★-2★', () => {
    const base = { decisionDate: '2020-06-15', expiryDate: null }
    expect(evaluationExpiry({ ...base, recognisedStars: 3 })).toBe('2023-06-14')
    expect(evaluationExpiry({ ...base, recognisedStars: 4, expiryDate: '2023-07-01' })).toBe(
      '2023-07-01',
    )
    expect(evaluationExpiry({ ...base, recognisedStars: 2 })).toBeNull()
    expect(evaluationExpiry({ ...base, decisionDate: null, recognisedStars: 3 })).toBeNull()
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => certificateExpiry('05/11/2019')).toThrow(RangeError)
    expect(() => certificateExpiry('2023-02-29')).toThrow(RangeError)
  })
})

describe('days between dates', () => {
  it('counts calendar days across leap years and month ends', () => {
    expect(daysUntil('2020-02-28', '2020-03-01')).toBe(2)
    expect(daysUntil('2021-02-28', '2021-03-01')).toBe(1)
    expect(daysUntil('2020-01-01', '2023-01-01')).toBe(1096)
    expect(daysUntil('2023-01-31', '2023-01-30')).toBe(-1)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28')
  })

  describe('in any time zone', () => {
    const original = process.env.TZ
    afterEach(() => {
      process.env.TZ = original
    })

    it.each(['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
      'gives the same dates in %s',
      (zone) => {
        process.env.TZ = zone
        expect(certificateExpiry('2020-02-29')).toBe('2023-02-27')
        expect(daysUntil('2023-03-25', '2023-03-27')).toBe(2)
        expect(noticeDueDate('2023-01-30')).toBe('2022-12-31')
      },
    )
  })
})

describe('certificate status on a date', () => {
  // Decided 2020-01-31, valid through 2023-01-30.
  const expiry = certificateExpiry('2020-01-31')

  it.each([
    ['2020-01-31', 'valid'],
    ['2022-10-31', 'valid'], // 91 days left
    ['2022-11-01', 'expiring-90'], // 90 days left
    ['2022-12-30', 'expiring-90'], // 31 days left
    ['2022-12-31', 'expiring-30'], // 30 days left
    ['2023-01-29', 'expiring-30'], // the day before expiry
    ['2023-01-30', 'expiring-30'], // the expiry day: still valid
    ['2023-01-31', 'expired'], // the day after
    ['2030-01-01', 'expired'],
  ])('on %s it is %s', (date, status) => {
    expect(certificateStatusOn(expiry, date)).toBe(status)
  })

  it('checks the window edges by day count', () => {
    expect(daysUntil('2022-11-01', expiry)).toBe(90)
    expect(daysUntil('2022-10-31', expiry)).toBe(91)
    expect(daysUntil('2022-12-31', expiry)).toBe(30)
    expect(daysUntil('2022-12-30', expiry)).toBe(31)
  })

  it('is none without a certificate', () => {
    expect(certificateStatusOn(null, '2023-01-01')).toBe('none')
  })

  it('sets the owner notice 30 days before expiry, the first day of the 30-day window', () => {
    expect(noticeDueDate(expiry)).toBe('2022-12-31')
    expect(noticeDueDate('2023-03-01')).toBe('2023-01-30')
    expect(certificateStatusOn(expiry, noticeDueDate(expiry))).toBe('expiring-30')
    expect(certificateStatusOn(expiry, addDays(noticeDueDate(expiry), -1))).toBe('expiring-90')
  })
})
