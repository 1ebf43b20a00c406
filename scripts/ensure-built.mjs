// `npm start` on a fresh clone: build once if the server or the SPA has not been built yet.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const missing = [];
if (!existsSync('dist/apps/api/src/main.js')) missing.push('build:server');
if (!existsSync('apps/web/dist/index.html')) missing.push('build:web');
for (const script of missing) {
  console.log(`[sanad] first start: running npm run ${script}`);
  execSync(`npm run ${script}`, { stdio: 'inherit' });
}
