// Starts the built server on the kept bench DB and asks for the year dashboard a few times.
import { startServer } from './server.mjs';
const report = process.argv[2] ?? 'dashboard';
const query = process.argv[3] ?? 'preset=year';
const server = await startServer('reports', {}, { databaseUrl: 'postgres://postgres@127.0.0.1:5432/sanad_reports_7681' });
import pg from 'pg';
const db = new pg.Client({ connectionString: server.databaseUrl }); await db.connect();
const { rows } = await db.query(`SELECT u.email FROM users u JOIN report_conversations c ON c.workspace_id = u.workspace_id WHERE u.role='owner' LIMIT 1`);
const login = await fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: rows[0].email, password: 'bench-password-2026' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
for (let i = 0; i < 4; i++) { const t = performance.now(); const r = await fetch(`${server.base}/api/v1/reports/${report}?${query}`, { headers: { cookie } }); await r.arrayBuffer(); console.log(report, query, r.status, Math.round(performance.now() - t), 'ms'); }
await db.end(); await server.stop({ keepDb: true });
