/**
 * Seconds to wait before the next attempt, after `retryCount` retries have already been made
 * (0 after the first failure). With back-off the wait doubles each time, with up to as much
 * again added at random so that many jobs failing together do not retry together:
 * retry n (1-based) waits between delay·2^(n−1) and delay·2^n. This is pg-boss 10's formula,
 * so a job waits the same on either driver.
 */
export function retryDelaySeconds(
  retryCount: number,
  options: { retryDelay: number; retryBackoff: boolean },
  random: () => number = Math.random,
): number {
  if (!options.retryBackoff) return options.retryDelay;
  const delay = Math.max(options.retryDelay, 1);
  const base = (delay * 2 ** Math.min(16, retryCount + 1)) / 2;
  return base + base * random();
}

/** The shortest and longest wait before each retry, for docs and pages. */
export function retrySchedule(options: { retryLimit: number; retryDelay: number; retryBackoff: boolean }) {
  return Array.from({ length: options.retryLimit }, (_, n) => ({
    retry: n + 1,
    minSeconds: retryDelaySeconds(n, options, () => 0),
    maxSeconds: retryDelaySeconds(n, options, () => 1),
  }));
}
