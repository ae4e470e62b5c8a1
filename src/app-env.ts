// The dependencies createApp receives and the per-request values routes read from the context.
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Contact, Firm, PortalUser, StaffMember } from './db/database.ts';
import type { Language, Translate } from './i18n/index.ts';
import type { Logger } from './log.ts';
import type { MailTransport } from './mail/types.ts';
import type { BlobStore } from './storage/blob-store.ts';

export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  mail: MailTransport;
  blobs: BlobStore;
}

/** What a portal user may see: one contact of one client at one firm. */
export interface PortalScope {
  firmId: string;
  clientId: string;
  contactId: string;
}

/** What a staff member may see: everything of one firm, within their role. */
export interface StaffScope {
  firmId: string;
  memberId: string;
  role: StaffMember['role'];
}

export interface CompanyPair {
  firmId: string;
  firmSlug: string;
  firmTrademark: string;
  contactId: string;
  clientName: string;
}

export interface PortalPrincipal {
  sessionId: string;
  scope: PortalScope;
  user: PortalUser;
  contact: Pick<Contact, 'id' | 'first_name' | 'last_name' | 'first_login_at' | 'welcome_seen_at'>;
  clientName: string;
  /** Every (firm, client) pair this person may switch to, this one included. */
  companies: CompanyPair[];
}

export interface StaffPrincipal {
  sessionId: string;
  scope: StaffScope;
  member: Pick<StaffMember, 'firm_id' | 'id' | 'email' | 'first_name' | 'last_name' | 'role' | 'active' | 'created_at'>;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    firm: Firm;
    language: Language;
    t: Translate;
    portal: PortalPrincipal;
    staff: StaffPrincipal;
    /** A portal page's own data, loaded by its guard (portalPageGuard). */
    page: unknown;
  };
};
