/**
 * Where import items come from, one at a time, so memory stays flat whatever the file size:
 *   - a dataset already in memory (the `importDataset` mutation, whose request size is bounded);
 *   - a JSON file in the seed format, read as a stream by a maintained streaming parser
 *     (@streamparser/json) that emits each item of each section and then forgets it;
 *   - a JSON Lines file: a header line {"formatVersion": 1, "dataset": {...}}, then one line
 *     per item, {"section": "stances", "item": {...}}.
 * Every item comes with where it is (file, JSON path, and the line for JSON Lines), so each
 * problem can be reported where a person would look for it.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';

import { JSONParser } from '@streamparser/json';

export interface Location {
  file: string;
  /** JSONPath of the item, e.g. "$.stances[3]". */
  path: string;
  /** 1-based line of a JSON Lines file. */
  line?: number;
}

/** A top-level entry of the file other than an item: formatVersion, dataset, $schema. */
export interface HeaderEvent {
  kind: 'header';
  key: string;
  value: unknown;
  where: Location;
}

export interface ItemEvent {
  kind: 'item';
  /** The section key as written in the file (validated later). */
  section: string;
  /** Position of the item within its section, counting from 0. */
  index: number;
  item: unknown;
  where: Location;
}

/** Something that cannot be read at all (not JSON, a broken line). */
export interface BrokenEvent {
  kind: 'broken';
  message: string;
  where: Location;
}

export type SourceEvent = HeaderEvent | ItemEvent | BrokenEvent;

export interface ItemSource {
  file: string;
  /** The folder of a file on disk: a source's `file` is looked up next to it (never for the API). */
  dir?: string;
  /** Total bytes, when known, for the ETA of the reading pass. */
  size?: number;
  /** Bytes read so far. */
  readonly bytesRead: number;
  /** Events in file order, delivered in small groups (one chunk of the file at a time). */
  events(): AsyncIterable<SourceEvent[]>;
}

const HEADER_KEYS = new Set(['formatVersion', 'dataset', '$schema']);

/** A dataset already parsed (the GraphQL argument). */
export function objectSource(file: string, data: unknown): ItemSource {
  return {
    file,
    bytesRead: 0,
    async *events() {
      const root = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
      if (!root) {
        yield [{ kind: 'broken', message: 'must be a JSON object (a dataset in the seed format)', where: { file, path: '$' } }];
        return;
      }
      for (const [key, value] of Object.entries(root)) {
        if (HEADER_KEYS.has(key) || !Array.isArray(value)) {
          yield [{ kind: 'header', key, value, where: { file, path: `$.${key}` } }];
          continue;
        }
        const group: SourceEvent[] = [];
        value.forEach((item, index) => group.push({ kind: 'item', section: key, index, item, where: { file, path: `$.${key}[${index}]` } }));
        yield group;
      }
    },
  };
}

/** Picks the reader by the file name: .jsonl / .ndjson are JSON Lines, anything else JSON. */
export function fileSource(path: string): ItemSource {
  return /\.(jsonl|ndjson)$/i.test(path) ? jsonLinesSource(path) : jsonStreamSource(path);
}

export function jsonStreamSource(path: string): ItemSource {
  const file = basename(path);
  const source = {
    file,
    dir: dirname(path),
    size: statSync(path).size,
    bytesRead: 0,
    async *events(): AsyncGenerator<SourceEvent[]> {
      // Items two levels down ($.<section>[i]) are emitted and dropped from the parser's stack
      // (keepStack: false), so a section of a million items never sits in memory.
      // The small header entries are emitted whole ($.dataset, $.formatVersion, $.$schema).
      const parser = new JSONParser({ paths: ['$.*.*', '$.formatVersion', '$.$schema', '$.dataset'], keepStack: false });
      let pending: SourceEvent[] = [];
      parser.onValue = ({ value, key, stack }) => {
        const top = stack[1]?.key;
        if (stack.length === 1) {
          pending.push({ kind: 'header', key: String(key), value, where: { file, path: `$.${String(key)}` } });
        } else if (top === 'dataset') {
          // Emitted again whole when the object closes.
        } else if (typeof key === 'number') {
          pending.push({ kind: 'item', section: String(top), index: key, item: value, where: { file, path: `$.${String(top)}[${key}]` } });
        } else {
          pending.push({ kind: 'header', key: String(top), value: { [String(key)]: value }, where: { file, path: `$.${String(top)}` } });
        }
      };
      let failure: string | undefined;
      parser.onError = (error) => {
        failure ??= error.message;
      };
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
        const bytes = chunk as Buffer;
        source.bytesRead += bytes.length;
        if (failure === undefined && !parser.isEnded) parser.write(bytes);
        if (pending.length > 0) {
          yield pending;
          pending = [];
        }
        if (failure !== undefined) break;
      }
      if (failure === undefined && !parser.isEnded) parser.end();
      if (pending.length > 0) yield pending;
      if (failure !== undefined) yield [{ kind: 'broken', message: `is not valid JSON: ${failure}`, where: { file, path: '$' } }];
    },
  };
  return source;
}

export function jsonLinesSource(path: string): ItemSource {
  const file = basename(path);
  const source = {
    file,
    dir: dirname(path),
    size: statSync(path).size,
    bytesRead: 0,
    async *events(): AsyncGenerator<SourceEvent[]> {
      const counters = new Map<string, number>();
      const lines = createInterface({ input: createReadStream(path, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity });
      let group: SourceEvent[] = [];
      let number = 0;
      for await (const text of lines) {
        number += 1;
        source.bytesRead += Buffer.byteLength(text) + 1;
        if (text.trim() === '') continue;
        const where = { file, path: '$', line: number };
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          group.push({ kind: 'broken', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, where });
          continue;
        }
        const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
        if (typeof record['section'] === 'string' && 'item' in record) {
          const section = record['section'];
          const index = counters.get(section) ?? 0;
          counters.set(section, index + 1);
          group.push({ kind: 'item', section, index, item: record['item'], where: { ...where, path: `$.${section}[${index}]` } });
        } else if (number === 1 || 'formatVersion' in record || 'dataset' in record) {
          for (const [key, inner] of Object.entries(record)) group.push({ kind: 'header', key, value: inner, where: { ...where, path: `$.${key}` } });
        } else {
          group.push({ kind: 'broken', message: 'must be {"section": "<section>", "item": {...}} (or the header line first)', where });
        }
        if (group.length >= 500) {
          yield group;
          group = [];
        }
      }
      if (group.length > 0) yield group;
    },
  };
  return source;
}
