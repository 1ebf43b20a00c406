// `npm start`: builds once on a fresh clone if needed, then runs every role in this process.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const missing = [];
if (!existsSync('dist/apps/server/src/main.js')) missing.push('build:server');
if (!existsSync('apps/web/dist/index.html')) missing.push('build:web');
for (const script of missing) {
  console.log(`[sanad] first start: running npm run ${script}`);
  execSync(`npm run ${script}`, { stdio: 'inherit' });
}
createRequire(import.meta.url)('../dist/apps/server/src/main.js');
