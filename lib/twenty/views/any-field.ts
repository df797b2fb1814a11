import { condition, type FilterPart } from '@/lib/twenty/filter-rules';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { refuse } from '@/lib/twenty/views/refusal';

// A view's search text (`anyFieldFilterValue`). Twenty spreads it over every field of the object,
// OR-ed (twenty-shared's turnAnyFieldFilterIntoRecordGqlFilter): text fields `ilike %text%`; select
// fields the options whose value or label contains it; amounts and numbers when the text is a
// number; currency codes whose label ("United States dollar (USD)") or code contains it; names,
// emails, phones, links, addresses, arrays and multi-selects by their own rules. Captured: view F,
// "iPhone", equals `name ilike %iPhone%`. We translate the text, select and "no match" parts and
// refuse the rest: a number, a text that may name a currency, or a field kind searched otherwise.

const SEARCHED_OTHERWISE = new Set(['FULL_NAME', 'EMAILS', 'PHONES', 'LINKS', 'ADDRESS', 'ARRAY', 'MULTI_SELECT']);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
let currencyTexts: string[] | null = null;

/**
 * Could `text` be part of a currency label Twenty matches? Twenty's labels are its own English
 * names; the runtime's ISO 4217 names and codes stand in for them, compared without case or
 * accents (wider than Twenty's case-sensitive test), and any text of three letters or fewer counts,
 * as codes and short fragments do. A word only Twenty's wording uses can still slip through.
 */
function mayNameCurrency(text: string): boolean {
  if (/^[\p{L}]{1,3}$/u.test(text.trim())) return true;
  if (!currencyTexts) {
    const names = new Intl.DisplayNames(['en'], { type: 'currency' });
    currencyTexts = Intl.supportedValuesOf('currency').map((code) => fold(`${names.of(code) ?? ''} (${code})`));
  }
  const needle = fold(text);
  return currencyTexts.some((label) => label.includes(needle));
}

export function anyFieldPart(text: string | null, fields: readonly FieldInfo[]): FilterPart | null {
  if (text === null || text === '') return null;
  const subject = `anyFieldFilterValue "${text}"`;
  const isNumber = Number.isFinite(Number(text));
  const parts: FilterPart[] = [];
  for (const field of fields) {
    if (field.type === 'TEXT') parts.push(condition([field.name], 'ilike', `%${text}%`));
    else if ((field.type === 'CURRENCY' || field.type === 'NUMBER') && isNumber) refuse('search_text', subject, `a number also searches ${field.type} field "${field.name}"`);
    else if (field.type === 'CURRENCY' && mayNameCurrency(text)) refuse('search_text', subject, `the text may name a currency of "${field.name}"`);
    else if (field.type === 'SELECT') {
      if (!field.options) return refuse('search_text', subject, `select field "${field.name}" has no options to search`);
      const lower = text.toLocaleLowerCase();
      const values = field.options.filter((o) => o.value.toLocaleLowerCase().includes(lower) || o.label.toLocaleLowerCase().includes(lower)).map((o) => o.value);
      if (values.length > 0) parts.push(condition([field.name], 'in', values));
    } else if (SEARCHED_OTHERWISE.has(field.type)) refuse('search_text', subject, `the text also searches ${field.type} field "${field.name}"`);
  }
  // One part alone means the same without Twenty's `or` around it.
  if (parts.length <= 1) return parts[0] ?? null;
  return { or: parts };
}
