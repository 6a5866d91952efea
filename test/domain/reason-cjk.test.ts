/**
 * R8 in Japanese and Chinese: a reason in a CJK script is a real reason. A Han character carries
 * about a word, so a short CJK reason says as much as a long Latin one.
 *
 * Short ones included: R8 asks only for the reason, and letters of any script are enough.
 */
import { describe, expect, it } from 'vitest';
import { checkReason } from '../../src/domain/index.js';

/** Real reasons, 10 characters or more. */
const CJK_REASONS = [
  'お客様の都合でキックオフ ミーティングを 3 月に延期しました。',
  'お客様から電話があり、翌週に開始したいとの依頼がありました。',
  '客户来电要求推迟一周开始，已在电话中确认新的日期。',
  '客户要求将启动会议改到三月，原因是内部审批尚未完成。',
  'Kunde möchte das Kick-off-Meeting in den März verschieben.',
];

/** Real reasons under 10 characters. */
const SHORT_CJK_REASONS = [
  'お客様の都合で延期', // "postponed at the customer's request"
  '顧客の要望で延期', // "postponed at the customer's wish"
  '客户要求推迟', // "the customer asked to postpone"
  '客户内部审批延迟', // "the customer's internal approval is late"
  '启动会议改期', // "the kickoff meeting was rescheduled"
];

/** Not reasons in any script. */
const NOT_CJK_REASONS = ['', '　', '。。。。。。。。。。', '！？！？！？！？！？', '…………'];

describe('R8: reasons in Japanese and Chinese', () => {
  it.each(CJK_REASONS)('accepts %s', (text) => {
    expect(checkReason(text)).toEqual({ ok: true, reason: text });
  });

  it.each(NOT_CJK_REASONS)('refuses %j', (text) => {
    expect(checkReason(text).ok).toBe(false);
  });

  it.each(SHORT_CJK_REASONS)('accepts the short reason %s', (text) => {
    expect(checkReason(text)).toEqual({ ok: true, reason: text });
  });
});
