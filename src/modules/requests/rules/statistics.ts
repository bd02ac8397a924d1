/**
 * Statistics of 依申请公开 for the annual report, computed from case facts: every cell of table 三 in the 2021 format
 * (国办公开办函〔2021〕30号) and the 2019 trial format (国办公开办函〔2019〕60号), table 四 (行政复议、行政诉讼), and the
 * 2014-era rows of 《政府信息公开情况统计表》 (国办发〔2014〕32号). Each cell carries the ids of the cases behind it, so
 * a report can be drilled down to its cases. The consistency rules of regulation.md §3.6 (R1–R7) and §4.4 (O1–O4) are
 * a checker over plain numbers, so that they also check tables typed in by hand or imported.
 *
 * Counting conventions (regulation.md §3.4, §3.6):
 * - 一、本年新收: 收到申请之日 in the year. 二、上年结转: received before the year and not decided before it.
 * - 三、办理结果: decided in the year, one row per case (R2). 四、结转下年度继续办理: received by 31 December and not
 *   decided by then. With these, R1 (一 + 二 = （七）总计 + 四) holds by construction.
 * - 表四: remedies filed in the year, with their outcome as of 31 December (decided later → 尚未审结).
 */
import type { Calendar, IsoDate } from '../../calendar/index.ts'
import { APPLICANT_CATEGORIES, APPLICANT_CATEGORY_CODES, type ApplicantCategory, isApplicantCategory } from './applicant.ts'
import { type LegacyChannelRow, type ReceiptChannel, LEGACY_CHANNEL_ROWS, isReceiptChannel, legacyChannelRow } from './channels.ts'
import { isIsoDate } from './dates.ts'
import {
  type AnswerForm,
  type DispositionCode,
  type LegacyAnswerRow,
  type LegacyRefusalReason,
  type Table3Row2019,
  type ThirdPartyInterest,
  DISPOSITION_GROUPS,
  DISPOSITIONS,
  LEGACY_ANSWER_ROWS,
  LEGACY_REFUSAL_REASONS,
  isDispositionCode,
  legacyAnswerCell,
  table3Row2019,
} from './dispositions.ts'
import { type RemedyKind, type RemedyOutcome, type RequestCase, answeredOnTime } from './lifecycle.ts'

/** What statistics need to know about one case (also the columns of a history import). */
export interface CaseFacts {
  readonly id: string
  readonly receivedOn: IsoDate
  readonly channel: ReceiptChannel
  readonly applicant: ApplicantCategory
  /** Null while undecided. */
  readonly decidedOn: IsoDate | null
  /** Null while undecided. */
  readonly disposition: DispositionCode | null
  /** 第三十六条 form (tells 已主动公开 from 同意公开, 不存在 from 不属于本机关 in the 2014-era rows). */
  readonly answerForm?: AnswerForm | null
  readonly thirdPartyInterest?: ThirdPartyInterest | null
  /** The answer period was extended (延期). */
  readonly extended: boolean
  /** Answered by the due date; null while undecided. */
  readonly onTime: boolean | null
  readonly remedies: readonly RemedyFacts[]
  /** 收费通知 and payment, when a fee was noticed (annual report 六、其他需要报告的事项; 2014-era row 七). */
  readonly fee?: { readonly noticeOn: IsoDate; readonly amountYuan: number; readonly paidOn: IsoDate | null } | null
}

export interface RemedyFacts {
  readonly kind: RemedyKind
  readonly filedOn: IsoDate
  /** Litigation only: after a 行政复议. */
  readonly afterReview: boolean
  /** The final outcome, or pending. */
  readonly outcome: RemedyOutcome
  readonly decidedOn: IsoDate | null
}

/** One number of a table and the cases behind it. */
export interface Cell {
  readonly count: number
  readonly caseIds: readonly string[]
}

/** The seven columns of table 三. */
export type Table3Column = ApplicantCategory | 'total'
/** The seven columns in printed order. */
export const TABLE3_COLUMNS: readonly Table3Column[] = Object.freeze([...APPLICANT_CATEGORY_CODES, 'total'])

