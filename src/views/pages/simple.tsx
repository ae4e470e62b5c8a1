// Neutral pages shown when no firm applies: landing, not found, portal unavailable, error.
import type { Child } from 'hono/jsx';
import { Document, MAIN_ID } from '../document.tsx';

export function Plain({ title, children }: { title: string; children: Child }) {
  return (
    <Document lang="en" title={title} bodyClass="plain">
      <header class="site-header neutral">
        <div class="header-inner">
          <span class="brand-name">Portico</span>
        </div>
      </header>
      <main id={MAIN_ID} tabindex={-1} class="narrow">
        {children}
      </main>
    </Document>
  );
}

export function LandingPage({ signUpUrl }: { signUpUrl?: string }) {
  return (
    <Plain title="Portico - the client portal for accounting firms">
      <h1>Portico</h1>
      <p class="lead">The client portal for accounting and bookkeeping firms: shared tasks, checklists, documents, e-signatures and invoices, on your own branded address.</p>
      <p>Your clients sign in with a link sent by e-mail. No passwords, nothing to install, fast on any phone.</p>
      <p>If you are a client, open the address your accountant gave you, such as <code>yourfirm.portico.example</code>.</p>
      {signUpUrl && (
        <p>
          <a class="button" href={signUpUrl}>
            Start a portal for your firm
          </a>
        </p>
      )}
    </Plain>
  );
}

export function NotFoundPage() {
  return (
    <Plain title="Page not found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. Check that it is typed correctly, or go back to the page you came from.</p>
    </Plain>
  );
}

export function PortalUnavailablePage() {
  return (
    <Plain title="Portal not available">
      <h1>Portal not available</h1>
      <p>This client portal is not available at the moment. If you expected to find it here, please contact your accountant.</p>
    </Plain>
  );
}

export function ErrorPage({ requestId }: { requestId: string }) {
  return (
    <Plain title="Something went wrong">
      <h1>Something went wrong</h1>
      <p>We could not complete this request. Nothing was changed. Please try again in a moment.</p>
      <p>
        If it keeps happening, tell us this reference: <code>{requestId}</code>
      </p>
    </Plain>
  );
}

export function ForbiddenPage({ message }: { message?: string }) {
  return (
    <Plain title="Not allowed">
      <h1>Not allowed</h1>
      <p>{message ?? 'You do not have permission to open this page.'}</p>
    </Plain>
  );
}
