// Form building blocks: every control has a label, an optional hint and an error tied by aria-describedby.
import type { Child } from 'hono/jsx';

export type FieldErrors = Partial<Record<string, string>>;

interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'color' | 'search';
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'email' | 'text' | 'decimal' | 'numeric' | 'search' | 'none' | 'tel' | 'url';
  maxlength?: number;
  min?: string | number;
  max?: string | number;
  pattern?: string;
  id?: string;
  readonly?: boolean;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(props: FieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        pattern={props.pattern}
        readonly={props.readonly}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

export function TextArea(props: Omit<FieldProps, 'type'> & { rows?: number }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(
  props: Omit<FieldProps, 'type'> & { options: { value: string; label: string }[] },
) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean; hint?: string; error?: string; value?: string; id?: string }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field checkbox has-error' : 'field checkbox'}>
      <input
        id={id}
        type="checkbox"
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** The list of problems at the top of a form; each links to its field. */
export function ErrorSummary({ errors, title, labels }: { errors: FieldErrors; title: string; labels?: Record<string, string> }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name)}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: Child }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
