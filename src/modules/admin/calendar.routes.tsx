/** Back-office pages of the working-day calendar (工作日历): view any year, add a notice, amend a year. */
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify'
import type { ComponentChildren } from 'preact'
import { z } from 'zod'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import type { FieldMessage } from '../../platform/http/errors.ts'
import {
  CalendarInputError, currentCalendar, listVersions, noticesFor, NoticeParseError, proposeAmendment, proposeNotice, storeCalendarVersion, workingDayCount, yearDays,
  type CalendarContext, type CalendarProposal,
} from '../calendar/index.ts'
import { appendAudit, authorise, can, contextOf, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { AmendmentPage, CalendarYearPage, NoticeImportPage, type DayCell } from './views/calendar-pages.tsx'

const FIRST_YEAR = 2007

const NoticeForm = z.object({
  year: z.coerce.number({ message: '请填写通知安排的年份，例如 2027' }).int('年份须是整数').min(2007, '年份不能早于 2007').max(2100, '年份不能晚于 2100'),
  title: z.string().trim().max(200, '标题不能超过 200 个字'),
  docNo: z.string().trim().max(60, '文号不能超过 60 个字'),
  url: z.union([z.literal(''), z.string().trim().url('请填写完整的网址，例如 https://www.gov.cn/…')]),
  text: z.string().trim().min(10, '请粘贴通知正文').max(20_000, '通知正文过长'),
})

const AmendmentForm = z.object({
  title: z.string().trim().max(200, '标题不能超过 200 个字'),
  docNo: z.string().trim().max(60, '文号不能超过 60 个字'),
  url: z.union([z.literal(''), z.string().trim().url('请填写完整的网址')]),
  reason: z.string().trim().min(1, '请填写调整原因，例如“延长2020年春节假期”').max(200, '原因不能超过 200 个字'),
  lines: z.string().trim().min(1, '请至少填写一行调整，例如“2020-01-31 休 春节”').max(20_000, '内容过长'),
}).refine((f) => f.title || f.docNo, { path: ['docNo'], message: '请填写文号或通知标题，说明调整的依据' })

function strings(body: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>
}

function calendarErrors(error: unknown, textField: string): FieldMessage[] | null {
  if (error instanceof NoticeParseError) return [{ field: textField, message: error.message }]
  if (error instanceof CalendarInputError) return [{ field: ['year', 'reason', 'lines'].includes(error.field) ? error.field : textField, message: error.message }]
  return null
}

export async function calendarAdminRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const calendarContext = (request: FastifyRequest): CalendarContext => {
    const actor = request.actor!
    return {
      db: deps.db, clock: deps.clock, actorUserId: actor.userId,
      audit: (trx, entry) => appendAudit(trx, { ...entry, actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, outcome: 'success', ip: request.ip }, deps.clock.now()),
    }
  }

  app.get('/admin/calendar', { preHandler: staff }, async (request, reply) => {
    await authorise(contextOf(deps, request), 'calendar.view')
    const thisYear = Number(deps.clock.today().slice(0, 4))
    const raw = Number((request.query as Record<string, unknown>).year ?? thisYear)
    const year = Number.isInteger(raw) && raw >= FIRST_YEAR && raw <= thisYear + 1 ? raw : thisYear
    const current = (await currentCalendar(deps.db))!
    const days: DayCell[] = yearDays(year, current.calendar).map((d) => ({ date: d.date, day: Number(d.date.slice(8)), weekday: d.weekday, kind: d.kind, name: d.name }))
    const doneRaw = (request.query as Record<string, unknown>).done
    const done = typeof doneRaw === 'string' && /^\d+,\d+,\d+$/.test(doneRaw)
      ? (([v, dates, changed]) => `已保存为日历版本 v${v}：${dates} 个日期改变，${changed} 个未办结期限随之变化并已记录。`)(doneRaw.split(','))
      : undefined
    return page(request, reply, `${year} 年工作日历`, (
      <CalendarYearPage year={year} days={days} covered={current.calendar.coveredYears.has(year)} workingDays={workingDayCount(year, current.calendar)}
        notices={noticesFor(year, current.calendar)} special={days.filter((d) => d.kind === 'holiday' || d.kind === 'worked_weekend')}
        versions={await listVersions(deps.db)} canManage={can(request.actor!, 'calendar.manage')} done={done}
        years={Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i)} />
    ))
  })

  async function handle(request: FastifyRequest, reply: FastifyReply, kind: 'notice' | 'amendment') {
    await authorise(contextOf(deps, request), 'calendar.manage')
    const body = formBody(request.body)
    const values = strings(body)
    const render = (errors?: FieldMessage[], proposal?: CalendarProposal) => {
      const csrf = request.csrfToken()
      const status = errors ? 400 : 200
      return kind === 'notice'
        ? page(request, reply, '录入放假通知', <NoticeImportPage csrf={csrf} values={values} errors={errors} proposal={proposal} />, status)
        : page(request, reply, '修订日历', <AmendmentPage csrf={csrf} values={values} errors={errors} proposal={proposal} />, status)
    }
    let proposal: CalendarProposal
    try {
      if (kind === 'notice') {
        const form = NoticeForm.safeParse(body)
        if (!form.success) return render(fieldErrors(form.error))
        proposal = await proposeNotice(deps.db, form.data)
      } else {
        const form = AmendmentForm.safeParse(body)
        if (!form.success) return render(fieldErrors(form.error))
        proposal = await proposeAmendment(deps.db, form.data)
      }
    } catch (error) {
      const errors = calendarErrors(error, kind === 'notice' ? 'text' : 'lines')
      if (errors) return render(errors)
      throw error
    }
    if (body.step !== 'confirm') return render(undefined, proposal)
    const stored = await storeCalendarVersion(calendarContext(request), proposal)
    return reply.redirect(`/admin/calendar?year=${proposal.year}&done=${stored.versionId},${stored.changedDates},${stored.changedDeadlines}`, 303)
  }

  app.get('/admin/calendar/notice', { preHandler: staff }, async (request, reply) => {
    await authorise(contextOf(deps, request), 'calendar.manage')
    const year = String((request.query as Record<string, unknown>).year ?? '')
    return page(request, reply, '录入放假通知', <NoticeImportPage csrf={request.csrfToken()} values={{ year: /^\d{4}$/.test(year) ? year : '' }} />)
  })
  app.post('/admin/calendar/notice', { preHandler: staff }, async (request, reply) => handle(request, reply, 'notice'))
  app.get('/admin/calendar/amend', { preHandler: staff }, async (request, reply) => {
    await authorise(contextOf(deps, request), 'calendar.manage')
    return page(request, reply, '修订日历', <AmendmentPage csrf={request.csrfToken()} values={{}} />)
  })
  app.post('/admin/calendar/amend', { preHandler: staff }, async (request, reply) => handle(request, reply, 'amendment'))
}
