import { describe, expect, it } from 'vitest';
import { text } from '../../src/bot/actions/limits.js';
import { checkReason, REASON_MAX_LENGTH, reasonLength } from '../../src/domain/index.js';

const reasonField = text(REASON_MAX_LENGTH);

describe('R8: a card text field counts what the rules count (characters, not UTF-16 units)', () => {
  it.each([
    ['Latin', 'a'],
    ['Japanese', '延'],
    ['emoji with a skin tone (4 UTF-16 units)', '👍🏽'],
    ['a flag (4 UTF-16 units)', '🇧🇷'],
  ])('R8: 1000 characters of %s arrive whole and are accepted', (_what, unit) => {
    const value = `x${unit.repeat(999)}`;
    const parsed = reasonField.parse(value);
    expect(parsed).toBe(value);
    expect(checkReason(parsed).ok).toBe(true);
  });

  it.each([['a'], ['👍🏽'], ['🇧🇷']])(
    'R8: more than 1000 characters of %j are cut just past the limit, whole characters, and refused as too long',
    (unit) => {
      const parsed = reasonField.parse(`x${unit.repeat(5000)}`);
      expect(reasonLength(parsed)).toBe(REASON_MAX_LENGTH + 1);
      expect(parsed).toBe(`x${unit.repeat(REASON_MAX_LENGTH)}`);
      expect(checkReason(parsed)).toEqual({ ok: false, problem: 'reason_too_long' });
    },
  );

  it('R8: a missing field is the empty string', () => {
    expect(reasonField.parse(undefined)).toBe('');
  });
});
