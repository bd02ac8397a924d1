/**
 * The error catalogue. A single handler (error-handler.tsx) maps these to pages or JSON.
 * A caller who may not see a record gets NotFoundError, never ForbiddenError.
 */
export interface FieldMessage {
  /** Form field name; '' for a message about the whole form. */
  field: string
  message: string
}

export class AppError extends Error {
  readonly status: number
  readonly code: string
  constructor(code: string, status: number, message: string) {
    super(message)
    this.code = code
    this.status = status
  }
}

export class NotFoundError extends AppError {
  constructor(message = '找不到您要访问的页面或记录') { super('GK_NOT_FOUND', 404, message) }
}

export class ForbiddenError extends AppError {
  constructor(message = '您没有权限进行此操作') { super('GK_FORBIDDEN', 403, message) }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录') { super('GK_UNAUTHENTICATED', 401, message) }
}

export class ConflictError extends AppError {
  constructor(message: string) { super('GK_CONFLICT', 409, message) }
}

export class InvalidInputError extends AppError {
  readonly fields: FieldMessage[]
  constructor(fields: FieldMessage[]) {
    super('GK_INVALID_INPUT', 400, fields.map((f) => f.message).join('；'))
    this.fields = fields
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) { super('GK_TOO_MANY_REQUESTS', 429, message) }
}

export function notFound(message?: string): never {
  throw new NotFoundError(message)
}
