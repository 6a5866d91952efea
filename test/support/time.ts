/**
 * Time limits of the suite, scaled with the machine: TEST_TIME_SCALE=3 on a slow or busy one
 * (vitest.config.ts scales its default limits the same way). Limits only: a test waits for what
 * it needs up to a scaled bound, and never asserts that anything was fast.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.TEST_TIME_SCALE) || 1);

/** `ms` times TEST_TIME_SCALE. */
export const scaled = (ms: number): number => ms * TIME_SCALE;

/** Polls `check` until it holds; fails after `ms` (scaled), naming what it waited for. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
  everyMs = 50,
): Promise<void> {
  const end = Date.now() + scaled(ms);
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
