// The dashboard's cards: each is a small function of the request that returns a card, or null to show nothing.
// Other areas add theirs by appending to `dashboardCards` (e.g. tasks completed by clients, uploads since yesterday).
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { clientsWithoutPortal, contactsInvitedNotSignedIn, contactsNeverInvited, recentClientSignIns } from '../../db/queries/dashboard.ts';
import { staffDateTime } from '../../views/staff/components.tsx';
import type { DashboardCardData } from '../../views/staff/dashboard.tsx';
import { tasksCompletedByClients } from './tasks-dashboard-card.ts';
import { newUploadsSinceYesterday } from './files-dashboard-card.ts';

export type DashboardCardSource = (c: Context<AppEnv>) => Promise<DashboardCardData | null>;

const name = (r: { first_name: string | null; last_name: string | null; email?: string | null }) => [r.first_name, r.last_name].filter(Boolean).join(' ') || r.email || 'Unnamed contact';

const withoutPortal: DashboardCardSource = async (c) => {
  const { count, rows } = await clientsWithoutPortal(c.get('deps').db, c.get('firm').id);
  return {
    id: 'clients-without-portal',
    title: 'Clients without the portal',
    count,
    items: rows.map((r) => ({ href: `/staff/clients/${r.id}`, text: r.name })),
    empty: 'Every active client has the portal on.',
    more: count > rows.length ? { href: '/staff/clients', label: `All ${count} clients without the portal` } : undefined,
  };
};

const neverInvited: DashboardCardSource = async (c) => {
  const { count, rows } = await contactsNeverInvited(c.get('deps').db, c.get('firm').id);
  return {
    id: 'contacts-never-invited',
    title: 'Contacts with access, never invited',
    count,
    items: rows.map((r) => ({ href: `/staff/clients/${r.client_id}`, text: name(r), meta: r.client_name })),
    empty: 'Everyone with access has been invited.',
  };
};

const notSignedIn: DashboardCardSource = async (c) => {
  const { count, rows } = await contactsInvitedNotSignedIn(c.get('deps').db, c.get('firm').id);
  return {
    id: 'contacts-not-signed-in',
    title: 'Invited, never signed in',
    count,
    items: rows.map((r) => ({ href: `/staff/clients/${r.client_id}`, text: name(r), meta: `${r.client_name}, invited ${staffDateTime(r.invite_sent_at)}` })),
    empty: 'Every invited contact has signed in.',
  };
};

const recentSignIns: DashboardCardSource = async (c) => {
  const rows = await recentClientSignIns(c.get('deps').db, c.get('firm').id);
  return {
    id: 'recent-sign-ins',
    title: 'Recent client sign-ins',
    items: rows.map((r) => ({ href: r.client_id ? `/staff/clients/${r.client_id}` : undefined, text: r.first_name || r.last_name ? name(r) : (r.actor_email ?? 'A client'), meta: `${r.client_name ?? ''}${r.client_name ? ', ' : ''}${staffDateTime(r.at)}` })),
    empty: 'No client has signed in yet.',
  };
};

export const dashboardCards: DashboardCardSource[] = [withoutPortal, neverInvited, notSignedIn, recentSignIns];
dashboardCards.unshift(tasksCompletedByClients); // Tasks area
dashboardCards.splice(1, 0, newUploadsSinceYesterday); // Files area
