// /staff/team (owners and admins): invite by e-mail, change role, deactivate, reactivate, transfer ownership (owner).
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { requireRole } from '../../auth/guards.tsx';
import { issueMagicLink } from '../../auth/magic-link.ts';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin } from '../../config.ts';
import { endStaffMemberAccess } from '../../db/queries/access-revocation.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import { findMember, findMemberByEmail, insertMember, listMembers, transferOwnership, updateMember } from '../../db/queries/team.ts';
import type { Database, StaffMember } from '../../db/database.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { emailField, parseWith, readForm } from '../../validation.ts';
import { ForbiddenPage } from '../../views/pages/simple.tsx';
import { TeamPage, type TeamPageProps } from '../../views/staff/team.tsx';
import { isUuid, notFound, pageParam } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const teamRoutes = new Hono<AppEnv>();
teamRoutes.use('/team', requireRole('owner', 'admin'));
teamRoutes.use('/team/*', requireRole('owner', 'admin'));

const notices: Record<string, string> = {
  invited: 'Invite sent. The sign-in link in it works for 1 hour; they can ask for a new one on the sign-in page.',
  role: 'Role changed.',
  deactivated: 'Member deactivated. Their sessions and sign-in links have ended.',
  reactivated: 'Member reactivated. They can sign in again.',
  transferred: 'Ownership transferred. You are now an admin.',
};

const inviteSchema = v.object({
  email: emailField('Enter an e-mail address, like name@example.com.'),
  first_name: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(100, 'Use at most 100 characters.')),
  last_name: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(100, 'Use at most 100 characters.')),
  role: v.picklist(['admin', 'member'], 'Choose admin or member.'),
});

async function teamPage(c: Context<AppEnv>, extra: Partial<TeamPageProps> = {}, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const firm = c.get('firm');
  const staff = c.get('staff');
  const list = await listMembers(db, firm.id, pageParam(c));
  const successors = staff.scope.role === 'owner' ? (await listMembers(db, firm.id, 1, 500)).items.filter((m) => m.active && m.role !== 'owner') : [];
  return renderPage(
    c,
    <TeamPage shell={staffShell(c, 'team')} me={{ id: staff.member.id, role: staff.scope.role }} members={list.items} page={list.page} pages={list.pages} total={list.total} successors={successors} notice={notices[c.req.query('m') ?? '']} {...extra} />,
    status,
  );
}

async function mailStaffInvite(trx: Kysely<Database>, c: Context<AppEnv>, member: Pick<StaffMember, 'email' | 'role'>, now: Date) {
  const { config } = c.get('deps');
  const firm = c.get('firm');
  const inviter = c.get('staff').member;
  const origin = firmOrigin(config, firm.slug);
  const token = await issueMagicLink(trx, firm.id, 'staff', member.email, now);
  const inviterName = [inviter.first_name, inviter.last_name].filter(Boolean).join(' ') || inviter.email;
  await enqueueMail(
    trx,
    { firmId: firm.id, template: 'staff-invite', to: member.email, payload: { url: `${origin}/staff/login/link?token=${token}`, loginUrl: `${origin}/staff/login`, inviterName, role: member.role, language: 'en', senderName: inviterName, senderEmail: inviter.email }, dueAt: now },
    now,
  );
}

teamRoutes.get('/team', (c) => teamPage(c));

teamRoutes.post('/team/invite', async (c) => {
  const parsed = parseWith(inviteSchema, await readForm(c));
  if (!parsed.ok) return teamPage(c, { invite: parsed.input, errors: parsed.errors }, 422);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const existing = await findMemberByEmail(db, firm.id, parsed.value.email);
  if (existing) {
    const message = existing.active ? 'This person is already a member of the team.' : 'This person was deactivated: use Reactivate in the list instead.';
    return teamPage(c, { invite: parsed.value, errors: { email: message } }, 422);
  }
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const member = await insertMember(trx, firm.id, parsed.value, now);
    await mailStaffInvite(trx, c, member, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'team.invited', subjectType: 'staff_member', subjectId: member.id, detail: { email: member.email, role: member.role } }, now);
  });
  return redirectAfterPost(c, '/staff/team?m=invited');
});

