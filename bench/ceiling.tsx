// The ceiling: a bare Hono app (the app's compression only, no database, no session) rendering the portal home view
// with the same layout and the same number of tasks as the measured page.
import { Hono } from 'hono';
import { compressResponses } from '../src/compress.ts';
import { translator } from '../src/i18n/index.ts';
import { renderPage } from '../src/render.tsx';
import { HomePage, type CompletedView, type TodoView } from '../src/views/portal/home.tsx';
import type { PortalShell } from '../src/views/portal/layout.tsx';

export function ceilingApp(): Hono {
  const t = translator('en');
  const shell: PortalShell = {
    lang: 'en',
    t,
    brand: { trademark: 'Bench Firm 5001', brandCssUrl: '/brand.css?v=ffffff000000' },
    nav: [
      { href: '/', label: t('nav.home'), current: true },
      { href: '/requests', label: t('nav.requests') },
      { href: '/settings', label: t('nav.settings') },
    ],
    user: { name: 'Contact 50001', clientName: 'Client 50001', companies: [] },
  };
  const todo: TodoView[] = Array.from({ length: 20 }, (_, i) => ({
    id: crypto.randomUUID(),
    title: `Monthly documents ${i + 1}`,
    due: `${i + 20} Nov 2026`,
    overdue: i < 5,
    seen: i % 4 !== 3,
    reference: false,
    progress: { done: 1, total: 3 },
  }));
  const completed: CompletedView[] = Array.from({ length: 10 }, (_, i) => ({ id: crypto.randomUUID(), title: `Task ${i + 1}`, completed: '26 Nov 2026' }));
  const app = new Hono();
  app.use(compressResponses());
  app.get('/', (c) =>
    renderPage(
      c,
      <HomePage shell={shell} firstName="Contact" today="Sunday, 29 November 2026" q="" todo={todo} completed={completed} completedTotal={15} moreHref="/?completed=20" completedOpen={false} />,
    ),
  );
  return app;
}
