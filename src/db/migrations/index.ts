// Every migration, in order. New ones are appended; existing ones never change.
import type { Migration } from 'kysely';
import * as foundation from './2026_11_29_0001_foundation.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_29_0001_foundation': foundation,
};
