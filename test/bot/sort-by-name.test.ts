import { describe, expect, it } from 'vitest';
import { changeCard } from '../../src/bot/cards/change-card.js';
import { pickWorkloadCard } from '../../src/bot/cards/picker-cards.js';
import {
  type CalendarDate,
  DEFAULT_ESD_WINDOW,
  WORKLOAD_CODES,
  workloadName,
} from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { workload } from '../domain/builders.js';

const tenant = { id: 't-1', name: 'contoso.onmicrosoft.com', customerName: 'Contoso' };
// Every workload of the catalogue, in code order (Microsoft Teams third, EXO first...).
const workloads = WORKLOAD_CODES.map((code, i) => workload({ id: `w-${i}`, code }));

/** The titles of the workload ChoiceSet in a rendered card. */
function workloadTitles(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.ChoiceSet' && record.id === 'workload')
        for (const c of record.choices as { title: string }[]) found.push(c.title);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('Answers that mislead: workloads are listed by name in the reader’s language, not by code', () => {
  it.each(LANGUAGES.map((lang) => [lang]))(
    '%s: the change card (R2: one choice per workload)',
    (lang) => {
      const card = changeCard(
        { tenant, workloads, today: '2026-12-01' as CalendarDate, window: DEFAULT_ESD_WINDOW },
        lang,
      );
      const titles = workloadTitles(card);
      expect(titles).toHaveLength(WORKLOAD_CODES.length);
      const names = [...WORKLOAD_CODES]
        .map((code) => workloadName(code, lang))
        .sort(new Intl.Collator(lang, { sensitivity: 'base', numeric: true }).compare);
      expect(titles.map((title) => names.find((name) => title.startsWith(name)))).toEqual(names);
    },
  );

  it.each(LANGUAGES.map((lang) => [lang]))('%s: the workload picker', (lang) => {
    const card = pickWorkloadCard(
      workloads.map((w) => ({ tenant, workload: w })),
      {
        verb: 'esd.history',
        title: 'history.pickTitle',
        submit: 'history.show',
      },
      lang,
    );
    const titles = workloadTitles(card);
    const sorted = [...titles].sort(
      new Intl.Collator(lang, { sensitivity: 'base', numeric: true }).compare,
    );
    expect(titles).toEqual(sorted);
    expect(
      titles.indexOf(titles.find((t) => t.includes('Microsoft Teams')) as string),
    ).toBeLessThan(titles.length - 1);
  });
});
