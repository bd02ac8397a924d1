/**
 * Sample inputs for every letter and every disposition, for tests and screenshots. Names, numbers and addresses are
 * made up; the unit and bodies are shaped like 开州区 ones.
 */
import type {
  AnswerLetterInput, ConsultationNoticeInput, CorrectionNoticeInput, DeliveryRecordInput, DispositionInput,
  ExtensionNoticeInput, FeeNoticeInput, ReceiptInput, ThirdPartyConsultationInput, VolumeLaterDateInput,
  VolumeReasonsRequestInput,
} from './inputs.ts'
import type { DispositionCode } from '../rules/index.ts'

export const UNIT = { name: '重庆市开州区发展和改革委员会', contactPerson: '李明', phone: '023-52221234', address: '重庆市开州区汉丰街道开州大道中188号' }
export const REMEDIES = { reviewBody: '重庆市开州区人民政府', court: '重庆市万州区人民法院' }

const base = {
  unit: UNIT,
  docNo: '开州发改依复〔2026〕3号',
  writtenOn: '2026-11-27',
  applicant: { name: '张晓红' },
  request: { receivedOn: '2026-11-02', description: '2025年开州区重大建设项目批准和实施情况的相关文件' },
}

export const receiptInput: ReceiptInput = {
  ...base,
  docNo: null,
  writtenOn: '2026-11-02',
  channel: 'online',
  answerDeadline: { dueOn: '2026-11-30', explanation: '自2026年11月3日起算20个工作日，期间周六、周日不计' },
  queryCode: 'KZ7Q-3M9D-2026',
  fingerprint: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
  trackingUrl: 'https://www.cqkz.gov.cn/xxgk/ysqgk/track',
}

export const correctionInput: CorrectionNoticeInput = {
  ...base,
  docNo: '开州发改依补〔2026〕1号',
  writtenOn: '2026-11-05',
  items: ['请写明所需文件的名称或者文号', '请写明所需信息的时间范围（如项目批准的年份）', '请提供申请人有效身份证明的复印件'],
  guidance: '“相关文件”范围过宽，本机关无法据此查找。您可以参考本机关政府信息公开目录中“重大建设项目”栏目列出的文件名称',
  correctionDeadline: { dueOn: '2026-11-19', explanation: '自2026年11月6日起算10个工作日' },
  submitTo: '通过开州区政府信息公开申请平台或者邮寄至本机关提交补正',
}

export const thirdPartyInput: ThirdPartyConsultationInput = {
  unit: UNIT,
  docNo: '开州发改依征〔2026〕2号',
  writtenOn: '2026-11-10',
  thirdParty: '重庆开州某某建设有限公司',
  receivedOn: '2026-11-02',
  description: '开州区某某产业园项目可行性研究报告',
  harm: '该报告包含贵公司的投资测算和技术方案，可能涉及贵公司的商业秘密',
  replyTo: '以书面形式送至本机关或者发送至 kzfgw@example.gov.cn',
  attachments: ['拟公开的政府信息（开州区某某产业园项目可行性研究报告）'],
}

export const consultationNoticeInput: ConsultationNoticeInput = {
  ...base,
  docNo: '开州发改依告〔2026〕2号',
  writtenOn: '2026-11-10',
  consulted: { kind: 'third_party' },
  consultedOn: '2026-11-10',
  workingDaysUsed: 6,
  workingDaysLeft: 14,
}

export const agencyConsultationNoticeInput: ConsultationNoticeInput = {
  ...consultationNoticeInput,
  consulted: { kind: 'agencies', agencies: ['重庆市开州区财政局', '重庆市开州区住房和城乡建设委员会'] },
}

export const extensionInput: ExtensionNoticeInput = {
  ...base,
  docNo: '开州发改依延〔2026〕1号',
  writtenOn: '2026-11-26',
  originalDueOn: '2026-11-30',
  extraWorkingDays: 20,
  reason: '申请公开的信息涉及2025年全部42个重大建设项目，需逐项检索、审查',
  approvedOn: '2026-11-25',
  newDeadline: { dueOn: '2026-12-28', explanation: '自原答复期限届满之次日起算20个工作日，期间周六、周日不计' },
}

