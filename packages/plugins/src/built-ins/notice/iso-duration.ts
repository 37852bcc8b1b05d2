const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `at` plus an ISO 8601 duration (calendar years and months, then days and time); null if it does not parse. */
export function addIsoDuration(at: Date, duration: string): Date | null {
  const match = DURATION.exec(duration);
  if (!match) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const result = new Date(at.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + (years ?? 0), result.getUTCMonth() + (months ?? 0));
  const ms =
    (((weeks ?? 0) * 7 + (days ?? 0)) * 24 * 3600 +
      (hours ?? 0) * 3600 +
      (minutes ?? 0) * 60 +
      (seconds ?? 0)) *
    1000;
  return new Date(result.getTime() + ms);
}
