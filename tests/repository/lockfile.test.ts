import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// `npm ci` refuses a lock that leaves out another platform's binary package, and `npm install` on a
// machine whose registry lacks them leaves them out; .ci/lockfile-platforms.mjs puts them back.
test('the lock file lists every platform package, so npm ci accepts it on a clean machine', () => {
  const output = execFileSync(process.execPath, ['.ci/lockfile-platforms.mjs', '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(output).toContain('lists every platform package');
});
