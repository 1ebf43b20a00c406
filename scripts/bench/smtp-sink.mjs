// The baseline for bench:smtp: a bare smtp-server that parses every message with mailparser and
// answers 250 — no database, no storage. Run as its own process, like Sanad's server.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2]);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  size: 30 * 1024 * 1024,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then(() => callback())
      .catch((error) => callback(error));
  },
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
