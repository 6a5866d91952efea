import { describe, expect, it } from 'vitest';
import { changeCard } from '../../src/bot/cards/change-card.js';
import type { CalendarDate, Tenant, Workload } from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { t } from '../../src/i18n/translate.js';

const tenant: Tenant = { id: 't1', name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' };
const workload: Workload = {
  id: 'w1',
  tenantId: 't1',
  code: 'EXO',
  l1Status: 'in_progress',
  esd: null,
  basis: null,
  channel: { type: 'unassigned' },
  version: 1,
};
const TODAY = '2026-11-22' as CalendarDate;

type Node = Record<string, unknown>;
/** The path of types from the card's body down to the input with this id. */
function pathTo(card: Node, id: string): string[] | null {
  const walk = (node: unknown, path: string[]): string[] | null => {
    if (Array.isArray(node)) {
      for (const child of node) {
        const found = walk(child, path);
        if (found) return found;
      }
    } else if (node && typeof node === 'object') {
      const record = node as Node;
      const here = typeof record.type === 'string' ? [...path, record.type] : path;
      if (record.id === id) return here;
      for (const value of Object.values(record)) {
        const found = walk(value, here);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(card.body, []);
}

/**
 * Issue 15: in Portuguese and Spanish the date field cut the year ("10 de fevereiro de 20..."),
 * and the month placeholder was cut in every language: both sat in half-width columns. Now each
 * input has the card's full width, and the month's explanation is a hint below it, not its
 * placeholder.
 */
describe.each(LANGUAGES)('the change card’s date and month fields in %s', (lang) => {
  const card = changeCard(
    { tenant, workloads: [workload], today: TODAY, window: { pastDays: 365, futureDays: 730 } },
    lang,
  ) as Node;

  it('the date and the month each have the full width (no column around them)', () => {
    expect(pathTo(card, 'date')).toEqual(['Input.Date']);
    expect(pathTo(card, 'month')).toEqual(['Input.ChoiceSet']);
  });

  it('the month placeholder is short; what a month means (R9) is said below it', () => {
    // Short enough for a compact ChoiceSet in a narrow Teams window (the old ones, up to 57
    // characters, were cut in every language).
    expect([...t(lang, 'change.monthPlaceholder')].length).toBeLessThanOrEqual(16);
    expect(JSON.stringify(card)).toContain(t(lang, 'change.monthHint'));
  });
});

describe('the month picker offers only months the window allows (R9)', () => {
  it('with a 60-day window ahead, no month after the last allowed day', () => {
    const card = changeCard(
      { tenant, workloads: [workload], today: TODAY, window: { pastDays: 365, futureDays: 60 } },
      'en',
    ) as Node;
    const months: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Node;
        if (record.id === 'month')
          months.push(...(record.choices as { value: string }[]).map((c) => c.value));
        else Object.values(record).forEach(walk);
      }
    };
    walk(card);
    // Today 2026-11-22 + 60 days = 2027-01-21: November, December, January.
    expect(months).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
