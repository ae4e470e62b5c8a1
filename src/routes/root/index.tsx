// The bare portal domain: a landing page naming no firm, firm sign-up, and the development mailbox.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv, Deps } from '../../app-env.ts';
import { issueMagicLink } from '../../auth/magic-link.ts';
import { clientIp, requestActor } from '../../auth/request-info.ts';
import { HOUR } from '../../clock.ts';
import { firmOrigin } from '../../config.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { subdomainTaken } from '../../db/queries/firm-settings.ts';
import { createFirmWithOwner } from '../../db/queries/firm-signup.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import { hitRateLimit } from '../../db/queries/rate-limits.ts';
import { LogTransport } from '../../mail/log-transport.ts';
import { renderPage } from '../../render.tsx';
import { emailField, parseWith, readForm } from '../../validation.ts';
import { LandingPage, NotFoundPage } from '../../views/pages/simple.tsx';
import { MailboxPage } from '../../views/root/mailbox.tsx';
import { SignupDonePage, SignupPage } from '../../views/root/signup.tsx';
import { defaultTrademark, subdomainProblem } from '../staff/portal-rules.ts';

const SIGNUPS_PER_IP_PER_HOUR = 10;
const NO_FIRM = '00000000-0000-0000-0000-000000000000';

const signupSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter the firm’s name.'), v.maxLength(120, 'Use at most 120 characters.')),
  slug: v.pipe(v.string(), v.trim(), v.toLowerCase()),
  firstName: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter your first name.'), v.maxLength(80, 'Use at most 80 characters.')),
  lastName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80, 'Use at most 80 characters.')), ''),
  email: emailField('Enter an e-mail address, like name@example.com'),
});

export function createRootApp(deps: Deps): Hono<AppEnv> {
  const root = new Hono<AppEnv>();
  root.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });

  root.get('/', (c) => renderPage(c, <LandingPage signUpUrl="/signup" />));
  root.get('/signup', (c) => renderPage(c, <SignupPage domain={deps.config.portalDomain} />));

  root.post('/signup', async (c) => {
    const { db, clock, config } = deps;
    const now = clock.now();
    const parsed = parseWith(signupSchema, await readForm(c));
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const slug = parsed.ok ? parsed.value.slug : (parsed.input.slug ?? '').trim().toLowerCase();
    const shape = subdomainProblem(slug);
    if (shape) errors.slug = shape;
    else if (await subdomainTaken(db, NO_FIRM, slug, now)) errors.slug = 'This subdomain is taken. Choose another.';
    if (!parsed.ok || Object.keys(errors).length) {
      const values = parsed.ok ? parsed.value : parsed.input;
      return renderPage(c, <SignupPage values={values} errors={errors} domain={config.portalDomain} />, 422);
    }
    if (!(await hitRateLimit(db, `signup-ip:${clientIp(c)}`, SIGNUPS_PER_IP_PER_HOUR, HOUR, now))) {
      return renderPage(c, <SignupPage values={parsed.value} errors={{ name: 'Too many portals were started from here in the last hour. Please try again later.' }} domain={config.portalDomain} />, 429);
    }
    const input = parsed.value;
    await db.transaction().execute(async (trx) => {
      const { firm, owner } = await createFirmWithOwner(
        trx,
        { name: input.name, trademark: defaultTrademark(input.name) || input.name, slug, ownerEmail: input.email, ownerFirstName: input.firstName, ownerLastName: input.lastName },
        now,
      );
      const token = await issueMagicLink(trx, firm.id, 'staff', owner.email, now);
      await enqueueMail(trx, { firmId: firm.id, template: 'staff-login', to: owner.email, payload: { url: `${firmOrigin(config, slug)}/staff/login/link?token=${token}`, language: 'en' }, dueAt: now }, now);
      await recordAudit(trx, firm.id, requestActor(c, { type: 'staff', id: owner.id, email: owner.email }), { action: 'firm.created', subjectType: 'firm', subjectId: firm.id }, now);
    });
    return renderPage(c, <SignupDonePage email={input.email} staffUrl={`${firmOrigin(config, slug)}/staff/`} />);
  });

  // Local development only: never on a real domain, where these links would let anyone sign in.
  root.get('/dev/mailbox', (c) => {
    if (deps.config.portalDomain !== 'localhost' || !(deps.mail instanceof LogTransport)) return renderPage(c, <NotFoundPage />, 404);
    c.header('Cache-Control', 'no-store');
    return renderPage(c, <MailboxPage mails={[...deps.mail.sent].reverse()} />);
  });

  root.notFound((c) => renderPage(c, <NotFoundPage />, 404));
  return root;
}
