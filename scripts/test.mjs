// `npm test`: unit, medium and e2e (including the browser tests) in one Jest run.
// Browser tests need Debian's Chromium: without it they are skipped loudly, and under CI=true a
// missing Chromium is a failure. Prints a plain "N passed, N failed, N skipped" line at the end.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const env = { ...process.env };
if (!chromium) {
  if (process.env.CI === 'true') {
    console.error(
      '\n✖ CI=true but Chromium is missing (/usr/bin/chromium): install it with "apt-get install -y chromium".\n',
    );
    process.exit(1);
  }
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! Chromium not found: the BROWSER TESTS ARE SKIPPED. Install Debian's chromium to run them.\n${line}\n`,
  );
  env.SANAD_SKIP_BROWSER = '1';
}

if (!existsSync('dist/apps/server/src/main.js') || !existsSync('apps/web/dist/index.html')) {
  console.log('[sanad] e2e tests run the built app: building first (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const report = join(tmpdir(), `sanad-jest-${process.pid}.json`);
const args = ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit', env });
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
  );
  if (summary.numTotalTests === 0) {
    console.error('no test ran');
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
