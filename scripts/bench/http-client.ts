/**
 * The benchmark's HTTP client for timed requests: node:http over keep-alive connections.
 *
 * Why not fetch: the load generator shares the machine's two cores with the servers it
 * measures and with Neo4j. Measured on the benchmark's own operations, undici's fetch (WHATWG
 * streams, Headers and Response objects per request) cost the load generator 1.0–1.5 ms of
 * CPU per request, as much as the raw Cypher server's whole work for a request; node:http with
 * a keep-alive agent costs 0.3–0.5 ms. With fetch, a third of the machine went to the client,
 * which held every contender's throughput down by about the same absolute amount and so
 * squeezed the ratios between them towards 1.
 */
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
}

export interface HttpClient {
  /** POSTs `body` (JSON when given, none otherwise) and reads the whole answer. */
  post(url: string, body?: string): Promise<Answer>;
  close(): void;
}

export function createHttpClient(): HttpClient {
  // One connection per concurrent caller, reused across requests, as a browser or a client
  // library would.
  const agent = new Agent({ keepAlive: true });
  const post = (url: string, body: string | undefined, retried: boolean): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { 'content-length': body === undefined ? 0 : Buffer.byteLength(body) };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = request(url, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed for idleness (while another contender was
        // measured) just as this request was sent on it: send it again, once, on a new one, as
        // Node's documentation advises (`request.reusedSocket`). The benchmark only reads.
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') post(url, body, true).then(resolve, reject);
        else reject(error);
      });
      req.end(body);
    });
  return {
    post: (url, body) => post(url, body, false),
    close: () => agent.destroy(),
  };
}
