/** The public deadline calculator page and its JSON API (GET /api/v1/calendar/due). */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../database.ts'
import { fieldErrors } from '../../platform/http/forms.ts'
import { InvalidInputError, type FieldMessage } from '../../platform/http/errors.ts'
import { CalendarInputError, currentCalendar, explainDueDate, officialCalendar, type DueDateAnswer } from '../calendar/index.ts'
import { DeadlinePage } from './views/deadline-page.tsx'

const DueQuery = z.object({
  from: z.string({ error: '请填写收到申请的日期' }).trim().min(1, '请填写收到申请的日期').regex(/^\d{4}-\d{2}-\d{2}$/, '请按“2025-09-30”的格式填写日期'),
  days: z.string().trim().optional().superRefine((v, ctx) => {
    if (!v) return
    const n = Number(v)
    if (!/^-?\d+$/.test(v)) ctx.addIssue({ code: 'custom', message: '工作日数须是 0 到 3650 之间的整数' })
    else if (n < 0) ctx.addIssue({ code: 'custom', message: '工作日数不能是负数' })
    else if (n > 3650) ctx.addIssue({ code: 'custom', message: '工作日数不能超过 3650' })
  }).transform((v) => (v ? Number(v) : undefined)),
  regime: z.string().trim().optional().refine((v) => !v || v === 'cn-2019' || v === 'cn-2007', '适用的条例只能是 cn-2019（2019 年修订）或 cn-2007（2007 年）'),
})

function queryOf(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.query as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
}

async function answer(db: Db, values: Record<string, string>): Promise<{ answer?: DueDateAnswer; errors?: FieldMessage[] }> {
  const parsed = DueQuery.safeParse(values)
  if (!parsed.success) return { errors: fieldErrors(parsed.error) }
  const calendar = (await currentCalendar(db))?.calendar ?? officialCalendar()
  try {
    return { answer: explainDueDate(calendar, { from: parsed.data.from, days: parsed.data.days, regime: parsed.data.regime || undefined }) }
  } catch (error) {
    if (error instanceof CalendarInputError) return { errors: [{ field: ['from', 'days', 'regime'].includes(error.field) ? error.field : 'from', message: error.message }] }
    throw error
  }
}

export async function deadlineRoutes(app: FastifyInstance, deps: { db: Db }): Promise<void> {
  app.get('/gongju/dqjs', async (request, reply) => {
    const values = queryOf(request)
    if (!values.from && !values.days && !values.regime) return reply.page(<DeadlinePage shell={request.shell} values={{}} />)
    const result = await answer(deps.db, values)
    return reply.page(<DeadlinePage shell={request.shell} values={values} answer={result.answer} errors={result.errors} />, result.errors ? 400 : 200)
  })

  app.get('/api/v1/calendar/due', async (request, reply) => {
    const result = await answer(deps.db, queryOf(request))
    if (result.errors) throw new InvalidInputError(result.errors)
    const a = result.answer!
    return reply.header('cache-control', 'no-store').send({
      from: a.from, days: a.days, regime: a.regime.id, due: a.due, provisional: a.provisional, missingYears: a.missingYears,
      calendarVersion: a.calendarVersion, citation: a.regime.citation, trace: { summary: a.trace.summary, lines: a.trace.lines, steps: a.trace.steps },
    })
  })
}
