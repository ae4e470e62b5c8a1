// A tiny HTTP "browser" over app.request(): a Host per firm, cookies, Origin on POST, HTML parsed by happy-dom.
import type { Hono } from 'hono';
import { Window } from 'happy-dom';

export interface Page {
  res: Response;
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
  doc: Document;
  /** The visible text of the page, whitespace folded. */
  visibleText: string;
}

const sharedWindow = new Window();

export function parseHtml(html: string): Document {
  return new sharedWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export type FormData = Record<string, string | string[]>;

export class TestBrowser {
  /** Cookies per host (our cookies are host-only). */
  readonly cookies = new Map<string, Map<string, string>>();

  constructor(
    private readonly app: Hono<any>,
    public host: string,
    private readonly port = 3000,
  ) {}

  hostHeader(host = this.host): string {
    return `${host}:${this.port}`;
  }

  private jar(host: string): Map<string, string> {
    let jar = this.cookies.get(host);
    if (!jar) this.cookies.set(host, (jar = new Map()));
    return jar;
  }

  cookieHeader(host = this.host): string {
    return [...this.jar(host)].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private storeCookies(host: string, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || (/expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (expired || value === '') this.jar(host).delete(name);
      else this.jar(host).set(name, value);
    }
  }

  async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; host?: string } = {}): Promise<Page> {
    const host = init.host ?? this.host;
    const headers: Record<string, string> = { Host: this.hostHeader(host), 'User-Agent': 'TestBrowser/1.0', ...init.headers };
    const cookie = this.cookieHeader(host);
    if (cookie && !('Cookie' in headers)) headers.Cookie = cookie;
    if (method !== 'GET' && method !== 'HEAD' && !('Origin' in headers)) headers.Origin = `http://${this.hostHeader(host)}`;
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const res = await this.app.request(`http://${this.hostHeader(host)}${path}`, { method, headers, body: init.body });
    this.storeCookies(host, res.headers);
    const text = await res.text();
    const doc = parseHtml(text);
    return {
      res,
      status: res.status,
      text,
      headers: res.headers,
      location: res.headers.get('location'),
      doc,
      visibleText: (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }

  get(path: string, headers?: Record<string, string>): Promise<Page> {
    return this.request('GET', path, { headers });
  }

  post(path: string, form: FormData = {}, headers?: Record<string, string>): Promise<Page> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return this.request('POST', path, { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** Follows redirects (303/302/301) from a response, switching host when the Location does. */
  async follow(page: Page, limit = 5): Promise<Page> {
    let current = page;
    while (current.location && limit-- > 0) {
      const url = new URL(current.location, `http://${this.hostHeader()}`);
      const host = url.hostname;
      if (host !== this.host) this.host = host;
      current = await this.get(url.pathname + url.search);
    }
    return current;
  }
}
