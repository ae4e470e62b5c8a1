// The firm's email signature for portal mail.
import type { Firm } from '../db/database.ts';

export function firmSignature(firm: Pick<Firm, 'trademark'>, _payload?: Record<string, unknown>): string {
  return firm.trademark;
}
