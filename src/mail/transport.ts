// Chooses the mail transport from config: Postmark with a token, else the log transport.
import type { Config } from '../config.ts';
import { LogTransport } from './log-transport.ts';
import { PostmarkTransport } from './postmark-transport.ts';
import type { MailTransport } from './types.ts';

export function transportFromConfig(config: Config): MailTransport {
  if (config.postmarkServerToken) return new PostmarkTransport({ serverToken: config.postmarkServerToken, apiBase: config.postmarkApiBase });
  return new LogTransport();
}
