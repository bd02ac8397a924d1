/** OpenAPI 3.1 description of Gongkai's public read API (served at /api/v1/openapi.json). */
const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, status: { type: 'integer' }, title: { type: 'string' }, message: { type: 'string' }, fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } },
    requestId: { type: 'string' },
  },
}

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Gongkai 政务公开 公开接口', version: '1', description: '法定主动公开内容（政府信息公开目录）的只读接口，以及答复期限计算。所有文字为简体中文，日期为北京时间。' },
  paths: {
    '/api/v1/items': {
      get: {
        summary: '已公开的政府信息列表（按发布时间倒序），可按关键词或文号检索',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: '关键词或文号（〔〕、[]、（）均可）' },
          { name: 'unit', in: 'query', schema: { type: 'string' }, description: '发布机构的单位代码' },
          { name: 'section', in: 'query', schema: { type: 'string' }, description: '目录栏目代码（条例 第二十条、第二十一条）' },
          { name: 'year', in: 'query', schema: { type: 'integer' }, description: '成文年份' },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          200: { description: '一页信息', content: { 'application/json': { schema: { type: 'object', properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' }, items: { type: 'array', items: { $ref: '#/components/schemas/ItemSummary' } } } } } } },
          400: { description: '参数有误', content: { 'application/json': { schema: errorSchema } } },
          404: { description: '没有这个单位或栏目', content: { 'application/json': { schema: errorSchema } } },
        },
      },
    },
    '/api/v1/items/{id}': {
      get: {
        summary: '一条已公开的政府信息：属性、正文和版本记录',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          200: { description: '信息', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          404: { description: '没有这条信息或尚未公开', content: { 'application/json': { schema: errorSchema } } },
        },
      },
    },
    '/api/v1/calendar/due': {
      get: {
        summary: '答复期限计算：收到申请之日起若干工作日的最后一天，附逐日说明',
        parameters: [
          { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
          { name: 'days', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 3650 } },
          { name: 'regime', in: 'query', schema: { type: 'string', enum: ['cn-2019', 'cn-2007'] } },
        ],
        responses: { 200: { description: '期限和说明' }, 400: { description: '参数有误', content: { 'application/json': { schema: errorSchema } } } },
      },
    },
    // 区长信箱 as Open311 GeoReport v2 (letters/letters.open311-routes.ts); errors in Open311's [{code, description}] shape.
    '/open311/v2/services.json': {
      get: { summary: '服务列表（Open311）：诉求类别 咨询、求助、投诉、建议、举报', responses: { 200: { description: '服务', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Open311Service' } } } } } } },
    },
    '/open311/v2/requests.json': {
      post: {
        summary: '提交诉求（Open311）：写信给区长信箱。同一 Idempotency-Key 重复提交只登记一件；同一来源短时间内提交过多会被拒绝（429）',
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 16, maxLength: 64 } }],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['service_code', 'description', 'phone'], properties: {
          service_code: { type: 'string', enum: ['consultation', 'help', 'complaint', 'suggestion', 'report'] }, description: { type: 'string', minLength: 10, maxLength: 2000 }, subject: { type: 'string', maxLength: 60, description: 'Gongkai 扩展：标题' },
          first_name: { type: 'string' }, last_name: { type: 'string' }, phone: { type: 'string' }, publish_consent: { type: 'string', enum: ['true', 'false'], description: 'Gongkai 扩展：是否同意公开（默认否）' },
        } } } } },
        responses: {
          201: { description: '已登记：service_request_id 为信件编号，token 为查询码', content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' }, service_notice: { type: 'string' } } } } } } },
          200: { description: '重复提交，返回第一次登记的结果' },
          400: { description: '参数有误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } } } },
          429: { description: '提交过多，请稍后再试', content: { 'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } } } },
        },
      },
    },
    '/open311/v2/requests/{id}.json': {
      get: {
        summary: '诉求办理状态（Open311）：status 为 open/closed，gongkai_status 为平台的详细状态；不含来信内容和个人信息',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{10}$' }, description: '信件编号' }],
        responses: {
          200: { description: '状态', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Open311Request' } } } } },
          404: { description: '没有这个编号', content: { 'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Open311Service: { type: 'object', properties: { service_code: { type: 'string' }, service_name: { type: 'string' }, description: { type: 'string' }, metadata: { type: 'boolean' }, type: { type: 'string' }, keywords: { type: 'string' }, group: { type: 'string' } } },
      Open311Request: {
        type: 'object',
        properties: {
          service_request_id: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] },
          gongkai_status: { type: 'string', enum: ['received', 'accepted', 'not_accepted', 'dispatched', 'returned', 'replied', 'released', 'closed', 'merged'] },
          status_notes: { type: 'string' }, service_code: { type: 'string' }, service_name: { type: 'string' }, channel: { type: 'string' }, agency_responsible: { type: 'string' },
          requested_datetime: { type: 'string', format: 'date-time' }, updated_datetime: { type: 'string', format: 'date-time' },
        },
      },
      Open311Errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } } } },
      ItemSummary: {
        type: 'object',
        properties: { id: { type: 'integer' }, indexNo: { type: 'string', description: '索引号' }, title: { type: 'string' }, docNo: { type: ['string', 'null'], description: '文号（规范化为〔〕）' }, section: { type: 'string' }, topic: { type: 'string', description: '主题分类：一级（如“综合政务”），或以反斜杠连接的两级（如“综合政务\\政务公开”）' }, year: { type: 'integer' }, validity: { type: ['string', 'null'], enum: ['in_force', 'expired', 'repealed', null] }, publishedAt: { type: 'string', format: 'date-time' }, url: { type: 'string' } },
      },
      Item: {
        type: 'object',
        properties: {
          id: { type: 'integer' }, indexNo: { type: 'string' }, state: { type: 'string', enum: ['published', 'withdrawn'] }, title: { type: 'string' }, docNo: { type: ['string', 'null'] }, issuingBody: { type: 'string' },
          writtenOn: { type: 'string', format: 'date', description: '成文日期' }, firstPublishedAt: { type: 'string', format: 'date-time' }, topic: { type: 'string', description: '主题分类：一级（如“综合政务”），或以反斜杠连接的两级（如“综合政务\\政务公开”）' }, genre: { type: 'string' }, section: { type: 'string' },
          summary: { type: 'string' }, bodyHtml: { type: 'string', description: '经过清洗的正文 HTML' }, validity: { type: ['string', 'null'] }, effectiveOn: { type: ['string', 'null'] }, expiresOn: { type: ['string', 'null'] },
          withdrawal: { type: ['object', 'null'] }, versions: { type: 'array', items: { type: 'object' } }, url: { type: 'string' },
        },
      },
    },
  },
} as const