export const volumeReasonsInput: VolumeReasonsRequestInput = {
  ...base,
  docNo: '开州发改依理〔2026〕1号',
  writtenOn: '2026-11-06',
  volumeFacts: '2026年10月1日至11月2日，您向本机关提出政府信息公开申请共计68件',
  replyDeadline: { dueOn: '2026-11-20', explanation: '自2026年11月7日起算10个工作日' },
  replyTo: '通过开州区政府信息公开申请平台或者邮寄至本机关',
}

export const volumeLaterDateInput: VolumeLaterDateInput = {
  ...base,
  docNo: '开州发改依迟〔2026〕1号',
  writtenOn: '2026-11-23',
  askedOn: '2026-11-06',
  reasonsGivenOn: '2026-11-18',
  whyLater: '您申请的68件信息需逐件检索、审查，工作量较大',
  newDeadline: { dueOn: '2027-01-29', explanation: '本机关确定的合理期限，自2026年11月24日起算45个工作日' },
}

export const perItemFeeInput: FeeNoticeInput = {
  ...base,
  docNo: '开州发改依费〔2026〕1号',
  writtenOn: '2026-11-12',
  method: { kind: 'per_application', month: '2026-11', applicationsInMonth: 12 },
  lines: [{ from: 11, to: 12, units: 2, yuanEach: 100, yuan: 200 }],
  total: 200,
  paymentMethod: '到重庆市开州区政务服务中心3号窗口缴纳，或者转账至收款单位重庆市开州区发展和改革委员会（开户银行：某某银行开州支行，账号：0000 0000 0000）',
  paymentDeadline: { dueOn: '2026-12-11', explanation: '自收到本通知之次日起算20个工作日' },
}

export const perPageFeeInput: FeeNoticeInput = {
  ...perItemFeeInput,
  method: { kind: 'per_page', pages: 120, form: 'paper' },
  // As computeFee (rules/fees.ts) returns them: the free first band included.
  lines: [
    { from: 1, to: 30, units: 30, yuanEach: 0, yuan: 0 },
    { from: 31, to: 100, units: 70, yuanEach: 10, yuan: 700 },
    { from: 101, to: 120, units: 20, yuanEach: 20, yuan: 400 },
  ],
  total: 1100,
}

export const deliveryRecordInput: DeliveryRecordInput = {
  unit: { name: UNIT.name },
  documents: [{ title: '政府信息公开申请答复书', docNo: '开州发改依复〔2026〕3号' }],
  recipient: '张晓红',
  address: '重庆市开州区汉丰街道某某路12号',
  method: 'post',
  deliveredOn: '2026-11-28',
  servedBy: ['李明', '王芳'],
  remarks: 'EMS 邮件号 1234567890123',
}

const cite = (law: string, provision: string) => ({ law, provision })

