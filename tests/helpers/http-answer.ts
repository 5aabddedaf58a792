/**
 * One HTTP request over node:http, and its answer as a test compares it: the status, the named
 * headers (undefined when absent) and the body as text. For tests that send the same requests
 * to two apps and require the same answers (the fast path, the prepared queries).
 */
import { request } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function sendForAnswer(url: string, { method = 'POST', headers = {}, body }: HttpRequest, headerNames: readonly string[]): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(headerNames.map((name) => [name, res.headers[name] as string | undefined])),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
