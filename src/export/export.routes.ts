/**
 * Read-only bulk exports for analysts' tools (pandas, networkx, Gephi, event-data tools):
 *
 * - GET /export/stances.csv, /export/stances.jsonl: one row per stance and source; the
 *   GraphQL `stances` filter as query parameters.
 * - GET /export/graph.json (networkx node-link), /export/graph.graphml: every node and edge.
 * - GET /export/plover.jsonl: stances and attendances as PLOVER event records.
 *
 * Every export streams: rows go out as Neo4j produces them and the next ones are pulled only
 * when the socket has drained, so memory stays flat however large the graph grows. Nothing is
 * sent until the first row (or the end of an empty result) arrives, so a bad parameter or a
 * database that is down still gets a proper JSON error with its status. A failure after that
 * aborts the connection: a truncated file must look broken, not complete.
 */
import type { ServerResponse } from 'node:http';

import { type Request, type Response, Router } from 'express';

import type { Executor, Params, Row } from '../db/executor.js';
import { AppError, ErrorCode, httpStatusOf } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { ExportRepository, type ExportRows } from './export.repository.js';
import { type RawQuery, refuseAnyParameter, toPloverParams, toStanceExportParams } from './export.params.js';
import { createEdgeIdDeduplicator, toExportEdge, toExportNode } from './graph-elements.js';
import { graphmlEdge, graphmlFooter, graphmlHeader, graphmlNode } from './graphml.js';
import { createNodeLinkWriter } from './node-link.js';
import { ploverLine, toPloverRecord } from './plover.js';
import { csvHeader, csvLine, jsonLine, toStanceRecord } from './stance-table.js';

/** How one export turns query rows into text. */
interface ExportFormat {
  contentType: string;
  filename: string;
  rows: ExportRows;
  /** Written before the first row (a CSV header, an opening bracket). */
  begin: string;
  row(row: Row): string;
  /** Written after the last row. */
  end(): string;
}

/** The client went away mid-export; nothing to answer, the query just stops. */
class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

/**
 * Writes chunks to the response, waiting for 'drain' whenever the socket's buffer is full
 * (that wait is what pauses the Neo4j stream). Headers go out with the first chunk.
 */
class ChunkWriter {
  private started = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly sendHeaders: () => void,
  ) {}

  async write(chunk: string): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.sendHeaders();
    }
    if (chunk === '') return;
    if (this.res.destroyed || this.res.writableEnded) throw new ClientGoneError('the client closed the connection');
    if (this.res.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.res.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.res.off('drain', onDrain);
        reject(new ClientGoneError('the client closed the connection'));
      };
      this.res.once('drain', onDrain);
      this.res.once('close', onClose);
    });
  }
}