/** One valid disposition of each code, with the extra citations the letter must show. */
export const DISPOSITION_SAMPLES: Record<DispositionCode, DispositionInput> = {
  granted: { code: 'granted', route: { kind: 'provided', howProvided: '随本答复书向您提供《开州区2025年重大建设项目计划》电子文件一份' } },
  partial: {
    code: 'partial',
    provided: '《开州区某某产业园项目可行性研究报告》中项目概况、建设内容和建设规模部分',
    howProvided: '随本答复书以电子文件形式提供',
    withheld: [
      { part: '第五章“投资估算与资金筹措”', grounds: ['third_party'], reason: '该部分为第三方企业的投资测算，第三方书面表示不同意公开且理由合理', citations: [cite('中华人民共和国政府信息公开条例', '第三十二条')] },
      { part: '附件3“专家评审意见”', grounds: ['process_information'], reason: '该部分为评审过程中形成的讨论记录' },
    ],
  },
  'denied_state_secret': { code: 'denied_state_secret', reason: '该文件已由定密责任人依法确定为秘密级国家秘密，保密期限尚未届满' },
  'denied_law_forbidden': { code: 'denied_law_forbidden', reason: '该信息为统计调查中获得的能够识别单个统计调查对象的资料', prohibitingLaw: [cite('中华人民共和国统计法', '第三十九条')] },
  'denied_three_safety_one_stability': { code: 'denied_three_safety_one_stability', reason: '该信息为城市供水设施的详细布局和安防方案，公开后可能危及公共安全' },
  'denied_third_party': { code: 'denied_third_party', reason: '该信息包含他人的身份证号码、家庭住址等个人隐私，第三方不同意公开' },
  'denied_internal_affairs': { code: 'denied_internal_affairs', reason: '该信息为本机关内部人员考勤和车辆使用登记记录，属于人事管理、后勤管理信息' },
  'denied_process_information': { code: 'denied_process_information', reason: '该信息为起草过程中形成的征求意见稿，属于过程稿' },
  'denied_enforcement_file': { code: 'denied_enforcement_file', reason: '该信息为本机关对某价格违法行为进行调查形成的案卷材料' },
  'denied_administrative_query': { code: 'denied_administrative_query', specialRules: '《不动产登记暂行条例》', howToObtain: '请持有效身份证明到重庆市开州区不动产登记中心申请查询' },
  'unable_not_held': { code: 'unable_not_held', route: { kind: 'not_this_agency', reason: '该信息由重庆市开州区住房和城乡建设委员会制作并保存', agency: { name: '重庆市开州区住房和城乡建设委员会', contact: '023-52220000' } } },
  'unable_needs_creation': { code: 'unable_needs_creation', reason: '您要求按乡镇汇总统计近十年各类项目的投资完成额，本机关没有现成的汇总信息' },
  'unable_unclear_after_correction': { code: 'unable_unclear_after_correction', correctionNoticeOn: '2026-11-05', correctedOn: '2026-11-16', reason: '补正后仍未写明所需文件的名称、文号或者时间范围' },
  'not_processed_petition': { code: 'not_processed_petition', reason: '您的申请实为对某小区物业服务的投诉', channel: '重庆市开州区12345政务服务便民热线或者区长公开信箱' },
  'not_processed_repeated': { code: 'not_processed_repeated', previousAnswerOn: '2026-09-15', previousDocNo: '开州发改依复〔2026〕1号' },
  'not_processed_publication': { code: 'not_processed_publication', publication: '《开州年鉴（2025）》', howToObtain: '可到重庆市开州区图书馆查阅，或者通过开州区人民政府网站“开州年鉴”栏目在线阅读' },
  'not_processed_unreasonable_volume': { code: 'not_processed_unreasonable_volume', askedOn: '2026-11-06', applicantResponse: '您于2026年11月18日回复称“为了解情况”', assessment: '您在一个月内就相近内容提出68件申请，所说明的理由不能说明需要如此数量的信息' },
  'not_processed_confirm_or_reissue': { code: 'not_processed_confirm_or_reissue', reason: '您要求本机关对已向您提供的批复文件加盖公章予以确认', legalBasis: [cite('中华人民共和国政府信息公开条例', '第二条')] },
  'other_overdue_correction': { code: 'other_overdue_correction', correctionNoticeOn: '2026-11-05', correctionDueOn: '2026-11-19' },
  'other_overdue_fee': { code: 'other_overdue_fee', feeNoticeOn: '2026-11-12', feeNoticeDocNo: '开州发改依费〔2026〕1号', amount: 200, paymentDueOn: '2026-12-11' },
  'other': { code: 'other', statement: '您已于2026年11月20日书面撤回该政府信息公开申请，本机关终止办理', legalBasis: [cite('中华人民共和国政府信息公开条例', '第二十七条')] },
}

/** An answer letter input for a disposition. */
export function answerInput(disposition: DispositionInput): AnswerLetterInput {
  return { ...base, disposition, remedies: REMEDIES }
}
