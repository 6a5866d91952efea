import type { Selectable } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  esdChangeNote,
  toCalendarDate,
  type WorkloadCode,
  workloadName,
} from '../../src/domain/index.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { toWorkload } from '../../src/store/mappers.js';
import type { WorkloadsTable } from '../../src/store/schema.js';

/** A row as the database may hold it: a code the catalogue does not know (R2). */
const row: Selectable<WorkloadsTable> = {
  id: 'w-1',
  tenant_id: 't-1',
  code: 'COPILOT' as WorkloadCode,
  l1_status: 'in_progress',
  esd_date: toCalendarDate('2026-12-01'),
  esd_estimate: 0,
  esd_basis: 'planned',
  channel_type: 'fm',
  fm_upn: 'ana@contoso.com',
  fm_aad_object_id: null,
  frp_partner_name: null,
  entitlements: '[]',
  version: 1,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
};

describe('R2: a workload code the catalogue does not know, read from the database', () => {
  it('R2: toWorkload keeps the stored code and does not throw', () => {
    expect(toWorkload(row).code).toBe('COPILOT');
  });

  it.each(LANGUAGES.map((lang) => [lang]))('R2 (%s): workloadName shows the raw code', (lang) => {
    expect(workloadName('COPILOT' as WorkloadCode, lang)).toBe('COPILOT');
    expect(workloadName('constructor' as WorkloadCode, lang)).toBe('constructor');
  });

  it('R8: the Overall Status Note of a change to it names the raw code', () => {
    const workload = toWorkload(row);
    expect(() =>
      esdChangeNote({
        code: workload.code,
        old: workload.esd,
        new: { date: '2026-12-10', estimate: false },
        basis: 'planned',
        reason: 'Customer asked',
      } as never),
    ).not.toThrow();
  });
});
