// The firm's email signature for portal mail: the company default, a fixed text, or a dynamic one with placeholders.
import type { Firm } from '../db/database.ts';

export type SignatureFirm = Pick<Firm, 'trademark'> & Partial<Pick<Firm, 'email_signature_mode' | 'email_signature_text'>>;

export const SIGNATURE_PLACEHOLDERS = ['{{sender_name}}', '{{sender_email}}', '{{company_name}}'];

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Resolves the signature for one mail. payload.senderName / payload.senderEmail name the staff member who caused it;
 * mail the system sends on its own (sign-in links) has no sender, so the dynamic signature falls back to the company.
 */
export function firmSignature(firm: SignatureFirm, payload: Record<string, unknown> = {}): string {
  const mode = firm.email_signature_mode ?? 'company';
  const custom = (firm.email_signature_text ?? '').trim();
  if (mode === 'fixed' && custom) return custom;
  if (mode === 'dynamic' && custom) {
    const senderName = text(payload.senderName) || firm.trademark;
    const senderEmail = text(payload.senderEmail);
    const lines = custom.split('\n').map((line) => {
      const hadEmail = line.includes('{{sender_email}}');
      const filled = line
        .replaceAll('{{sender_name}}', senderName)
        .replaceAll('{{sender_email}}', senderEmail)
        .replaceAll('{{company_name}}', firm.trademark)
        .trimEnd();
      // A line that carries the sender's address disappears when there is no sender.
      return hadEmail && !senderEmail ? undefined : filled;
    });
    return lines.filter((line) => line !== undefined).join('\n').trim();
  }
  return firm.trademark;
}
