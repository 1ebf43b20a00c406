// `npm start`: builds what is missing or older than its sources (a fresh clone, a `git pull`),
// then runs every role in this process.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The newest modification time of the files under these directories. */
function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    if (statSync(dir).isDirectory()) walk(dir);
    else latest = Math.max(latest, statSync(dir).mtimeMs);
  }
  return latest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const server = ['apps/server/src', 'apps/api/src', 'apps/worker/src', 'apps/mail/src', 'libs'];
const builds = [
  ['build:server', 'dist/apps/server/src/main.js', server],
  [
    'build:web',
    'apps/web/dist/index.html',
    ['apps/web/src', 'apps/web/index.html', 'libs/contracts'],
  ],
];
for (const [script, output, sources] of builds) {
  const built = builtAt(output);
  if (built && newest(sources) <= built) continue;
  console.log(
    built
      ? `[sanad] sources changed since the last build: running npm run ${script}`
      : `[sanad] first start: running npm run ${script}`,
  );
  execSync(`npm run ${script}`, { stdio: 'inherit' });
}
createRequire(import.meta.url)('../dist/apps/server/src/main.js');
