// UI strings: flat keys, one JSON file per locale; English is the only locale so far
import en from './en.json';

export type MessageKey = keyof typeof en;

const locales = { en } as const;
export type Locale = keyof typeof locales;

/** a UI string with `{name}` placeholders filled in */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale: Locale = 'en'): string {
  return locales[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
