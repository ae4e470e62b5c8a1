// The branded portal page: header in the firm's colours, navigation, account menu, main landmark.
import type { Child } from 'hono/jsx';
import type { Translate } from '../../i18n/index.ts';
import { Document, MAIN_ID } from '../document.tsx';

export interface Brand {
  trademark: string;
  brandCssUrl: string;
  logoUrl?: string;
  faviconUrl?: string;
}

export interface CompanyOption {
  firmSlug: string;
  firmTrademark: string;
  contactId: string;
  clientName: string;
  current: boolean;
  /** true when the pair is at this firm (switch in place); false for another firm's host. */
  sameFirm: boolean;
}

export interface PortalUserShell {
  name: string;
  clientName: string;
  companies: CompanyOption[];
  /** Extra account-menu links, e.g. the firm's welcome video. */
  links?: { href: string; label: string }[];
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
  external?: boolean;
  newTab?: boolean;
}

export interface PortalShell {
  lang: string;
  t: Translate;
  brand: Brand;
  user?: PortalUserShell;
  nav?: NavItem[];
}

export const ACCOUNT_MENU_ID = 'account-menu';

function BrandMark({ brand, href }: { brand: Brand; href: string }) {
  return (
    <a class="brand" href={href}>
      {brand.logoUrl ? (
        <img class="brand-logo" src={brand.logoUrl} alt={brand.trademark} width={180} height={60} />
      ) : (
        <span class="brand-name">{brand.trademark}</span>
      )}
    </a>
  );
}

export function AccountMenu({ user, t }: { user: PortalUserShell; t: Translate }) {
  const switchable = user.companies.filter((c) => !c.current);
  return (
    <details class="account-menu" id={ACCOUNT_MENU_ID}>
      <summary>
        <span class="visually-hidden">{t('layout.account')}: </span>
        <span class="account-name">{user.name}</span>
        <span class="account-company">{user.clientName}</span>
      </summary>
      <div class="account-panel">
        {switchable.length > 0 && (
          <section aria-labelledby="switch-heading">
            <h2 id="switch-heading" class="menu-heading">
              {t('layout.switch')}
            </h2>
            <ul class="company-list">
              {switchable.map((company) => (
                <li>
                  <form method="post" action="/switch">
                    <input type="hidden" name="firm" value={company.firmSlug} />
                    <input type="hidden" name="contact" value={company.contactId} />
                    <button type="submit" class="link-button">
                      <span class="company-firm">{company.firmTrademark}</span>
                      <span class="company-client">{company.clientName}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        )}
        {user.links && user.links.length > 0 && (
          <ul class="company-list">
            {user.links.map((link) => (
              <li>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/logout">
          <button type="submit" class="button secondary">
            {t('layout.logout')}
          </button>
        </form>
      </div>
    </details>
  );
}

export function PortalLayout({ shell, title, children, scripts }: { shell: PortalShell; title: string; children: Child; scripts?: string[] }) {
  const { t, brand } = shell;
  return (
    <Document
      lang={shell.lang}
      title={`${title} - ${brand.trademark}`}
      brandCssUrl={brand.brandCssUrl}
      faviconUrl={brand.faviconUrl}
      skipLabel={t('layout.skip')}
      bodyClass="portal"
      scripts={scripts}
    >
      <header class="site-header brand-colours">
        <div class="header-inner">
          <BrandMark brand={brand} href="/" />
          {shell.user && <AccountMenu user={shell.user} t={t} />}
        </div>
        {shell.nav && shell.nav.length > 0 && (
          <nav class="main-nav" aria-label={t('nav.main')}>
            <ul>
              {shell.nav.map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={item.current ? 'page' : undefined}
                    target={item.newTab ? '_blank' : undefined}
                    rel={item.external ? 'noopener noreferrer' : undefined}
                  >
                    {item.label}
                    {item.newTab && <span class="visually-hidden"> (opens in a new tab)</span>}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id={MAIN_ID} tabindex={-1}>
        {children}
      </main>
    </Document>
  );
}
