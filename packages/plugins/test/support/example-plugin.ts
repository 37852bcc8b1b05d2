import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** packages/, where folder specs such as `./plugin-example-sms` are resolved from. */
export const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturePluginsDir = fileURLToPath(new URL('../fixtures/plugins/', import.meta.url));

/**
 * Builds the example plugin the way its author would (`npm run build` → dist/), so tests load what a
 * server would load.
 */
export function buildExamplePlugin(): void {
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: `${packagesDir}plugin-example-sms`,
    stdio: 'pipe',
  });
}
