/**
 * 导入历史案件 in the back office: upload (multipart, CSRF, type sniffed, size limited) → dry run listing every rejected
 * row → confirmation importing all rows in one transaction. Column notes and templates (CSV, XLSX). Only the 单位管理员
 * (own unit) and the 公开办 (every unit) may use these pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { contextOf, findOrganisation, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { HISTORY_COLUMN_DOCS, HISTORY_DISPOSITION_DOCS, historyTemplateCsv, historyTemplateXlsx } from './history-columns.ts'
import { MAX_HISTORY_BYTES, runHistoryUpload, uploadHistoryFile } from './history-upload.ts'
import type { RequestsContext } from './requests.context.ts'
import { isDisclosureOffice } from './requests.policy.ts'
import { ColumnsPage, ImportPage, ImportResultPage, type ImportResultView } from './views/import-pages.tsx'

type RequestsDeps = StaffDeps & { identityKey: string }

const stamp = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

export async function importHistoryRoutes(app: FastifyInstance, deps: RequestsDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest): RequestsContext => ({ ...contextOf(deps, request), identityKey: deps.identityKey })
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const uploadIdOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    return id
  }
  const form = (request: FastifyRequest, reply: FastifyReply, errors?: { field: string; message: string }[], status = 200) =>
    page(request, reply, '导入历史案件', <ImportPage csrf={request.csrfToken()} errors={errors} maxMegabytes={MAX_HISTORY_BYTES / 1024 / 1024} regionWide={isDisclosureOffice(request.actor!)} unitName={request.actor!.organisationName} />, status)
  const unitCode = async (request: FastifyRequest) => (await findOrganisation(deps.db, request.actor!.organisationId))?.code ?? ''

  app.get('/admin/requests/import', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'import')
    return form(request, reply)
  })

  app.post('/admin/requests/import', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'import')
    const file = (request.body as Record<string, any> | undefined)?.file
    try {
      if (!file || file.type !== 'file' || typeof file.toBuffer !== 'function' || !file.filename) throw new InvalidInputError([{ field: 'file', message: '请选择要导入的 CSV 或 XLSX 文件' }])
      const id = await uploadHistoryFile(ctx(request), { fileName: String(file.filename), bytes: await file.toBuffer() })
      return reply.redirect(`/admin/requests/import/${id}`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return form(request, reply, error.fields.map((f) => ({ field: 'file', message: f.message })), 400)
      throw error
    }
  })

  app.get('/admin/requests/import/columns', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'import')
    return page(request, reply, '历史案件文件的列说明', <ColumnsPage columns={HISTORY_COLUMN_DOCS} dispositions={HISTORY_DISPOSITION_DOCS} unitCode={await unitCode(request)} />)
  })

  app.get('/admin/requests/import/template.csv', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'import')
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="history-template.csv"; filename*=UTF-8''${encodeURIComponent('历史案件导入模板.csv')}`)
      .send(historyTemplateCsv(await unitCode(request)))
  })

  app.get('/admin/requests/import/template.xlsx', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'import')
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="history-template.xlsx"; filename*=UTF-8''${encodeURIComponent('历史案件导入模板.xlsx')}`)
      .send(await historyTemplateXlsx(await unitCode(request)))
  })

  async function result(request: FastifyRequest, reply: FastifyReply, confirm: boolean) {
    const id = uploadIdOf(request)
    let conflict: string | undefined
    let run: Awaited<ReturnType<typeof runHistoryUpload>>
    try {
      run = await runHistoryUpload(ctx(request), id, { confirm })
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof InvalidInputError)) throw error
      conflict = error instanceof InvalidInputError ? error.fields.map((f) => f.message).join('；') : error.message
      run = await runHistoryUpload(ctx(request), id, { confirm: false })
    }
    const { upload, result: r, years } = run
    const done = confirm && !conflict ? (r.imported > 0 ? 'imported' : r.rejected.length === 0 ? 'nothing-new' : undefined) : undefined
    if (done) return reply.redirect(`/admin/requests/import/${id}?done=${done}`, 303)
    const q = request.query as Record<string, unknown>
    const view: ImportResultView = {
      uploadId: upload.id, fileName: upload.fileName, uploadedAt: stamp(upload.createdAt), importedAt: upload.importedAt ? stamp(upload.importedAt) : null, importedCount: upload.importedCount,
      total: r.total, accepted: r.accepted, toImport: r.accepted - r.skipped.length, skipped: r.skipped, rejected: r.rejected, years,
      done: q.done === 'imported' || q.done === 'nothing-new' ? q.done : undefined,
      conflict: conflict ?? (confirm && r.rejected.length ? '检查时没有问题的文件，导入时有行不再通过（例如案件已由他人导入或单位已变更），整份文件没有导入。' : undefined),
    }
    return page(request, reply, '导入历史案件', <ImportResultPage csrf={request.csrfToken()} view={view} />, conflict || (confirm && r.rejected.length) ? 409 : 200)
  }

  app.get('/admin/requests/import/:id', { preHandler: staff }, async (request, reply) => result(request, reply, false))
  app.post('/admin/requests/import/:id', { preHandler: staff }, async (request, reply) => result(request, reply, true))
}
