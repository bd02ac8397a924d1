/** Form parts the letters pages share: radio groups (not in the design system yet) and the reply box. */
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { fieldId, messageFor } from '../../../platform/views/components.tsx'

/** A radio group in a fieldset; the first radio carries the field id so the error summary's link lands on it. */
export function Radios({ name, label, hint, errors, value, options }: {
  name: string; label: string; hint?: string; errors?: FieldMessage[]; value?: string; options: { value: string; label: string; hint?: string }[]
}) {
  const error = messageFor(errors, name)
  const id = fieldId(name)
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={described}>
        <legend class="label">{label}</legend>
        {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
        {error ? <p class="error-message" id={`${id}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
        <div class="checkboxes">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`
            return (
              <div class="checkbox">
                <input type="radio" id={optionId} name={name} value={o.value} checked={value === o.value} />
                <label for={optionId}>{o.label}{o.hint ? <span class="hint hint--inline">（{o.hint}）</span> : null}</label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

/** A textarea with a length limit the user can see (works without JavaScript: the limit is in the hint). */
export function LongText({ name, label, hint, errors, value, rows = 8, maxLength }: { name: string; label: string; hint?: string; errors?: FieldMessage[]; value?: string; rows?: number; maxLength?: number }) {
  const error = messageFor(errors, name)
  const id = fieldId(name)
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="error-message" id={`${id}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
      <textarea class="textarea" id={id} name={name} rows={rows} maxLength={maxLength} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>{value ?? ''}</textarea>
    </div>
  )
}

/** Text with its line breaks kept, escaped. */
export function Paragraphs({ text }: { text: string }) {
  return <>{text.split(/\n+/).filter((p) => p.trim()).map((p) => <p>{p}</p>)}</>
}