function exportHeaders(res: Response, format: Pick<ExportFormat, 'contentType' | 'filename'>, extra: Record<string, string> = {}): void {
  res.status(200);
  res.setHeader('Content-Type', format.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${format.filename}"`);
  // A snapshot of a graph that changes; never serve a stale copy from a cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
}

function sendError(res: Response, error: unknown, logger: Logger, name: string): void {
  if (error instanceof ClientGoneError) {
    logger.debug('export abandoned by the client', { export: name });
    return;
  }
  const known = error instanceof AppError ? error : undefined;
  if (!known) {
    // The client sees a code only; the operator needs the cause.
    logger.error('export failed', {
      export: name,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
  if (res.headersSent) {
    // Too late for a status: cut the connection so the client sees an incomplete transfer.
    logger.warn('export interrupted', { export: name, code: known?.code ?? ErrorCode.INTERNAL_SERVER_ERROR });
    res.destroy();
    return;
  }
  const code = known?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  const parameter = known?.extensions['parameter'];
  res
    .status(httpStatusOf(code))
    .setHeader('Cache-Control', 'no-store')
    .json({ error: { code, ...(typeof parameter === 'string' ? { parameter } : {}), message: known ? known.message : 'Internal server error' } });
}

async function streamExport(
  req: Request,
  res: Response,
  repository: ExportRepository,
  logger: Logger,
  format: ExportFormat,
  params: Params,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const started = Date.now();
  if (req.method === 'HEAD') {
    // HEAD tells the type (and, for the graph, the size) without running the export.
    exportHeaders(res, format, extraHeaders);
    res.end();
    return;
  }
  const out = new ChunkWriter(res, () => exportHeaders(res, format, extraHeaders));
  let first = true;
  const rows = await repository.stream(format.rows, params, async (row) => {
    const chunk = format.row(row);
    await out.write(first ? format.begin + chunk : chunk);
    first = false;
  });
  await out.write(first ? format.begin + format.end() : format.end());
  res.end();
  logger.info('export', { export: format.filename, rows, ms: Date.now() - started });
}

/**
 * `executorFor` gives the executor a request reads with: app.ts makes it read after the
 * request's Bookmark header (src/graph/bookmarks.ts), and refuse a malformed one.
 */
export function exportRoutes(executorFor: (req: Request) => Executor, logger: Logger): Router {
  const router = Router();

  /** Wraps a handler: its errors become JSON errors (or a cut connection once streaming). */
  const route =
    (name: string, handler: (req: Request, res: Response, repository: ExportRepository) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await handler(req, res, new ExportRepository(executorFor(req)));
      } catch (error) {
        sendError(res, error, logger, name);
      }
    };

  router.get(
    '/export/stances.csv',
    route('stances.csv', async (req, res, repository) => {
      const params = toStanceExportParams(req.query as RawQuery);
      const format: ExportFormat = {
        contentType: 'text/csv; charset=utf-8; header=present',
        filename: 'stances.csv',
        rows: 'stances',
        begin: csvHeader(),
        row: (row) => csvLine(toStanceRecord(row)),
        end: () => '',
      };
      await streamExport(req, res, repository, logger, format, params);
    }),
  );

  router.get(
    '/export/stances.jsonl',
    route('stances.jsonl', async (req, res, repository) => {
      const params = toStanceExportParams(req.query as RawQuery);
      const format: ExportFormat = {
        contentType: 'application/x-ndjson; charset=utf-8',
        filename: 'stances.jsonl',
        rows: 'stances',
        begin: '',
        row: (row) => jsonLine(toStanceRecord(row)),
        end: () => '',
      };
      await streamExport(req, res, repository, logger, format, params);
    }),
  );

  /** Node and edge counts, counted just before the export, so a client knows the size up front. */
  const graphSizeHeaders = async (repository: ExportRepository): Promise<Record<string, string>> => {
    const { nodes, edges } = await repository.graphSize();
    return { 'X-Graph-Nodes': String(nodes), 'X-Graph-Edges': String(edges) };
  };

  router.get(
    '/export/graph.json',
    route('graph.json', async (req, res, repository) => {
      refuseAnyParameter(req.query as RawQuery);
      const writer = createNodeLinkWriter();
      const unique = createEdgeIdDeduplicator();
      const format: ExportFormat = {
        contentType: 'application/json; charset=utf-8',
        filename: 'graph.json',
        rows: 'graph',
        begin: writer.begin(),
        row: (row) => (row['part'] === 0 ? writer.node(toExportNode(row)) : writer.edge(unique(toExportEdge(row)))),
        end: () => writer.end(),
      };
      await streamExport(req, res, repository, logger, format, {}, await graphSizeHeaders(repository));
    }),
  );

  router.get(
    '/export/graph.graphml',
    route('graph.graphml', async (req, res, repository) => {
      refuseAnyParameter(req.query as RawQuery);
      const unique = createEdgeIdDeduplicator();
      const format: ExportFormat = {
        contentType: 'application/graphml+xml; charset=utf-8',
        filename: 'graph.graphml',
        rows: 'graph',
        begin: graphmlHeader(),
        row: (row) => (row['part'] === 0 ? graphmlNode(toExportNode(row)) : graphmlEdge(unique(toExportEdge(row)))),
        end: graphmlFooter,
      };
      await streamExport(req, res, repository, logger, format, {}, await graphSizeHeaders(repository));
    }),
  );

  router.get(
    '/export/plover.jsonl',
    route('plover.jsonl', async (req, res, repository) => {
      const params = toPloverParams(req.query as RawQuery);
      const format: ExportFormat = {
        contentType: 'application/x-ndjson; charset=utf-8',
        filename: 'plover.jsonl',
        rows: 'plover',
        begin: '',
        row: (row) => {
          const record = toPloverRecord(row);
          return record ? ploverLine(record) : '';
        },
        end: () => '',
      };
      await streamExport(req, res, repository, logger, format, params);
    }),
  );

  router.get('/export', (_req, res) => {
    res.json({
      exports: {
        '/export/stances.csv':
          'One row per stance and source. Filters: kind, actor, position, topic, meeting, source, from, to, includeMembers, includeRetracted.',
        '/export/stances.jsonl': 'The same rows as JSON lines.',
        '/export/graph.json': 'Every node and edge, networkx node-link format (networkx.node_link_graph).',
        '/export/graph.graphml': 'Every node and edge as GraphML (Gephi, Cytoscape, networkx.read_graphml).',
        '/export/plover.jsonl': 'Stances and attendances as PLOVER event records. Filters: from, to, includeRetracted.',
      },
    });
  });

  return router;
}