/** Numeric rows of table 三 (2021 format): 一, 二, the 21 outcomes, （七）总计, 四. */
export type Table3Row2021Key = 'new_received' | 'carried_over' | DispositionCode | 'total_processed' | 'carried_forward'
/** Numeric rows of table 三 (2019 trial format). */
export type Table3Row2019Key = 'new_received' | 'carried_over' | Table3Row2019 | 'total_processed' | 'carried_forward'

/** A table of cells, by row and column. */
export type Table<Row extends string, Column extends string> = Readonly<Record<Row, Readonly<Record<Column, Cell>>>>
/** The same shape with plain numbers (null = blank), for checking typed-in or imported tables. */
export type NumberTable<Row extends string, Column extends string> = Readonly<Record<Row, Readonly<Record<Column, number | null>>>>

/** One printed line of a table: a numeric row (key) or a group heading (key null). */
export interface LayoutLine<Row extends string> {
  readonly key: Row | null
  readonly label: string
}

const OUTCOME_ROWS_2021: readonly DispositionCode[] = DISPOSITIONS.map((rule) => rule.code)
const OUTCOME_ROWS_2019: readonly Table3Row2019[] = [...new Set(OUTCOME_ROWS_2021.map(table3Row2019))]

/** Numeric rows of the 2021 table 三, in printed order. */
export const TABLE3_ROWS_2021: readonly Table3Row2021Key[] = Object.freeze(['new_received', 'carried_over', ...OUTCOME_ROWS_2021, 'total_processed', 'carried_forward'])
/** Numeric rows of the 2019 table 三, in printed order. */
export const TABLE3_ROWS_2019: readonly Table3Row2019Key[] = Object.freeze(['new_received', 'carried_over', ...OUTCOME_ROWS_2019, 'total_processed', 'carried_forward'])

