/** The seed's 2017 公众诉求 figures come out of the demo records through letterStatistics, not out of a table of numbers. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../test/support/test-database.ts'
import { letterStatistics } from '../modules/letters/index.ts'
import { currentRegion } from '../modules/orgs/index.ts'
import { seedDemoLetters2017, SUNSHINE_114_DEMO } from './seed-letters-2017.ts'

const KEY = '0123456789abcdef0123456789abcdef'

describeEachDatabase('the 2017 demo letters', (database) => {
  it('give the annual report\'s figures per channel: 1109/1055 with 监评 83 = 2/77/4, 32/30, 171/166, 3866/3866', async () => {
    const db = database().db
    const inserted = await seedDemoLetters2017(db, KEY)
    expect(inserted).toBe(1109 + 32 + 171 + 3866 + SUNSHINE_114_DEMO)
    expect(await seedDemoLetters2017(db, KEY)).toBe(0) // once
    const region = (await currentRegion(db))!
    const rows = await letterStatistics(db, { regionId: region.id, from: '2017-01-01', to: '2017-12-31', groupBy: 'channel' })
    const of = (channel: string) => rows.find((r) => r.channel === channel)!
    // "区长公开信箱收件1109件，处理完毕1055件；监评83件，其中优2件、良77件、中4件。"
    expect(of('district_mailbox')).toMatchObject({ received: 1109, handled: 1055, carriedOver: 54, supervision: { excellent: 2, good: 77, fair: 4, poor: 0 } })
    // "市长信箱共收件32件，办结30件；市长公开电话收件171件，办结166件。"
    expect(of('mayor_mailbox')).toMatchObject({ received: 32, handled: 30, carriedOver: 2 })
    expect(of('mayor_hotline')).toMatchObject({ received: 171, handled: 166, carriedOver: 5 })
    // "共接收区长公开电话3866件，处理完毕3866件。" — answered on the spot: 0 working days.
    expect(of('district_hotline')).toMatchObject({ received: 3866, handled: 3866, carriedOver: 0, medianWorkingDays: 0 })
    expect(of('sunshine_114')).toMatchObject({ received: SUNSHINE_114_DEMO, handled: SUNSHINE_114_DEMO })
    expect(rows[0]).toMatchObject({ channel: 'all', received: 1109 + 32 + 171 + 3866 + SUNSHINE_114_DEMO })
    // The carried-over letters were answered in January 2018: a statistics run to the end of January counts them handled.
    const january = await letterStatistics(db, { regionId: region.id, from: '2017-01-01', to: '2018-01-31', groupBy: 'channel' })
    expect(january.find((r) => r.channel === 'district_mailbox')).toMatchObject({ received: 1109, handled: 1109, carriedOver: 0 })
    // Every reply by the period's end is counted once, on time or late: each handled letter's, and some carried-over
    // letters' (replied in the last days of December, released in January); 31 letters were screened out unanswered.
    const mailbox = of('district_mailbox')
    expect(mailbox.repliedOnTime + mailbox.repliedLate).toBeGreaterThan(1055 - 31)
    expect(mailbox.repliedOnTime + mailbox.repliedLate).toBeLessThan(1109 - 31)
    expect(mailbox.repliedLate).toBeGreaterThan(0)
    expect(mailbox.medianWorkingDays).toBeGreaterThan(2)
  })
})
