// Message lookup with {placeholder} interpolation, and the list of portal languages.
import { de } from './de.ts';
import { en, type MessageKey } from './en.ts';
import { et } from './et.ts';

export type { MessageKey };
export const languages = ['en', 'et', 'de'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { en, et, de };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function pickLanguage(...candidates: unknown[]): Language {
  for (const candidate of candidates) if (isLanguage(candidate)) return candidate;
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
