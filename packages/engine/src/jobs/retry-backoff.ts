const FIRST_DELAY_MS = 10_000;
const MAX_DELAY_MS = 3_600_000;

/**
 * How long to wait before the next attempt of a failed job: 10 s, 20 s, 40 s, … (doubling per failure,
 * at most an hour), unless the handler asked for `retryIn`.
 */
export function retryDelayMs(failures: number, retryIn: number | undefined): number {
  if (retryIn !== undefined && Number.isFinite(retryIn) && retryIn >= 0)
    return Math.min(retryIn, 30 * 86_400_000);
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
}
