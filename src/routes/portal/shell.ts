// Builds the portal page chrome (brand, navigation, account menu) from the request.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import type { Firm } from '../../db/database.ts';
import type { Brand, NavItem, PortalShell } from '../../views/portal/layout.tsx';
import { brandCssUrl } from '../brand.ts';

export function firmBrand(firm: Firm): Brand {
  return {
    trademark: firm.trademark,
    brandCssUrl: brandCssUrl(firm),
    logoUrl: firm.logo_key ? `/brand/logo?v=${encodeURIComponent(firm.logo_key)}` : undefined,
    faviconUrl: firm.favicon_key ? `/brand/icon?v=${encodeURIComponent(firm.favicon_key)}` : undefined,
  };
}

export function anonymousShell(c: Context<AppEnv>): PortalShell {
  return { lang: c.get('language'), t: c.get('t'), brand: firmBrand(c.get('firm')) };
}

export type PortalSection = 'home' | 'requests' | 'invoices' | 'settings' | undefined;

export function portalNav(c: Context<AppEnv>, current: PortalSection): NavItem[] {
  const t = c.get('t');
  const firm = c.get('firm');
  const items: NavItem[] = [{ href: '/', label: t('nav.home'), current: current === 'home' }];
  // Menu links (elite plan): kept on the firm row, hidden, not deleted, when the plan drops below elite.
  if (firm.plan === 'elite') for (const link of firm.menu_links ?? []) items.push({ href: link.url, label: link.label, external: true, newTab: link.newTab });
  items.push({ href: '/settings', label: t('nav.settings'), current: current === 'settings' });
  return items;
}

export function portalShell(c: Context<AppEnv>, current: PortalSection): PortalShell {
  const portal = c.get('portal');
  const firm = c.get('firm');
  const name = [portal.user.first_name, portal.user.last_name].filter(Boolean).join(' ') || portal.user.email;
  return {
    lang: c.get('language'),
    t: c.get('t'),
    brand: firmBrand(firm),
    nav: portalNav(c, current),
    user: {
      name,
      clientName: portal.clientName,
      links: firm.welcome_video_key ? [{ href: '/welcome', label: c.get('t')('welcome.menu') }] : [],
      companies: portal.companies.map((company) => ({
        ...company,
        current: company.firmId === firm.id && company.contactId === portal.scope.contactId,
        sameFirm: company.firmId === firm.id,
      })),
    },
  };
}