function layout(format: '2021' | '2019'): LayoutLine<string>[] {
  const lines: LayoutLine<string>[] = [
    { key: 'new_received', label: '一、本年新收政府信息公开申请数量' },
    { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
    { key: null, label: '三、本年度办理结果' },
  ]
  for (const group of Object.keys(DISPOSITION_GROUPS) as (keyof typeof DISPOSITION_GROUPS)[]) {
    const rules = DISPOSITIONS.filter((rule) => rule.group === group)
    if (group === 'granted' || group === 'partial' || (group === 'other' && format === '2019')) lines.push({ key: group === 'other' ? 'other' : rules[0]!.code, label: DISPOSITION_GROUPS[group] })
    else lines.push({ key: null, label: DISPOSITION_GROUPS[group] }, ...rules.map((rule) => ({ key: rule.code, label: rule.label })))
  }
  lines.push({ key: 'total_processed', label: '（七）总计' }, { key: 'carried_forward', label: '四、结转下年度继续办理' })
  return lines
}

/** The printed lines of the 2021 table 三 (labels as in the format; group headings carry no numbers). */
export const TABLE3_LAYOUT_2021 = Object.freeze(layout('2021')) as readonly LayoutLine<Table3Row2021Key>[]
/** The printed lines of the 2019 trial format's table 三 (（六）其他处理 is one row). */
export const TABLE3_LAYOUT_2019 = Object.freeze(layout('2019')) as readonly LayoutLine<Table3Row2019Key>[]
/** Column headings of table 三. */
export const TABLE3_COLUMN_LABELS: Readonly<Record<Table3Column, string>> = Object.freeze({
  ...Object.fromEntries(APPLICANT_CATEGORIES.map((rule) => [rule.code, rule.label])),
  total: '总计',
} as Record<Table3Column, string>)

/** Blocks of table 四: 行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉. */
export type Table4Block = 'review' | 'litigation_direct' | 'litigation_after_review'
/** Columns of each block of table 四. */
export type Table4Column = RemedyOutcome | 'total'
export const TABLE4_BLOCKS: Readonly<Record<Table4Block, string>> = Object.freeze({ review: '行政复议', litigation_direct: '行政诉讼：未经复议直接起诉', litigation_after_review: '行政诉讼：复议后起诉' })
export const TABLE4_COLUMNS: readonly Table4Column[] = Object.freeze(['upheld', 'corrected', 'other', 'pending', 'total'])

/** Rows of the 2014-era table that come from cases (三 依申请公开, 四 行政复议, 五 行政诉讼). */
export type LegacyRowKey =
  | 'received'
  | `received_${LegacyChannelRow}`
  | 'concluded'
  | 'concluded_on_time'
  | 'concluded_extended'
  | 'answered'
  | `answer_${LegacyAnswerRow}`
  | `refusal_${LegacyRefusalReason}`
  | 'review'
  | 'review_upheld'
  | 'review_corrected'
  | 'review_other'
  | 'litigation'
  | 'litigation_upheld'
  | 'litigation_corrected'
  | 'litigation_other'

/** The printed labels of the 2014-era rows (regulation.md §4.2, reconstructed [M]). */
export const LEGACY_ROW_LABELS: Readonly<Record<LegacyRowKey, string>> = Object.freeze({
  received: '（一）收到申请数',
  ...Object.fromEntries(Object.entries(LEGACY_CHANNEL_ROWS).map(([row, label], index) => [`received_${row}`, `${index + 1}.${label}`])),
  concluded: '（二）申请办结数',
  concluded_on_time: '1.按时办结数',
  concluded_extended: '2.延期办结数',
  answered: '（三）申请答复数',
  ...Object.fromEntries(Object.entries(LEGACY_ANSWER_ROWS).map(([row, label]) => [`answer_${row}`, label])),
  ...Object.fromEntries(Object.entries(LEGACY_REFUSAL_REASONS).map(([row, label]) => [`refusal_${row}`, `其中：${label}`])),
  review: '四、行政复议数量',
  review_upheld: '（一）维持具体行政行为数',
  review_corrected: '（二）被依法纠错数',
  review_other: '（三）其他情形数',
  litigation: '五、行政诉讼数量',
  litigation_upheld: '（一）维持具体行政行为或者驳回原告诉讼请求数',
  litigation_corrected: '（二）被依法纠错数',
  litigation_other: '（三）其他情形数',
} as Record<LegacyRowKey, string>)

/** The 2014-era rows in printed order. */
export const LEGACY_ROWS: readonly LegacyRowKey[] = Object.freeze(Object.keys(LEGACY_ROW_LABELS) as LegacyRowKey[])

/** A case whose facts cannot be counted, and why. */
export interface RejectedFacts {
  readonly id: string
  readonly reason: string
}

/**
 * The statistics facts of a case kept by the state machine; null before 收到申请之日 is fixed (an application not yet
 * received is not counted anywhere). 延期 = an extension was granted; on time = answered by the clock's due date (or
 * the 第三十五条 later date).
 */
export function caseFactsOf(input: { readonly id: string; readonly applicant: ApplicantCategory; readonly state: RequestCase }, calendar: Calendar): CaseFacts | null {
  const { state } = input
  if (!state.receivedOn) return null
  return {
    id: input.id,
    receivedOn: state.receivedOn,
    channel: state.channel,
    applicant: input.applicant,
    decidedOn: state.decidedOn,
    disposition: state.decision?.code ?? null,
    answerForm: state.decision?.answerForm ?? null,
    thirdPartyInterest: state.decision?.thirdPartyInterest ?? null,
    extended: state.extension !== null,
    onTime: answeredOnTime(state, calendar),
    remedies: state.remedies.map((remedy) => ({ ...remedy })),
    fee: state.fee ? { noticeOn: state.fee.noticeOn, amountYuan: state.fee.amountYuan, paidOn: state.fee.paidOn } : null,
  }
}

/** Checks one case's facts; null when they can be counted. */
export function factsProblem(facts: CaseFacts): string | null {
  if (typeof facts.id !== 'string' || facts.id === '') return '缺少案件编号'
  if (!isIsoDate(facts.receivedOn)) return `收到申请日期“${String(facts.receivedOn)}”不是有效日期`
  if (!isReceiptChannel(facts.channel)) return `未知的申请渠道“${String(facts.channel)}”`
  if (!isApplicantCategory(facts.applicant)) return `未知的申请人类型“${String(facts.applicant)}”`
  if ((facts.decidedOn === null) !== (facts.disposition === null)) return '办结日期和办理结果须同时填写或同时留空'
  if (facts.decidedOn !== null) {
    if (!isIsoDate(facts.decidedOn)) return `办结日期“${String(facts.decidedOn)}”不是有效日期`
    if (facts.decidedOn < facts.receivedOn) return `办结日期 ${facts.decidedOn} 早于收到申请日期 ${facts.receivedOn}`
    if (!isDispositionCode(facts.disposition)) return `未知的办理结果“${String(facts.disposition)}”`
  }
  for (const remedy of facts.remedies ?? []) {
    if (remedy.kind !== 'review' && remedy.kind !== 'litigation') return `未知的救济类型“${String(remedy.kind)}”`
    if (!isIsoDate(remedy.filedOn)) return `复议或诉讼日期“${String(remedy.filedOn)}”不是有效日期`
    if (!['upheld', 'corrected', 'other', 'pending'].includes(remedy.outcome)) return `未知的复议或诉讼结果“${String(remedy.outcome)}”`
    if (remedy.outcome !== 'pending' && !isIsoDate(remedy.decidedOn)) return '已审结的复议或诉讼须填写审结日期'
  }
  return null
}

/** Builds a table of empty cells and a function that adds a case to a row (and its column and 总计). */
function tally<Row extends string>(rows: readonly Row[]) {
  const ids = Object.fromEntries(rows.map((row) => [row, Object.fromEntries(TABLE3_COLUMNS.map((column) => [column, [] as string[]]))])) as Record<Row, Record<Table3Column, string[]>>
  return {
    add(row: Row, applicant: ApplicantCategory, id: string) {
      ids[row][applicant].push(id)
      ids[row].total.push(id)
    },
    table(): Table<Row, Table3Column> {
      return Object.fromEntries(
        rows.map((row) => [row, Object.fromEntries(TABLE3_COLUMNS.map((column) => [column, { count: ids[row][column].length, caseIds: Object.freeze([...ids[row][column]]) }]))]),
      ) as Table<Row, Table3Column>
    },
  }
}

/** Splits facts into countable and rejected. */
function screen(facts: readonly CaseFacts[]): { valid: CaseFacts[]; rejected: RejectedFacts[] } {
  const valid: CaseFacts[] = []
  const rejected: RejectedFacts[] = []
  for (const fact of facts) {
    const problem = factsProblem(fact)
    if (problem) rejected.push({ id: String(fact.id), reason: problem })
    else valid.push(fact)
  }
  return { valid, rejected }
}

function table3<Row extends string>(facts: readonly CaseFacts[], year: number, rows: readonly Row[], outcomeRow: (code: DispositionCode) => Row) {
  const { valid, rejected } = screen(facts)
  const start = `${year}-01-01`
  const end = `${year}-12-31`
  const cells = tally(rows)
  for (const fact of valid) {
    if (fact.receivedOn > end) continue
    const decidedBefore = fact.decidedOn !== null && fact.decidedOn < start
    if (decidedBefore) continue
    if (fact.receivedOn >= start) cells.add('new_received' as Row, fact.applicant, fact.id)
    else cells.add('carried_over' as Row, fact.applicant, fact.id)
    if (fact.decidedOn !== null && fact.decidedOn <= end) {
      cells.add(outcomeRow(fact.disposition!), fact.applicant, fact.id)
      cells.add('total_processed' as Row, fact.applicant, fact.id)
    } else {
      cells.add('carried_forward' as Row, fact.applicant, fact.id)
    }
  }
  return { year, table: cells.table(), rejected }
}

/** Table 三 in the 2021 format for a year: 25 rows × 7 columns, each cell with its cases; rejected facts listed. */
export function table3For2021(facts: readonly CaseFacts[], year: number): { readonly year: number; readonly table: Table<Table3Row2021Key, Table3Column>; readonly rejected: readonly RejectedFacts[] } {
  return table3(facts, year, TABLE3_ROWS_2021, (code) => code)
}

/** Table 三 in the 2019 trial format for a year (（六）其他处理 as one row). */
export function table3For2019(facts: readonly CaseFacts[], year: number): { readonly year: number; readonly table: Table<Table3Row2019Key, Table3Column>; readonly rejected: readonly RejectedFacts[] } {
  return table3(facts, year, TABLE3_ROWS_2019, table3Row2019)
}

/** Table 四 for a year: remedies filed in the year, by outcome as of 31 December. */
export function table4For(facts: readonly CaseFacts[], year: number): { readonly year: number; readonly table: Table<Table4Block, Table4Column>; readonly rejected: readonly RejectedFacts[] } {
  const { valid, rejected } = screen(facts)
  const ids = Object.fromEntries(Object.keys(TABLE4_BLOCKS).map((block) => [block, Object.fromEntries(TABLE4_COLUMNS.map((column) => [column, [] as string[]]))])) as Record<Table4Block, Record<Table4Column, string[]>>
  const end = `${year}-12-31`
  for (const fact of valid) {
    for (const remedy of fact.remedies) {
      if (remedy.filedOn.slice(0, 4) !== String(year)) continue
      const block: Table4Block = remedy.kind === 'review' ? 'review' : remedy.afterReview ? 'litigation_after_review' : 'litigation_direct'
      const outcome = remedy.outcome !== 'pending' && remedy.decidedOn !== null && remedy.decidedOn <= end ? remedy.outcome : 'pending'
      ids[block][outcome].push(fact.id)
      ids[block].total.push(fact.id)
    }
  }
  const table = Object.fromEntries(
    Object.entries(ids).map(([block, columns]) => [block, Object.fromEntries(Object.entries(columns).map(([column, list]) => [column, { count: list.length, caseIds: Object.freeze(list) }]))]),
  ) as Table<Table4Block, Table4Column>
  return { year, table, rejected }
}

/**
 * The 2014-era rows for a year: 收到申请数 by 当面/传真/网络/信函, 办结数 (按时, 延期), 答复类型, 行政复议, 行政诉讼.
 * The old table has no carry-over row and no 尚未审结 column. By convention (regulation.md §4.4 O2, confirm with the
 * 公开办): 延期办结 counts every case decided with an extension or after its due date, so 办结 = 按时 + 延期;
 * pending remedies are counted under 其他情形.
 */
export function legacyRowsFor(facts: readonly CaseFacts[], year: number): { readonly year: number; readonly rows: Readonly<Record<LegacyRowKey, Cell>>; readonly rejected: readonly RejectedFacts[] } {
  const { valid, rejected } = screen(facts)
  const ids = Object.fromEntries(LEGACY_ROWS.map((row) => [row, [] as string[]])) as Record<LegacyRowKey, string[]>
  const inYear = (date: IsoDate | null) => date !== null && date.slice(0, 4) === String(year)
  for (const fact of valid) {
    if (inYear(fact.receivedOn)) {
      ids.received.push(fact.id)
      ids[`received_${legacyChannelRow(fact.channel)}`].push(fact.id)
    }
    if (inYear(fact.decidedOn)) {
      ids.concluded.push(fact.id)
      ids[fact.extended || fact.onTime === false ? 'concluded_extended' : 'concluded_on_time'].push(fact.id)
      const cell = legacyAnswerCell({ code: fact.disposition!, answerForm: fact.answerForm ?? null, thirdPartyInterest: fact.thirdPartyInterest ?? null })
      ids.answered.push(fact.id)
      ids[`answer_${cell.row}`].push(fact.id)
      if (cell.refusalReason) ids[`refusal_${cell.refusalReason}`].push(fact.id)
    }
    for (const remedy of fact.remedies) {
      if (!inYear(remedy.filedOn)) continue
      const outcome = remedy.outcome !== 'pending' && remedy.decidedOn !== null && remedy.decidedOn <= `${year}-12-31` ? remedy.outcome : 'other'
      ids[remedy.kind].push(fact.id)
      ids[`${remedy.kind}_${outcome}`].push(fact.id)
    }
  }
  const rows = Object.fromEntries(LEGACY_ROWS.map((row) => [row, { count: ids[row].length, caseIds: Object.freeze(ids[row]) }])) as Record<LegacyRowKey, Cell>
  return { year, rows, rejected }
}

/** The numbers of a table of cells. */
export function tableNumbers<Row extends string, Column extends string>(table: Table<Row, Column>): NumberTable<Row, Column> {
  return Object.fromEntries(Object.entries(table).map(([row, columns]) => [row, Object.fromEntries(Object.entries(columns as Record<string, Cell>).map(([column, cell]) => [column, cell.count]))])) as NumberTable<Row, Column>
}

/** A broken consistency rule, with where and a Chinese message. */
export interface ConsistencyProblem {
  readonly rule: 'R1' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'O1' | 'O2' | 'O3' | 'O4'
  readonly severity: 'error' | 'warning'
  readonly row: string | null
  readonly column: string | null
  readonly message: string
}

const rowLabel2021 = (row: string) => TABLE3_LAYOUT_2021.find((line) => line.key === row)?.label ?? TABLE3_LAYOUT_2019.find((line) => line.key === row)?.label ?? row

/**
 * Checks a table 三 (2021 or 2019 rows, numbers typed in or computed) against regulation.md §3.6: R6 every cell a
 * non-negative integer (blank flagged), R4 总计 column = the six applicant columns, R3 （七）总计 = the outcome rows,
 * R1 一 + 二 = （七） + 四 per column, and R7 二 = last year's 四 when last year's table is given.
 */
export function checkTable3(numbers: NumberTable<string, Table3Column>, format: '2021' | '2019', previousYear?: NumberTable<string, Table3Column>): ConsistencyProblem[] {
  const rows = format === '2021' ? TABLE3_ROWS_2021 : TABLE3_ROWS_2019
  const outcomeRows = rows.filter((row) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(row))
  const problems: ConsistencyProblem[] = []
  const value = (row: string, column: Table3Column) => numbers[row]?.[column] ?? null
  for (const row of rows) {
    for (const column of TABLE3_COLUMNS) {
      const cell = value(row, column)
      if (cell === null) problems.push({ rule: 'R6', severity: 'warning', row, column, message: `“${rowLabel2021(row)}”的“${TABLE3_COLUMN_LABELS[column]}”为空；空白不等于 0，请填写数字` })
      else if (!Number.isInteger(cell) || cell < 0) problems.push({ rule: 'R6', severity: 'error', row, column, message: `“${rowLabel2021(row)}”的“${TABLE3_COLUMN_LABELS[column]}”应为非负整数（现为 ${cell}）` })
    }
  }
  const sum = (values: (number | null)[]) => values.reduce<number>((total, cell) => total + (cell ?? 0), 0)
  for (const row of rows) {
    const expected = sum(APPLICANT_CATEGORY_CODES.map((column) => value(row, column)))
    const actual = value(row, 'total')
    if (actual !== null && actual !== expected) problems.push({ rule: 'R4', severity: 'error', row, column: 'total', message: `“${rowLabel2021(row)}”的总计应等于各类申请人之和 ${expected}（现为 ${actual}）` })
  }
  for (const column of TABLE3_COLUMNS) {
    const expectedTotal = sum(outcomeRows.map((row) => value(row, column)))
    const total = value('total_processed', column)
    if (total !== null && total !== expectedTotal) problems.push({ rule: 'R3', severity: 'error', row: 'total_processed', column, message: `“${TABLE3_COLUMN_LABELS[column]}”列（七）总计应等于各项办理结果之和 ${expectedTotal}（现为 ${total}）` })
    const left = sum([value('new_received', column), value('carried_over', column)])
    const right = sum([value('total_processed', column), value('carried_forward', column)])
    if (left !== right) problems.push({ rule: 'R1', severity: 'error', row: null, column, message: `“${TABLE3_COLUMN_LABELS[column]}”列：本年新收 + 上年结转（${left}）应等于办理结果总计 + 结转下年度（${right}）` })
    if (previousYear) {
      const carried = value('carried_over', column)
      const forwarded = previousYear['carried_forward']?.[column] ?? null
      if (carried !== null && forwarded !== null && carried !== forwarded) problems.push({ rule: 'R7', severity: 'error', row: 'carried_over', column, message: `“${TABLE3_COLUMN_LABELS[column]}”列：上年结转（${carried}）应等于上一年度的结转下年度继续办理（${forwarded}）` })
    }
  }
  return problems
}

/** Checks table 四 (R5: each 总计 = 维持 + 纠正 + 其他 + 尚未审结; R6 non-negative integers). */
export function checkTable4(numbers: NumberTable<Table4Block, Table4Column>): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = []
  for (const block of Object.keys(TABLE4_BLOCKS) as Table4Block[]) {
    for (const column of TABLE4_COLUMNS) {
      const cell = numbers[block]?.[column] ?? null
      if (cell !== null && (!Number.isInteger(cell) || cell < 0)) problems.push({ rule: 'R6', severity: 'error', row: block, column, message: `${TABLE4_BLOCKS[block]}的数字应为非负整数（现为 ${cell}）` })
    }
    const parts = (['upheld', 'corrected', 'other', 'pending'] as const).reduce((total, column) => total + (numbers[block]?.[column] ?? 0), 0)
    const total = numbers[block]?.total ?? null
    if (total !== null && total !== parts) problems.push({ rule: 'R5', severity: 'error', row: block, column: 'total', message: `${TABLE4_BLOCKS[block]}的总计应等于维持、纠正、其他、尚未审结之和 ${parts}（现为 ${total}）` })
  }
  return problems
}

