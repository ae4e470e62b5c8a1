// The development mailbox: what the log transport "sent", newest first (only on a localhost portal domain).
import type { LoggedMail } from '../../mail/log-transport.ts';
import { Plain } from '../pages/simple.tsx';

export function MailboxPage({ mails }: { mails: LoggedMail[] }) {
  return (
    <Plain title="Development mailbox - Portico">
      <h1>Development mailbox</h1>
      <p>Mail the log transport sent since the server started, newest first. This page exists only in local development.</p>
      {mails.length === 0 ? (
        <p class="empty">No mail yet. Ask for a login link on a portal's login page.</p>
      ) : (
        <ol class="list" reversed>
          {mails.map((mail) => (
            <li>
              <h2 class="mail-subject">{mail.subject}</h2>
              <p class="muted">
                To {mail.to}, {mail.sentAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </p>
              <ul>
                {mail.links.map((link) => (
                  <li>
                    <a href={link}>{link}</a>
                  </li>
                ))}
              </ul>
              <details>
                <summary>Text</summary>
                <pre class="mail-text">{mail.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </Plain>
  );
}
