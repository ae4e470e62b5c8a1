// Every migration, in order. New ones are appended; existing ones never change.
import type { Migration } from 'kysely';
import * as foundation from './2026_11_29_0001_foundation.ts';
import * as staffSettings from './2026_11_29_0100_staff_settings.ts';
import * as tasks from './2026_11_29_0200_tasks.ts';
import * as files from './2026_11_29_0300_files.ts';
import * as firmVersion from './2026_11_29_0400_firm_version.ts';
import * as checklistCounts from './2026_11_29_0500_checklist_counts.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_29_0001_foundation': foundation,
  '2026_11_29_0100_staff_settings': staffSettings,
  '2026_11_29_0200_tasks': tasks,
  '2026_11_29_0300_files': files,
  '2026_11_29_0400_firm_version': firmVersion,
  '2026_11_29_0500_checklist_counts': checklistCounts,
};