/** Checks the 2014-era rows (regulation.md §4.4 O1–O4); these are warnings, as the old table's rules were never printed. */
export function checkLegacyRows(numbers: Readonly<Partial<Record<LegacyRowKey, number | null>>>): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = []
  const get = (row: LegacyRowKey) => numbers[row] ?? 0
  const check = (rule: ConsistencyProblem['rule'], row: LegacyRowKey, parts: LegacyRowKey[]) => {
    const expected = parts.reduce((total, part) => total + get(part), 0)
    if (numbers[row] !== undefined && numbers[row] !== null && get(row) !== expected) {
      problems.push({ rule, severity: 'warning', row, column: null, message: `${LEGACY_ROW_LABELS[row]}（${get(row)}）应等于${parts.map((part) => LEGACY_ROW_LABELS[part]).join('、')}之和 ${expected}` })
    }
  }
  check('O1', 'received', ['received_in_person', 'received_fax', 'received_online', 'received_letter'])
  check('O2', 'concluded', ['concluded_on_time', 'concluded_extended'])
  check('O3', 'answered', (Object.keys(LEGACY_ANSWER_ROWS) as LegacyAnswerRow[]).map((row) => `answer_${row}` as LegacyRowKey))
  check('O3', 'answer_refused', (Object.keys(LEGACY_REFUSAL_REASONS) as LegacyRefusalReason[]).map((row) => `refusal_${row}` as LegacyRowKey))
  check('O4', 'review', ['review_upheld', 'review_corrected', 'review_other'])
  check('O4', 'litigation', ['litigation_upheld', 'litigation_corrected', 'litigation_other'])
  return problems
}

