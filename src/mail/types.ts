// What a mail transport takes and returns; the outbox worker is its only caller.
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our outbox id, sent as metadata so provider events can be matched back. */
  reference?: string;
  tag?: string;
}

export interface SentMail {
  messageId: string;
}

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<SentMail>;
}

/** A failure the worker must not retry (bad address, rejected by the provider for good). */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}
