import { describe, expect, it } from 'vitest';
import { backoffMs, Pacer, retryAfterMs } from '../../src/notify/pacing.js';

describe('pacing inside Teams’ limits', () => {
  it('spaces sends to stay at or under the overall rate', () => {
    let now = 0;
    const pacer = new Pacer(20, 0, () => now);
    const waits = Array.from({ length: 40 }, (_, i) => pacer.reserve(`c${i}`));
    // 40 messages at 20/s: the last one goes out 1.95 s after the first.
    expect(waits[0]).toBe(0);
    expect(waits[39]).toBeCloseTo(1950, 5);
    now = 10_000;
    expect(pacer.reserve('c0')).toBe(0);
  });

  it('keeps one message a second per conversation, while others go on', () => {
    const now = 0;
    const pacer = new Pacer(50, 1000, () => now);
    expect(pacer.reserve('alex')).toBe(0);
    expect(pacer.reserve('alex')).toBe(1000);
    expect(pacer.reserve('megan')).toBe(20);
    expect(pacer.reserve('alex')).toBe(2000);
  });

  it('a 429 pauses that conversation for the Retry-After', () => {
    const now = 0;
    const pacer = new Pacer(50, 0, () => now);
    pacer.pause('alex', 5000);
    expect(pacer.reserve('alex')).toBe(5000);
    expect(pacer.reserve('megan')).toBeLessThan(5000);
  });

  it('counts the sends actually made: sends that come late together do not go as a burst', () => {
    let now = 0;
    const pacer = new Pacer(500, 40, () => now);
    // 100 slots planned 2 ms apart, all their timers firing late at once, 300 ms in.
    for (let i = 0; i < 100; i++) pacer.reserve(`c${i}`);
    now = 300;
    const went = Array.from({ length: 100 }, (_, i) => pacer.sendWait(`c${i}`)).filter(
      (wait) => wait === 0,
    );
    // A twentieth of a second's sends at once (25), then one every 2 ms.
    expect(went).toHaveLength(25);
    expect(pacer.sendWait('c99')).toBeCloseTo(2, 5);
    now += 2;
    expect(pacer.sendWait('c99')).toBe(0);
    // The conversation's interval counts from its last send, whatever the plan said.
    now += 10;
    expect(pacer.sendWait('c99')).toBeCloseTo(30, 5);
  });

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(0, () => 1)).toBe(1500);
    expect(backoffMs(3, () => 1)).toBe(8500);
    expect(backoffMs(30, () => 1)).toBe(300_500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
