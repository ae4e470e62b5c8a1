// The default transport without a Postmark token: prints each mail with its links, keeps it for the dev mailbox.
import type { MailTransport, OutgoingMail, SentMail } from './types.ts';

export interface LoggedMail extends OutgoingMail {
  messageId: string;
  sentAt: Date;
  links: string[];
}

export function extractLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}

export class LogTransport implements MailTransport {
  readonly name = 'log';
  readonly sent: LoggedMail[] = [];

  constructor(
    private readonly print: ((line: string) => void) | null = (line) => process.stdout.write(line + '\n'),
    private readonly keep = 200,
  ) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const messageId = `log-${crypto.randomUUID()}`;
    const links = extractLinks(mail.text);
    this.sent.push({ ...mail, messageId, sentAt: new Date(), links });
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
    if (this.print) {
      this.print(`\n--- mail to ${mail.to}: ${mail.subject}`);
      for (const link of links) this.print(link);
      this.print('---');
    }
    return { messageId };
  }

  /** Mail sent to an address, newest last. */
  to(address: string): LoggedMail[] {
    return this.sent.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  clear(): void {
    this.sent.length = 0;
  }
}
