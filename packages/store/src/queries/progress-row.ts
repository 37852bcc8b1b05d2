import type { ProgressDimension, ProgressRow } from '../contract/queries.js';

/** A progress row from the group's dimension values (in `groupBy` order); null values are left out. */
export function progressRowOf(
  groupBy: readonly ProgressDimension[],
  values: readonly unknown[],
  count: number,
): ProgressRow {
  const row: Record<string, unknown> = {};
  groupBy.forEach((dimension, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) row[dimension] = value;
  });
  row.count = count;
  return row as ProgressRow;
}
