import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/, where folder specs such as `./plugin-example-sms` are resolved from. */
export const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturePluginsDir = fileURLToPath(new URL('../fixtures/plugins/', import.meta.url));

/**
 * Builds the example plugin with its own `npm run build`, so tests load what a server would load. Test
 * files run in parallel workers, so each builds into a private folder and renames the files into dist/
 * (a rename is atomic: another worker importing dist/ never reads a half-written file).
 */
export function buildExamplePlugin(): void {
  const pluginDir = `${packagesDir}plugin-example-sms`;
  const staging = join(pluginDir, `.build-${process.pid}-${Date.now()}`);
  try {
    execFileSync('npm', ['run', 'build', '--silent', '--', `--outdir=${staging}`], {
      cwd: pluginDir,
      stdio: 'pipe',
    });
    for (const file of filesUnder(staging)) {
      const target = join(pluginDir, 'dist', relative(staging, file));
      mkdirSync(dirname(target), { recursive: true });
      renameSync(file, target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
