import type { PauseReason, SilenceOutcome } from './pause-reasons.ts'

/**
 * Every user-facing string of the calendar module (errors, refusals, trace text), in one place so the wording can
 * be reviewed. Input errors say what to do (STYLE.md §3); trace lines say what happened, with dates.
 */

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

const PAUSE_NAMES: Readonly<Record<PauseReason, string>> = {
  third_party_consultation: '征求第三方意见',
  agency_consultation: '征求其他机关意见',
  fee_notice: '收费通知',
}

const PAUSE_LABELS: Readonly<Record<PauseReason, string>> = {
  third_party_consultation: '征求第三方意见期间',
  agency_consultation: '征求其他机关意见期间',
  fee_notice: '收费通知至缴费期间',
}

const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday] ?? ''

export const messages = {
  // Error wrappers
  noticeParseError: (sentence: string, reason: string) => `无法解析“${sentence}”：${reason}`,
  clockEventError: (index: number, reason: string) => `第${index + 1}个事件：${reason}`,

  // Dates and counts
  dateFormat: (value: string) => `请按 YYYY-MM-DD 格式填写日期，例如 2025-10-09（收到的是“${value}”）`,
  impossibleDate: (date: string) => `${date} 不是真实存在的日期，请检查月份和日期`,
  dateOutOfRange: (date: string, min: number, max: number) => `日期 ${date} 超出可计算的范围（${min}—${max}年）`,
  yearOutOfRange: (value: string, min: number, max: number) => `年份应为 ${min} 至 ${max} 之间的整数（收到的是“${value}”）`,
  dayCountNotInteger: (value: string) => `天数应为整数（收到的是“${value}”）`,
  dayCountNegative: (n: number) => `天数不能为负数（收到的是 ${n}）`,
  dayCountTooLarge: (n: number, max: number) => `天数不能超过 ${max}（收到的是 ${n}）`,
  endBeforeStart: (from: string, to: string) => `结束日期 ${to} 早于开始日期 ${from}，请检查两个日期`,
  walkTooLong: (date: string) => `从 ${date} 起计算超过一百年仍未届满，请检查暂停是否已经恢复`,

  // Calendar rows
  unknownEntryKind: (date: string, kind: string) => `${date} 的类型“${kind}”无效，应为 holiday（放假）或 worked_weekend（调休上班）`,
  missingHolidayName: (date: string) => `请填写 ${date} 所属节日的名称`,
  workedWeekendOnWeekday: (date: string, weekday: number) => `${date} 是${weekdayName(weekday)}，只有周六、周日可以标为调休上班`,
  duplicateEntry: (date: string) => `${date} 出现了两次，每个日期只能有一条记录`,
  malformedHolidayCn: (year: string) => `节假日数据文件 ${year}.json 的格式不正确`,

  // Regimes
  unknownRegime: (id: string, known: readonly string[]) => `未知的期限规则“${id}”，可选：${known.join('、')}`,
  noRegimeInForce: (date: string) => `${date} 没有生效的政府信息公开期限规则（2007年条例自 2008-05-01 起施行）`,

  // Trace
  weekdayName,
  countFrom: (date: string) => `起算日 ${date}（当日不计入）`,
  periodEnds: (date: string, n: number) => (n === 0 ? `期间届满：${date}（当日）` : `期间届满：${date}（第${n}日）`),
  periodRolledForward: (n: number, last: string, due: string) =>
    `第${n}日 ${last} 为法定休假日，以休假日结束的次日 ${due} 为期间的最后一日（民法典第二百零三条）`,
  countedRun: (first: number, last: number, range: string, workedWeekends: readonly string[], calendarDays: boolean) =>
    `${first === last ? `第${first}日` : `第${first}–${last}日`} ${range}` +
    (calendarDays ? '（按自然日计算）' : workedWeekends.length > 0 ? `（${workedWeekends.join('、')}调休上班）` : ''),
  holidayRun: (range: string, names: readonly string[], plainWeekend: boolean) => `${range} ${names.join('、')}放假${plainWeekend ? '（含周末）' : ''}`,
  weekendRun: (range: string, weekday?: number) => `${range} ${weekday === undefined ? '周末' : weekdayName(weekday)}`,
  pausedRun: (range: string, label: string, workingDays: number) => `${range} ${label}，${workingDays}个工作日不计入`,
  dayMark: (n: number, date: string) => `第${n}日 ${date}`,
  pastDue: '，已超过期限',

  // Clock
  pauseName: (reason: PauseReason) => PAUSE_NAMES[reason],
  pausedLabel: (reason: PauseReason) => PAUSE_LABELS[reason],
  noEvents: '没有任何事件，请先记录收到申请的日期',
  eventAfterToday: (on: string, today: string) => `事件日期 ${on} 晚于今天（${today}），请检查日期`,
  answerDue: (date: string, total: number) => `答复期限：${date}（第${total}个工作日）`,
  awaitingCorrection: (due: string) => `等待申请人补正；如今天收到补正，答复期限为 ${due}`,
  projectedFrom: (today: string) => `截至 ${today} 仍在暂停中，以下按当日恢复计算推算`,
  overdueAsOf: (today: string, days: number) => `截至 ${today} 已超过答复期限 ${days} 个工作日`,
  eventText: {
    start: (date: string) => `收到申请 ${date}`,
    correctionRequested: (date: string, noticeDue: string | null, late: boolean) =>
      `${date} 告知补正` +
      (noticeDue === null ? '' : late ? `（已超过第三十条规定的告知期限 ${noticeDue}）` : `（告知期限 ${noticeDue}）`) +
      '，答复期限自收到补正之日起重新计算',
    restart: (date: string) => `收到补正 ${date}，答复期限重新起算（第三十条）`,
    pause: (reason: PauseReason, date: string, replyDue: string | null) => {
      switch (reason) {
        case 'third_party_consultation':
          return `${date} 书面征求第三方意见，征求意见期间不计入答复期限${replyDue ? `（第三方提出意见期限 ${replyDue}）` : ''}`
        case 'agency_consultation':
          return `${date} 征求其他机关意见，征求意见期间不计入答复期限${replyDue ? `（被征求意见机关提出意见期限 ${replyDue}）` : ''}`
        case 'fee_notice':
          return `${date} 发出收费通知，至申请人缴费期间不计入答复期限`
      }
    },
    resume: (reason: PauseReason, date: string, late: boolean) => {
      const what = { third_party_consultation: '收到第三方意见', agency_consultation: '收到被征求意见机关的意见', fee_notice: '申请人缴费' }[reason]
      return late ? `${date} ${what}（提出意见期限已过，期限届满次日起已恢复计算）` : `${date} ${what}，次日起恢复计算`
    },
    deemedEnd: (reason: PauseReason, date: string, silence: SilenceOutcome | null) => {
      const who = reason === 'agency_consultation' ? '被征求意见机关' : '第三方'
      const meaning = silence === 'deemed_consent' ? '视为同意公开' : '由行政机关依照条例决定是否公开'
      return `${who}逾期未提出意见（期限 ${date} 届满），${meaning}，次日起恢复计算`
    },
    extension: (date: string, days: number) => `${date} 经政府信息公开工作机构负责人同意，延长答复期限 ${days} 个工作日`,
    stop: (date: string) => `${date} 答复`,
  },
  refusal: {
    firstMustBeStart: '第一个事件必须是收到申请',
    secondStart: '已经记录了收到申请，不能重复记录',
    afterStop: (date: string) => `已于 ${date} 答复，不能再记录其他事件`,
    beforePrevious: (date: string, previous: string) => `事件日期 ${date} 早于上一个事件（${previous}），请按时间顺序记录`,
    secondCorrection: (date: string) => `已于 ${date} 告知补正；第三十条要求一次性告知，不能再次告知补正`,
    restartWithoutCorrection: '尚未告知补正，不能以收到补正重新起算',
    secondRestart: (date: string) => `已于 ${date} 收到补正并重新起算，不能再次重新起算`,
    pauseWhileAwaitingCorrection: '正在等待申请人补正，答复期限尚未起算，不能暂停',
    pauseNotAllowed: (name: string, title: string) => `${title}没有规定${name}的时间不计入答复期限，不能暂停`,
    pauseNotYetAvailable: (name: string, from: string) => `${name}不计入答复期限的规定自 ${from} 起适用`,
    pauseAlreadyOpen: (name: string) => `${name}尚未结束，不能重复暂停`,
    pauseAfterDue: (due: string) => `答复期限已于 ${due} 届满，不能再暂停计算`,
    deliveredBeforeSent: (delivered: string, sent: string) => `送达日期 ${delivered} 早于发出日期 ${sent}，请检查日期`,
    resumeWithoutPause: (name: string) => `没有进行中的${name}，无法恢复计算`,
    extensionWhileAwaitingCorrection: '正在等待申请人补正，答复期限尚未起算，不能延期',
    secondExtension: (citation: string) => `答复期限只能延长一次（${citation}）`,
    extensionNotPositive: (value: string) => `延长的天数应为正整数（收到的是“${value}”）`,
    extensionTooLong: (days: number, max: number, citation: string) => `延长 ${days} 个工作日超过了上限 ${max} 个工作日（${citation}）`,
    extensionAfterDue: (due: string) => `答复期限已于 ${due} 届满，不能再延期`,
    unknownEvent: (type: string) => `未知的事件类型“${type}”`,
  },

  // Notice parser
  notice: {
    noItems: '没有找到“一、元旦：……”这样的放假安排条目',
    noDates: '没有找到任何放假或上班日期',
    unknownClause: (clause: string) => `无法识别“${clause}”：它不是放假、上班或调休安排，也不是已知的说明文字`,
    unknownDate: (text: string) => `无法识别日期“${text}”`,
    missingMonth: (text: string) => `“${text}”没有月份，前面也没有可以沿用的日期`,
    impossibleDate: (year: number, month: number, day: number) => `${year}年${month}月${day}日不是真实存在的日期`,
    weekdayMismatch: (date: string, stated: number, actual: number) => `${date} 标注为${weekdayName(stated)}，但这一天是${weekdayName(actual)}`,
    rangeBackwards: (start: string, end: string) => `日期范围的结束日 ${end} 早于开始日 ${start}`,
    totalMismatch: (stated: number, counted: number) => `写明共${stated}天，但列出的放假日期是${counted}天`,
    contradiction: (date: string, other: string) => `${date} 的安排与“${other}”相互矛盾（一处放假，一处上班）`,
    dateInTwoItems: (date: string, first: string, second: string) => `${date} 同时出现在“${first}”和“${second}”两项中`,
  },
}