/** The member being changed: one of this firm's, never the owner, never oneself. */
async function loadTarget(c: Context<AppEnv>): Promise<StaffMember | Response> {
  const id = c.req.param('memberId');
  const member = isUuid(id) ? await findMember(c.get('deps').db, c.get('firm').id, id) : undefined;
  if (!member) return notFound(c);
  if (member.role === 'owner') return renderPage(c, <ForbiddenPage message="The owner's role and access change only through a transfer of ownership." />, 403);
  if (member.id === c.get('staff').member.id) return renderPage(c, <ForbiddenPage message="You cannot change your own role or access. Ask another admin." />, 403);
  return member;
}

teamRoutes.post('/team/:memberId/role', async (c) => {
  const member = await loadTarget(c);
  if (member instanceof Response) return member;
  const form = await readForm(c);
  const role = form.role === 'admin' ? 'admin' : form.role === 'member' ? 'member' : undefined;
  if (!role) return teamPage(c, { errors: { role: 'Choose admin or member.' } }, 422);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  if (role !== member.role) {
    await db.transaction().execute(async (trx) => {
      await updateMember(trx, firm.id, member.id, { role });
      await recordAudit(trx, firm.id, currentActor(c), { action: 'team.role_changed', subjectType: 'staff_member', subjectId: member.id, detail: { from: member.role, to: role } }, now);
    });
  }
  return redirectAfterPost(c, '/staff/team?m=role');
});

teamRoutes.post('/team/:memberId/invite', async (c) => {
  const member = await loadTarget(c);
  if (member instanceof Response) return member;
  if (!member.active) return redirectAfterPost(c, '/staff/team');
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await mailStaffInvite(trx, c, member, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'team.invite_resent', subjectType: 'staff_member', subjectId: member.id }, now);
  });
  return redirectAfterPost(c, '/staff/team?m=invited');
});

for (const active of [false, true]) {
  teamRoutes.post(`/team/:memberId/${active ? 'reactivate' : 'deactivate'}`, async (c) => {
    const member = await loadTarget(c);
    if (member instanceof Response) return member;
    const { db, clock } = c.get('deps');
    const firm = c.get('firm');
    const now = clock.now();
    if (member.active !== active) {
      await db.transaction().execute(async (trx) => {
        await updateMember(trx, firm.id, member.id, { active });
        if (!active) await endStaffMemberAccess(trx, firm.id, member.id, member.email);
        await recordAudit(trx, firm.id, currentActor(c), { action: active ? 'team.reactivated' : 'team.deactivated', subjectType: 'staff_member', subjectId: member.id }, now);
      });
    }
    return redirectAfterPost(c, `/staff/team?m=${active ? 'reactivated' : 'deactivated'}`);
  });
}

teamRoutes.post('/team/transfer', async (c) => {
  const staff = c.get('staff');
  if (staff.scope.role !== 'owner') return renderPage(c, <ForbiddenPage message="Only the owner can transfer ownership." />, 403);
  const form = await readForm(c);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const targetId = typeof form.new_owner === 'string' ? form.new_owner : '';
  const target = isUuid(targetId) ? await findMember(db, firm.id, targetId) : undefined;
  const errors: Record<string, string> = {};
  if (!target || !target.active || target.id === staff.member.id) errors.new_owner = 'Choose an active member of the team.';
  if (form.confirm !== 'yes') errors.confirm = 'Tick the box to confirm the transfer.';
  if (Object.keys(errors).length > 0 || !target) return teamPage(c, { errors }, 422);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await transferOwnership(trx, firm.id, staff.member.id, target.id);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'team.ownership_transferred', subjectType: 'staff_member', subjectId: target.id, detail: { from: staff.member.id } }, now);
  });
  return redirectAfterPost(c, '/staff/team?m=transferred');
});
