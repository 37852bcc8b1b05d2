import { createHash } from 'node:crypto';
import type { SampledSchool } from './sample-population.js';

export interface DrawArgs {
  population: SampledSchool[];
  rate: number;
  minimum: number;
  stratifyBy?: 'type' | 'districtId' | undefined;
  seed: string;
}

/**
 * A deterministic sample: n = max(minimum, ⌈rate × N⌉), at most N. Schools are ordered by the hash of
 * seed and school id and the first ones are taken, so every instance of a campaign computes the same
 * sample without coordinating, and anyone with the seed can check it. Stratified, each stratum gets its
 * share of n by largest remainder, at least one school each (taken from the largest strata; only when
 * there are more strata than n does the sample exceed n).
 */
export function drawSample(args: DrawArgs): Set<string> {
  const population = [...new Map(args.population.map((school) => [school.id, school])).values()];
  const total = population.length;
  const size = Math.min(total, Math.max(args.minimum, Math.ceil(args.rate * total)));
  const rank = (id: string) => createHash('sha256').update(`${args.seed}\n${id}`).digest('hex');
  const ordered = (schools: SampledSchool[]) =>
    [...schools].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : rank(a.id) > rank(b.id) ? 1 : 0));
  if (!args.stratifyBy || size === 0)
    return new Set(
      ordered(population)
        .slice(0, size)
        .map((s) => s.id),
    );

  const strata = new Map<string, SampledSchool[]>();
  for (const school of population) {
    const key = String(school[args.stratifyBy] ?? '');
    strata.set(key, [...(strata.get(key) ?? []), school]);
  }
  const keys = [...strata.keys()].sort();
  const quota = new Map(keys.map((key) => [key, (size * (strata.get(key)?.length ?? 0)) / total]));
  const taken = new Map(
    keys.map((key) => [
      key,
      Math.min(strata.get(key)?.length ?? 0, Math.max(1, Math.floor(quota.get(key) ?? 0))),
    ]),
  );
  const sum = () => [...taken.values()].reduce((a, b) => a + b, 0);
  while (sum() < size) {
    const candidates = keys.filter((key) => (taken.get(key) ?? 0) < (strata.get(key)?.length ?? 0));
    if (candidates.length === 0) break;
    candidates.sort((a, b) => {
      const left = (quota.get(b) ?? 0) - (taken.get(b) ?? 0) - ((quota.get(a) ?? 0) - (taken.get(a) ?? 0));
      return left !== 0 ? left : a < b ? -1 : 1;
    });
    const key = candidates[0] as string;
    taken.set(key, (taken.get(key) ?? 0) + 1);
  }
  while (sum() > size) {
    const over = keys.filter((key) => (taken.get(key) ?? 0) > 1);
    if (over.length === 0) break;
    over.sort((a, b) => {
      const excess = (taken.get(b) ?? 0) - (quota.get(b) ?? 0) - ((taken.get(a) ?? 0) - (quota.get(a) ?? 0));
      return excess !== 0 ? excess : a < b ? -1 : 1;
    });
    const key = over[0] as string;
    taken.set(key, (taken.get(key) ?? 0) - 1);
  }
  const sample = new Set<string>();
  for (const key of keys) {
    for (const school of ordered(strata.get(key) ?? []).slice(0, taken.get(key) ?? 0)) sample.add(school.id);
  }
  return sample;
}
