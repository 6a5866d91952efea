import { describe, expect, it } from 'vitest';
import { splitEventData } from '../../src/store/change-esd-postgres.js';

// Issue 20: on PostgreSQL the change's event is written by the one prepared write statement,
// its data's changeId filled in by SQL (test/events/feed.test.ts checks the stored rows).

const TRICKY = 'He said "\\"changeId\\":0," \u0000 and \\u0000changeId\\u0000 — ok 日本';

describe('splitEventData', () => {
  it('joined around an id, gives exactly JSON.stringify of the data with that id', () => {
    const data = {
      workloadId: 'w-"1"',
      tenantId: 't\\1',
      workload: 'EXO',
      changeId: 0,
      reason: TRICKY,
      actor: { name: '"changeId":0', upn: null },
    };
    const { dataHead, dataTail } = splitEventData(data);
    for (const id of [1, 42, 9_007_199_254])
      expect(`${dataHead}${id}${dataTail}`).toBe(JSON.stringify({ ...data, changeId: id }));
  });
});
