// Form parsing with valibot: a typed value, or one message per field for the form to show.
import type { Context } from 'hono';
import * as v from 'valibot';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; input: Record<string, string> };

/** Reads an urlencoded or multipart form body into plain strings (repeated names: the last value, or all with `multi`). */
export async function readForm(c: Context, multi: string[] = []): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    out[key] = multi.includes(key) ? values : (values[values.length - 1] ?? '');
  }
  for (const key of multi) out[key] ??= [];
  return out;
}

export function parseWith<S extends v.GenericSchema>(schema: S, input: Record<string, unknown>): FormResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const errors: Record<string, string> = {};
  for (const issue of result.issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') ?? '_';
    errors[key] ??= issue.message;
  }
  const flat: Record<string, string> = {};
  for (const [k, val] of Object.entries(input)) if (typeof val === 'string') flat[k] = val;
  return { ok: false, errors, input: flat };
}

/** An email field: trimmed, lower-cased, checked. */
export function emailField(message: string) {
  return v.pipe(v.string(message), v.trim(), v.toLowerCase(), v.nonEmpty(message), v.maxLength(254, message), v.email(message));
}
