/**
 * Masking of secrets in anything printed. A secret can show up transformed: URL-encoded in a query,
 * JSON-escaped in the JSON report (twice when that report is embedded in JSON again), HTML- or
 * markdown-escaped in a summary. Every such form of every secret becomes `***`.
 */
import { md } from './escape.js';

export const MASK = '***';

/** Query values shorter than this are not treated as keys (e.g. `api-version=2025`). */
const MIN_QUERY_SECRET = 8;

/**
 * The secrets plus values derived from them that are just as sensitive: for a URL (a webhook URL
 * often carries a key, e.g. an Azure Function's `?code=`), its normalized form, its password and
 * each long query value, so the key stays hidden when a service echoes the URL re-ordered or in parts.
 */
export function expandSecrets(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    out.add(s);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) continue;
    try {
      const u = new URL(s);
      out.add(u.href);
      if (u.password) out.add(u.password).add(decodeURIComponent(u.password));
      for (const [, v] of u.searchParams) if (v.length >= MIN_QUERY_SECRET) out.add(v);
      for (const part of u.search.slice(1).split('&')) {
        const raw = part.slice(part.indexOf('=') + 1);
        if (part.includes('=') && raw.length >= MIN_QUERY_SECRET) out.add(raw);
      }
    } catch {
      // Not a parseable URL: the literal value is masked anyway.
    }
  }
  return [...out];
}

function encodedForms(s: string): string[] {
  const json = JSON.stringify(s).slice(1, -1);
  const uri = encodeURIComponent(s);
  const forms = [
    s,
    json,
    JSON.stringify(json).slice(1, -1),
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    encodeURI(s),
    new URLSearchParams({ v: s }).toString().slice(2),
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    md(s),
    s.replace(/\|/g, '\\|'),
  ];
  return forms.filter((f) => f.length > 0);
}

const cache = new Map<string, string[]>();

function needlesFor(secrets: readonly string[]): string[] {
  const key = JSON.stringify(secrets);
  let needles = cache.get(key);
  if (!needles) {
    const all = new Set<string>();
    for (const s of expandSecrets(secrets)) for (const f of encodedForms(s)) all.add(f);
    // Longest first, so a secret's encoded form is masked whole before a shorter secret inside it.
    needles = [...all].sort((a, b) => b.length - a.length);
    if (cache.size > 50) cache.clear();
    cache.set(key, needles);
  }
  return needles;
}

/** Replaces every occurrence of every secret (in any of the forms above) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  if (!text) return text;
  let out = text;
  for (const needle of needlesFor(secrets)) if (out.includes(needle)) out = out.split(needle).join(MASK);
  return out;
}

/** Deep copy of a JSON-like value with every string redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.some(Boolean)) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
