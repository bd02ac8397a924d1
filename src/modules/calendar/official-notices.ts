/**
 * What we know about the State Council papers that the holiday-cn files cite, keyed by the URL in each file's
 * `papers`. A paper not listed here is an ordinary annual notice: its title follows the fixed pattern and its
 * 发文字号 is unknown (null) until someone verifies it against gov.cn. Add a number only from a retrieved copy.
 */
export interface NoticeDetails {
  readonly title?: string
  readonly docNo?: string
}

/** Title of the annual notice for a year. */
export function annualNoticeTitle(year: number): string {
  return `《国务院办公厅关于${year}年部分节假日安排的通知》`
}

export const OFFICIAL_NOTICE_DETAILS: Readonly<Record<string, NoticeDetails>> = {
  // regulation.md §8 [V]: 2017 — 国办发明电〔2016〕17号, 2016-12-01
  'http://www.gov.cn/zhengce/zhengceku/2016-12/01/content_5141603.htm': { docNo: '国办发明电〔2016〕17号' },
  // regulation.md §8 [V]: 2024 — 国办发明电〔2023〕7号, 2023-10-25
  'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm': { docNo: '国办发明电〔2023〕7号' },
  // regulation.md §8 [V]: 2025 — 国办发明电〔2024〕12号, 2024-11-12
  'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm': { docNo: '国办发明电〔2024〕12号' },
  // 2026 (2025-11-04): number not retrieved (regulation.md §8) — left unknown on purpose.
  // COVID extension of the 2020 Spring Festival (shared PROVENANCE.md): holidays to 02-02, 02-01 no longer worked.
  'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm': {
    title: '《国务院办公厅关于延长2020年春节假期的通知》',
    docNo: '国办发明电〔2020〕1号',
  },
  // Mid-year amendment of 2019 (劳动节 5-01…5-04); title as reported on gov.cn 2019-03-22, number not retrieved.
  'http://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm': { title: '《国务院办公厅关于调整2019年劳动节假期安排的通知》' },
  // The one-off 2015-09-03 anniversary holiday; issued by the State Council itself, number not retrieved.
  'http://www.gov.cn/zhengce/zhengceku/2015-05/13/content_9742.htm': {
    title: '《国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》',
  },
}
