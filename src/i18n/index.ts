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

// A message split once into text and {placeholder} names: pages call t() with parameters for every row they list.
type Template = (params: Record<string, string | number>) => string;
const templates = new Map<string, Template>();

function template(text: string): Template {
  let compiled = templates.get(text);
  if (!compiled) {
    const parts = text.split(/\{(\w+)\}/);
    compiled = (params) => {
      let out = parts[0];
      for (let i = 1; i < parts.length; i += 2) {
        const name = parts[i];
        out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
      }
      return out;
    };
    templates.set(text, compiled);
  }
  return compiled;
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? en[key];
    return params ? template(text)(params) : text;
  };
}
