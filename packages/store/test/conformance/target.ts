import type { Store } from '../../src/index.js';

/** One adapter under test: a fresh, initialised, empty store per test. */
export interface ConformanceTarget {
  store: Store;
  /** A second, independent handle on the same database (another connection or client), initialised. */
  openAnother(): Promise<Store>;
  /** Closes every handle and removes the database. */
  dispose(): Promise<void>;
}

export type OpenTarget = () => Promise<ConformanceTarget>;

/**
 * Gives each test a fresh target and disposes of it afterwards. Returns a getter, since the target
 * exists only while a test runs.
 */
export function useTarget(open: OpenTarget): () => ConformanceTarget {
  let current: ConformanceTarget | null = null;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.dispose();
    current = null;
  });
  return () => {
    if (!current) throw new Error('no conformance target outside a test');
    return current;
  };
}

/** Runs `fn` and returns the StoreError code it rejected with (fails the test if it resolved). */
export async function errorCodeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as { code?: string }).code ?? `uncoded: ${String(error)}`;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
