// /staff/settings/plan (owner only): plan, billing and eSignatures apps, eSignature settings. Downgrades keep data.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { updateFirm } from '../../db/queries/firm-settings.ts';
import type { Firm, FirmUpdate, Plan } from '../../db/database.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { readForm } from '../../validation.ts';
import { ForbiddenPage } from '../../views/pages/simple.tsx';
import { PlanPage, placementOptions, positionOptions, type PlanValues } from '../../views/staff/settings/plan.tsx';
import { formString, isChecked } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const planRoutes = new Hono<AppEnv>();
const ownerOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('staff').scope.role !== 'owner') return renderPage(c, <ForbiddenPage message="Only the firm's owner can change the plan and apps." />, 403);
  await next();
};
planRoutes.use('/settings/plan', ownerOnly);
planRoutes.use('/settings/plan/*', ownerOnly);

const plans: Plan[] = ['standard', 'team', 'elite'];
const notices: Record<string, string> = { saved: 'Plan and apps saved.', esign: 'eSignature settings saved.' };

function page(c: Context<AppEnv>, extra: { errors?: Record<string, string>; values?: PlanValues } = {}, status: 200 | 422 = 200) {
  return renderPage(c, <PlanPage shell={staffShell(c, 'settings')} firm={c.get('firm')} notice={notices[c.req.query('m') ?? '']} {...extra} />, status);
}

async function save(c: Context<AppEnv>, patch: FirmUpdate, action: string, detail: Record<string, unknown>) {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await updateFirm(trx, firm.id, patch);
    await recordAudit(trx, firm.id, currentActor(c), { action, subjectType: 'firm', subjectId: firm.id, detail }, now);
  });
}

/** An app may stay on through a downgrade (hidden), but cannot be switched on when the plan lacks it. */
export function planProblems(firm: Pick<Firm, 'billing_enabled' | 'esign_enabled'>, plan: Plan, billing: boolean, esign: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (billing && !firm.billing_enabled && plan === 'standard') errors.billing_enabled = 'The billing app needs the Team plan or higher.';
  if (esign && !firm.esign_enabled && plan !== 'elite') errors.esign_enabled = 'The eSignatures app needs the Elite plan.';
  return errors;
}

planRoutes.get('/settings/plan', (c) => page(c));

planRoutes.post('/settings/plan', async (c) => {
  const firm = c.get('firm');
  const form = await readForm(c);
  const planInput = formString(form, 'plan');
  const billing = isChecked(form, 'billing_enabled');
  const esign = isChecked(form, 'esign_enabled');
  if (!plans.includes(planInput as Plan)) return page(c, { errors: { plan: 'Choose a plan from the list.' }, values: { plan: firm.plan, billing_enabled: billing, esign_enabled: esign } }, 422);
  const plan = planInput as Plan;
  const errors = planProblems(firm, plan, billing, esign);
  if (Object.keys(errors).length) return page(c, { errors, values: { plan, billing_enabled: billing, esign_enabled: esign } }, 422);
  await save(c, { plan, billing_enabled: billing, esign_enabled: esign }, 'firm.plan_changed', { from: firm.plan, to: plan, billing, esign });
  return redirectAfterPost(c, '/staff/settings/plan?m=saved');
});

planRoutes.post('/settings/plan/esign', async (c) => {
  const form = await readForm(c);
  const position = formString(form, 'esign_position');
  const placement = formString(form, 'esign_placement');
  const errors: Record<string, string> = {};
  if (!positionOptions.some((o) => o.value === position)) errors.esign_position = 'Choose a position from the list.';
  if (!placementOptions.some((o) => o.value === placement)) errors.esign_placement = 'Choose a placement from the list.';
  if (Object.keys(errors).length) return page(c, { errors }, 422);
  const patch = {
    esign_position: position as Firm['esign_position'],
    esign_placement: placement as Firm['esign_placement'],
    esign_include_timestamp: isChecked(form, 'esign_include_timestamp'),
    esign_include_ip: isChecked(form, 'esign_include_ip'),
  };
  await save(c, patch, 'firm.esign_settings_changed', patch);
  return redirectAfterPost(c, '/staff/settings/plan?m=esign');
});
