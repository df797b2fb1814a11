// A view's search text (`anyFieldFilterValue`), as Twenty's turnAnyFieldFilterIntoRecordGqlFilter
// spreads it over the queried object's fields, OR-ed: text fields `ilike %text%`, select fields the
// options whose value or label contains it, currency amounts when the text is a number, currency
// codes whose label or code contains it. Captured: view F, "iPhone", equals `name ilike %iPhone%`.
import { operandFilter, type FilterClock, type FilterField, type Gql } from '@/sandbox/views/operand-filter';

export type SearchField = FilterField & { options: readonly { value: string; label: string }[] | null };

let labels: { code: string; label: string }[] | null = null;

/**
 * Currency labels "Name (CODE)". Twenty keeps its own English names; the runtime's ISO 4217 names
 * stand in for them here, so a search text that only Twenty's wording contains is not matched.
 */
function currencyLabels(): { code: string; label: string }[] {
  if (!labels) {
    const names = new Intl.DisplayNames(['en'], { type: 'currency' });
    labels = Intl.supportedValuesOf('currency').map((code) => ({ code, label: `${names.of(code) ?? code} (${code})` }));
  }
  return labels;
}

const filterOf = (field: SearchField, operand: 'CONTAINS' | 'IS', value: string, clock: FilterClock, subFieldName: string | null = null) =>
  operandFilter({ operand, value, subFieldName, relationTargetFieldMetadataId: null }, field, clock);

export function anyFieldFilter(text: string | null, fields: readonly SearchField[], clock: FilterClock): Gql | null {
  if (!text) return null;
  const isNumber = Number.isFinite(Number(text));
  const parts: (Gql | undefined)[] = [];
  for (const field of fields) {
    if (field.type === 'TEXT') parts.push(filterOf(field, 'CONTAINS', text, clock));
    else if (field.type === 'NUMBER' && isNumber) parts.push(filterOf(field, 'IS', text, clock));
    else if (field.type === 'CURRENCY') {
      if (isNumber) parts.push(filterOf(field, 'IS', text, clock));
      const codes = currencyLabels().filter((c) => c.label.includes(text) || c.code.includes(text)).map((c) => c.code);
      if (codes.length > 0) parts.push(filterOf(field, 'IS', JSON.stringify(codes), clock, 'currencyCode'));
    } else if (field.type === 'SELECT') {
      const lower = text.toLocaleLowerCase();
      const values = (field.options ?? []).filter((o) => o.value.toLocaleLowerCase().includes(lower) || o.label.toLocaleLowerCase().includes(lower)).map((o) => o.value);
      if (values.length > 0) parts.push(filterOf(field, 'IS', JSON.stringify(values), clock));
    }
    // Names, emails, phones, links, addresses and arrays are searched too in Twenty; the objects
    // the demo workspace groups (opportunities, workspace members) have none of them in its metadata.
  }
  const kept = parts.filter((p): p is Gql => p !== undefined);
  return kept.length === 0 ? null : { or: kept };
}
