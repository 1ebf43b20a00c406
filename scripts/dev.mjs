// `npm run dev`: the API (all roles) restarting on change, and the Vite dev server with hot reload
// proxying /api and /socket.io to it. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const api = spawn(
  process.execPath,
  ['--watch-path=apps', '--watch-path=libs', '-r', '@swc-node/register', 'apps/server/src/main.ts'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.json',
      NODE_ENV: process.env.NODE_ENV ?? 'development',
    },
  },
);
const web = spawn('npm', ['run', 'dev', '-w', 'apps/web'], { stdio: 'inherit' });
console.log(
  '[sanad dev] API on http://localhost:3000 (restarts on change), SPA with hot reload on http://localhost:5173',
);

const stop = (signal) => {
  for (const child of [api, web]) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of [api, web]) child.on('exit', () => stop('SIGTERM'));
