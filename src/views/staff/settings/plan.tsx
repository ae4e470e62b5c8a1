// Settings > Plan and apps (owner): the plan, the billing and eSignatures apps, and the eSignature settings.
import type { Firm } from '../../../db/database.ts';
import { Checkbox, ErrorSummary, Notice, SelectField } from '../../components/form.tsx';
import { SettingsTabs } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';

export const planOptions = [
  { value: 'standard', label: 'Standard: the client portal' },
  { value: 'team', label: 'Team: adds the billing app (invoices in the portal)' },
  { value: 'elite', label: 'Elite: adds eSignatures and custom menu links' },
];

export const positionOptions = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
  { value: 'top-right', label: 'Top right' },
  { value: 'top-left', label: 'Top left' },
];

export const placementOptions = [
  { value: 'last', label: 'Last page' },
  { value: 'first', label: 'First page' },
  { value: 'all', label: 'All pages' },
];

export type PlanValues = { plan?: string; billing_enabled?: boolean; esign_enabled?: boolean };

function inactive(on: boolean, included: boolean, needs: string) {
  if (on && !included) return ` It stays switched on but is hidden from clients until the plan includes it (${needs}).`;
  return '';
}

export function PlanPage({ shell, firm, errors, values, notice }: { shell: StaffShell; firm: Firm; errors?: Record<string, string>; values?: PlanValues; notice?: string }) {
  const e = errors ?? {};
  const plan = values?.plan ?? firm.plan;
  const billingIncluded = firm.plan !== 'standard';
  const esignIncluded = firm.plan === 'elite';
  return (
    <StaffLayout shell={shell} title="Plan and apps">
      <h1>Settings</h1>
      <SettingsTabs current="plan" role="owner" />
      <h2>Plan and apps</h2>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary errors={e} title="There is a problem" labels={{ plan: 'Plan', billing_enabled: 'Billing app', esign_enabled: 'eSignatures app' }} />
      <form method="post" action="/staff/settings/plan" novalidate class="card">
        <SelectField name="plan" label="Plan" hint="Changing to a smaller plan keeps every record; what the plan no longer includes is hidden from clients, and nothing new of it can be created." value={plan} error={e.plan} options={planOptions} />
        <Checkbox
          name="billing_enabled"
          label="Billing app"
          hint={`Invoices for clients, shown in the portal. Needs the Team plan or higher.${inactive(firm.billing_enabled, billingIncluded, 'Team or Elite')}`}
          checked={values?.billing_enabled ?? firm.billing_enabled}
          error={e.billing_enabled}
        />
        <Checkbox
          name="esign_enabled"
          label="eSignatures app"
          hint={`Signing requests on tasks. Needs the Elite plan. Requests already sent can still be signed after a downgrade.${inactive(firm.esign_enabled, esignIncluded, 'Elite')}`}
          checked={values?.esign_enabled ?? firm.esign_enabled}
          error={e.esign_enabled}
        />
        <button type="submit">Save plan and apps</button>
      </form>
      <section aria-labelledby="esign-heading" class="card">
        <h3 id="esign-heading">eSignature settings</h3>
        {!esignIncluded && <p class="muted">These apply when the eSignatures app is on and the plan is Elite.</p>}
        <form method="post" action="/staff/settings/plan/esign" novalidate>
          <SelectField name="esign_position" label="Signature block position" value={firm.esign_position} error={e.esign_position} options={positionOptions} />
          <SelectField name="esign_placement" label="Signature block placement" value={firm.esign_placement} error={e.esign_placement} options={placementOptions} />
          <Checkbox name="esign_include_timestamp" label="Include the time of signing" checked={firm.esign_include_timestamp} />
          <Checkbox name="esign_include_ip" label="Include the signer's IP address" checked={firm.esign_include_ip} />
          <button type="submit">Save eSignature settings</button>
        </form>
      </section>
    </StaffLayout>
  );
}
