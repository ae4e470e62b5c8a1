// Sends through Postmark's API with the official client; the API host is configurable (a local stand-in in tests).
import { ServerClient } from 'postmark';
import { PermanentMailError, type MailTransport, type OutgoingMail, type SentMail } from './types.ts';

export interface PostmarkOptions {
  serverToken: string;
  /** e.g. http://127.0.0.1:4010 for a local stand-in; default Postmark's own API. */
  apiBase?: string;
  messageStream?: string;
  timeoutSeconds?: number;
}

// Postmark error codes that will not succeed on retry (bad or inactive recipient, invalid request).
const permanentCodes = new Set([300, 406, 409, 410, 411, 412, 413, 415, 422]);

export class PostmarkTransport implements MailTransport {
  readonly name = 'postmark';
  private readonly client: ServerClient;

  constructor(private readonly options: PostmarkOptions) {
    const config: { useHttps?: boolean; requestHost?: string; timeout: number } = { timeout: options.timeoutSeconds ?? 15 };
    if (options.apiBase) {
      const url = new URL(options.apiBase);
      config.useHttps = url.protocol === 'https:';
      config.requestHost = url.host;
    }
    this.client = new ServerClient(options.serverToken, config);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    try {
      const response = await this.client.sendEmail({
        From: mail.from,
        To: mail.to,
        Subject: mail.subject,
        TextBody: mail.text,
        HtmlBody: mail.html,
        Tag: mail.tag,
        MessageStream: this.options.messageStream ?? 'outbound',
        Metadata: mail.reference ? { outbox_id: mail.reference } : undefined,
        TrackOpens: false,
      });
      if (response.ErrorCode && response.ErrorCode !== 0) {
        const error = `Postmark error ${response.ErrorCode}: ${response.Message}`;
        throw permanentCodes.has(response.ErrorCode) ? new PermanentMailError(error) : new Error(error);
      }
      return { messageId: response.MessageID };
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (typeof code === 'number' && permanentCodes.has(code)) throw new PermanentMailError((error as Error).message);
      throw error;
    }
  }
}
