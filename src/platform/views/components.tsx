/**
 * Design-system components (after GOV.UK Frontend): plain HTML that works without JavaScript and
 * on old browsers, each prop escaped unless its name ends in Html.
 */
import type { ComponentChildren } from 'preact'
import type { FieldMessage } from '../http/errors.ts'

export function messageFor(errors: FieldMessage[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message
}

/** The error summary at the top of a form: a heading and a link to each field in error. */
export function ErrorSummary({ errors }: { errors?: FieldMessage[] }) {
  if (!errors || errors.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" class="error-summary__title">提交的内容有问题</h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

interface FieldProps {
  name: string
  label: string
  hint?: string
  errors?: FieldMessage[]
}

function FieldWrapper({ name, label, hint, errors, children, labelFor = true }: FieldProps & { children: ComponentChildren; labelFor?: boolean }) {
  const error = messageFor(errors, name)
  const id = fieldId(name)
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      {labelFor ? <label class="label" for={id}>{label}</label> : null}
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="error-message" id={`${id}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
      {children}
    </div>
  )
}

function describedBy(name: string, hint?: string, errors?: FieldMessage[]): string | undefined {
  const id = fieldId(name)
  const ids = [hint ? `${id}-hint` : '', messageFor(errors, name) ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

export function TextField(props: FieldProps & { value?: string; type?: string; autocomplete?: string; width?: 'short' | 'full'; inputmode?: string; required?: boolean; maxLength?: number }) {
  const { name, hint, errors, value, type = 'text', autocomplete, width = 'full', inputmode, required, maxLength } = props
  return (
    <FieldWrapper {...props}>
      <input class={`input input--${width}${messageFor(errors, name) ? ' input--error' : ''}`} id={fieldId(name)} name={name} type={type} value={value ?? ''}
        autocomplete={autocomplete} inputMode={inputmode as any} aria-describedby={describedBy(name, hint, errors)} aria-invalid={messageFor(errors, name) ? 'true' : undefined}
        required={required} maxLength={maxLength} spellcheck={type === 'text' ? false : undefined} />
    </FieldWrapper>
  )
}

export function TextArea(props: FieldProps & { value?: string; rows?: number }) {
  const { name, hint, errors, value, rows = 4 } = props
  return (
    <FieldWrapper {...props}>
      <textarea class="textarea" id={fieldId(name)} name={name} rows={rows} aria-describedby={describedBy(name, hint, errors)} aria-invalid={messageFor(errors, name) ? 'true' : undefined}>{value ?? ''}</textarea>
    </FieldWrapper>
  )
}

/** A select; `groups` adds <optgroup>s after `options` (plain HTML: works without JavaScript and in old browsers). */
export function Select(props: FieldProps & { value?: string | number; options: { value: string | number; label: string }[]; placeholder?: string; groups?: { label: string; options: { value: string; label: string }[] }[] }) {
  const { name, hint, errors, value, options, placeholder, groups } = props
  return (
    <FieldWrapper {...props}>
      <select class="select" id={fieldId(name)} name={name} aria-describedby={describedBy(name, hint, errors)} aria-invalid={messageFor(errors, name) ? 'true' : undefined}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option value={String(o.value)} selected={String(o.value) === String(value ?? '')}>{o.label}</option>)}
        {groups?.map((g) => <optgroup label={g.label}>{g.options.map((o) => <option value={o.value} selected={o.value === String(value ?? '')}>{o.label}</option>)}</optgroup>)}
      </select>
    </FieldWrapper>
  )
}

export function Checkboxes(props: FieldProps & { values: string[]; options: { value: string; label: string; hint?: string }[] }) {
  const { name, label, hint, errors, values, options } = props
  const error = messageFor(errors, name)
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, errors)}>
        <legend class="label">{label}</legend>
        {hint ? <p class="hint" id={`${fieldId(name)}-hint`}>{hint}</p> : null}
        {error ? <p class="error-message" id={`${fieldId(name)}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
        <div class="checkboxes">
          {/* The first box carries the field id, so the error summary's link puts the cursor on it (as GOV.UK Frontend does). */}
          {options.map((o, i) => (
            <div class="checkbox">
              <input type="checkbox" id={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`} name={name} value={o.value} checked={values.includes(o.value)} />
              <label for={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`}>{o.label}{o.hint ? <span class="hint hint--inline">（{o.hint}）</span> : null}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

/** A POST form with its CSRF token. */
export function Form({ action, csrf, children, class: className, method = 'post' }: { action: string; csrf: string; children: ComponentChildren; class?: string; method?: 'post' | 'get' }) {
  return (
    <form action={action} method={method} class={className} novalidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrf} /> : null}
      {children}
    </form>
  )
}

export function Button({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning' | 'link'; name?: string; value?: string }) {
  return <button type="submit" class={`button button--${variant}`} name={name} value={value}>{children}</button>
}

/** An honest empty state: says what will appear here and when, never placeholder text. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-state__title">{title}</p>
      {children ? <div class="empty-state__body">{children}</div> : null}
    </div>
  )
}

export function Notice({ children, kind = 'success' }: { children: ComponentChildren; kind?: 'success' | 'info' | 'warning' }) {
  return <div class={`notice notice--${kind}`} role="status">{children}</div>
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        {items.map((item, i) => (
          <li>{item.href && i < items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  )
}

/** `totalText` replaces "N 条" in the status line (search says "1,000 条以上" when it stopped counting). */
export function Pagination({ page, pageSize, total, totalText, href }: { page: number; pageSize: number; total: number; totalText?: string; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <nav class="pagination" aria-label="分页">
      {page > 1 ? <a href={href(page - 1)} rel="prev">上一页</a> : null}
      <span class="pagination__status">第 {page} 页，共 {pages} 页（{totalText ?? `${total} 条`}）</span>
      {page < pages ? <a href={href(page + 1)} rel="next">下一页</a> : null}
    </nav>
  )
}

/**
 * The scroll box of a table that may be wider than a phone screen. It is a named region that takes
 * keyboard focus, so it can be scrolled sideways without a mouse (WCAG 2.1.1, axe scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>{children}</div>
}

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-list__row">
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}