/** 信息处理费 of a year: notices sent, amount noticed, amount collected (regulation.md §2 "Reporting"). */
export interface FeeSummary {
  readonly year: number
  /** 收费通知件数: notices sent in the year, with their cases. */
  readonly notices: Cell
  /** 收费通知总金额 (元). */
  readonly noticedYuan: number
  /** 实际收取总金额 (元): fees paid in the year, with their cases. */
  readonly collected: Cell
  readonly collectedYuan: number
  /** The 2014-era row 七、依申请公开信息收取的费用, in 万元 (rounded to 4 decimals: 1 元). */
  readonly collectedTenThousandYuan: number
  /** One sentence for 六、其他需要报告的事项. */
  readonly sentence: string
}

/** The fee figures of a year, from case facts: notices by notice date, collections by payment date. */
export function feeSummaryFor(facts: readonly CaseFacts[], year: number): FeeSummary {
  const { valid } = screen(facts)
  const inYear = (date: IsoDate | null | undefined) => typeof date === 'string' && date.slice(0, 4) === String(year)
  const noticed = valid.filter((fact) => fact.fee && inYear(fact.fee.noticeOn))
  const paid = valid.filter((fact) => fact.fee && inYear(fact.fee.paidOn))
  // Sums in 分 to keep decimal amounts exact.
  const cents = (list: CaseFacts[]) => list.reduce((total, fact) => total + Math.round(fact.fee!.amountYuan * 100), 0)
  const noticedYuan = cents(noticed) / 100
  const collectedYuan = cents(paid) / 100
  const sentence =
    noticed.length === 0 && paid.length === 0
      ? '收取信息处理费的情况：本年度未发出收费通知，未收取信息处理费。'
      : `收取信息处理费的情况：本年度发出收费通知 ${noticed.length} 件，金额 ${noticedYuan} 元；实际收取信息处理费 ${collectedYuan} 元。`
  return {
    year,
    notices: { count: noticed.length, caseIds: Object.freeze(noticed.map((fact) => fact.id)) },
    noticedYuan,
    collected: { count: paid.length, caseIds: Object.freeze(paid.map((fact) => fact.id)) },
    collectedYuan,
    collectedTenThousandYuan: Math.round(collectedYuan) / 10_000,
    sentence,
  }
}
