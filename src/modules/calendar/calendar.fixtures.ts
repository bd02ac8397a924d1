import { type Calendar, buildCalendar, calendarEntries } from './calendar.ts'
import { parseHolidayNotice } from './notice-parser.ts'
import { officialCalendar } from './official-calendar.ts'

/**
 * Test fixtures: the arrangement items of State Council holiday notices, verbatim. 2017, 2024, 2025 and 2026 are
 * quoted from shared/domain/regulation.md §8 [V]; the original 2020 notice (before 国办发明电〔2020〕1号) is the text
 * of gov.cn content_5454164 as reproduced identically in several public copies.
 */

/** 国办发明电〔2016〕17号 */
export const NOTICE_2017 =
  '一、元旦：1月1日放假，1月2日（星期一）补休。二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。四、劳动节：5月1日放假，与周末连休。五、端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。'

/** The 2020 notice as first published (2019-11-21), before the COVID extension. */
export const NOTICE_2020_ORIGINAL = `一、元旦：2020年1月1日放假，共1天。
二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。
三、清明节：4月4日至6日放假调休，共3天。
四、劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
五、端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。
六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。`

/** 国办发明电〔2023〕7号; note the advice about 除夕 (2月9日), which is not a rest day. */
export const NOTICE_2024 =
  '一、元旦：1月1日放假，与周末连休。二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。五、端午节：6月10日放假，与周末连休。六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。'

/** 国办发明电〔2024〕12号 */
export const NOTICE_2025 =
  '一、元旦：1月1日（周三）放假1天，不调休。二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。三、清明节：4月4日（周五）至6日（周日）放假，共3天。四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。'

/**
 * 国务院办公厅 2025-11-04 (number not retrieved). The items are verbatim; the heading, salutation, preamble and
 * closing lines are illustrative (the usual shape of these notices), there to show the parser skips them.
 */
export const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`

/** The national calendar as it stood before 国办发明电〔2020〕1号: the 2020 rows come from the original notice. */
export function calendarBefore2020Amendment(): Calendar {
  const official = officialCalendar()
  return buildCalendar({
    version: 'before-2020-amendment',
    entries: [
      ...calendarEntries(official).filter((entry) => !entry.date.startsWith('2020-')),
      ...parseHolidayNotice(NOTICE_2020_ORIGINAL, 2020, '国务院办公厅 2019-11-21').entries,
    ],
    notices: official.notices.filter((notice) => notice.docNo !== '国办发明电〔2020〕1号'),
  })
}
