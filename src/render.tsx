// Renders a JSX page as a full HTML document (with doctype) or a fragment.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Child } from 'hono/jsx';
import { sendHtml } from './compress.ts';

export async function toHtml(node: Child): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

export async function renderPage(c: Context, node: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  return sendHtml(c, '<!DOCTYPE html>' + (await toHtml(node)), status);
}

export async function renderFragment(c: Context, node: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  return sendHtml(c, await toHtml(node), status);
}

/** An htmx request for a fragment. A history restore (back/forward to an address htmx set) wants the whole page. */
export function isHtmx(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';
}

/** After a successful form post: a 303 for plain forms, HX-Redirect for htmx. */
export function redirectAfterPost(c: Context, location: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', location);
    return c.body(null, 204);
  }
  return c.redirect(location, 303);
}
