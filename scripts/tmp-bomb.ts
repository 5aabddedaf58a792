import { createServer } from 'node:http';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/app.js';
const app = await createApp(loadConfig({ ...process.env, LOG_LEVEL: 'error', SEED_ON_EMPTY: 'false' }));
const server = createServer(app.http);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as any).port}`;
const bombs: Array<[string, string, string]> = [
  ['oversize', JSON.stringify({ query: '{ actors { total } }', variables: { x: 'x'.repeat(1_100_000) } }), 'application/json'],
  ['malformed', '{"query": "{ actors { total } }', 'application/json'],
  ['text', '{ actors { total } }', 'text/plain'],
  ['deepvar', `{"query":"mutation ($d: JSON!) { importDataset(dataset: $d, dryRun: true) { created } }","variables":{"d":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`, 'application/json'],
];
for (const [name, body, type] of bombs) {
  for (let i = 0; i < 5; i++) {
    const p = fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.text()).then(() => 'ok', (e) => 'bomb-error ' + e.cause?.code);
    const polls: string[] = [];
    for (let j = 0; j < 5; j++) polls.push(await fetch(`${base}/health/live`).then((r) => r.text()).then(() => 'ok', (e) => 'poll-error ' + e.cause?.code));
    const b = await p;
    if (b !== 'ok' || polls.some((x) => x !== 'ok')) console.log(name, b, polls.join(','));
  }
}
console.log('done');
server.close(); await app.stop();
