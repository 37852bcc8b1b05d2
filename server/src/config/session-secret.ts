import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A secret generated on first start and kept in the data folder, so sessions survive restarts. */
export async function loadSessionSecret(dataDir: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, 'session.secret');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
