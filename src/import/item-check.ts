/**
 * Item-by-item validation for streamed imports, with the same rules as the whole-file
 * validator (src/seed/seed-validator.ts): each item against its definition in
 * schema/seed.schema.json, then, once every item has been seen, the checks a schema cannot
 * make (unique ids, references that resolve in the file or the graph, one quote per source,
 * a stance target that is not the stance's own actor, each target pair once). Quotes are
 * checked against source texts in quote-book.ts.
 * Only ids and the first place each id is referred to are kept, never the items themselves.
 */
import { readFileSync } from 'node:fs';

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import type { SeedProblem, Section } from '../seed/seed-validator.js';
import { SEED_SCHEMA_PATH, toJsonPath } from '../seed/seed-validator.js';
import type { Location } from './sources.js';
import type { Row } from '../db/executor.js';

/** The schema definition ($defs) of each section's items. */
export const SECTION_DEFS: Record<string, string> = {
  sources: 'source',
  actors: 'actor',
  meetings: 'meeting',
  positions: 'position',
  documents: 'document',
  stances: 'stance',
  stanceTargets: 'stanceTarget',
  attendance: 'attendance',
  memberships: 'membership',
  meetingSequence: 'meetingSequence',
  authorship: 'authorship',
  documentContents: 'documentContent',
  involvement: 'involvement',
  disagreements: 'disagreement',
};

const REFERENCE_FIELDS = [
  ['actorId', 'actors'],
  ['positionId', 'positions'],
  ['meetingId', 'meetings'],
  ['groupId', 'actors'],
  ['followsMeetingId', 'meetings'],
  ['documentId', 'documents'],
  ['stanceId', 'stances'],
] as const;

const ID_SECTIONS = new Set<string>(['sources', 'actors', 'meetings', 'positions', 'documents', 'stances', 'disagreements']);

// ajv-formats is CommonJS; under ESM its default export is the plugin function.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

interface Validators {
  header: ValidateFunction;
  items: Map<string, ValidateFunction>;
}
let validators: Validators | undefined;

function compiled(): Validators {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  const schema = JSON.parse(readFileSync(SEED_SCHEMA_PATH, 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  const items = new Map<string, ValidateFunction>();
  for (const [section, def] of Object.entries(SECTION_DEFS)) items.set(section, ajv.compile({ $ref: `${schema.$id}#/$defs/${def}` }));
  // The whole-file schema validates the header: a file without items is a valid dataset.
  validators = { header: ajv.compile({ $ref: schema.$id }), items };
  return validators;
}

/** Problems are kept up to this many; the rest are counted. */
export const MAX_PROBLEMS = 1000;

export class ProblemList {
  readonly list: SeedProblem[] = [];
  total = 0;

  add(where: Location, path: string, message: string): void {
    this.total += 1;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ file: where.file, path, message, ...(where.line !== undefined ? { line: where.line } : {}) });
  }
}

const placeOf = (where: Location): string => `${where.file}${where.line !== undefined ? `:${where.line}` : ''}: ${where.path}`;
/** Actor numbers packed with a stance's line: up to 2^21 distinct actors are told apart. */
const ACTOR_SLOTS = 2 ** 21;
const asRow = (value: unknown): Row => (value !== null && typeof value === 'object' ? (value as Row) : {});

/** Validates one item against its section's definition; true when it may be planned. */
export function checkItem(problems: ProblemList, section: string, item: unknown, where: Location): boolean {
  const validate = compiled().items.get(section);
  if (!validate) {
    problems.add(where, `$.${section}`, `is not a section of the format (one of ${Object.keys(SECTION_DEFS).join(', ')})`);
    return false;
  }
  if (validate(item)) return true;
  for (const error of validate.errors ?? []) {
    const extra = error.keyword === 'additionalProperties' ? ` ("${String((error.params as { additionalProperty?: string }).additionalProperty)}")` : '';
    const allowed = error.keyword === 'enum' ? ` (one of ${(error.params as { allowedValues?: unknown[] }).allowedValues?.join(', ')})` : '';
    problems.add(where, where.path + toJsonPath(error.instancePath).slice(1), `${error.message ?? 'is invalid'}${extra}${allowed}`);
  }
  return false;
}

/** Validates the top-level entries (formatVersion, dataset, $schema) as the file schema does. */
export function checkHeader(problems: ProblemList, header: Row, where: Location): boolean {
  const validate = compiled().header;
  if (validate(header)) return true;
  for (const error of validate.errors ?? []) {
    const extra = error.keyword === 'additionalProperties' ? ` ("${String((error.params as { additionalProperty?: string }).additionalProperty)}")` : '';
    problems.add(where, toJsonPath(error.instancePath), `${error.message ?? 'is invalid'}${extra}`);
  }
  return false;
}

interface Reference {
  id: string;
  /** The section the id must be defined in; null for a disagreement's `concerns` (any node). */
  section: Section | null;
  where: Location;
  path: string;
}

/**
 * The ids a run defines and refers to. Defined ids map to their section and where they are;
 * references keep only their first place per (id, expected section), so memory grows with the
 * number of distinct ids, not with the number of items.
 */
export class IdBook {
  private readonly defined = new Map<string, { section: Section; where: string }>();
  /**
   * Stance ids (the bulk of a large file) keep only a number: their line (or index) times
   * 2^21 plus their actor's number in `actors`, for the stanceTargets rule.
   */
  private readonly stances = new Map<string, number>();
  private readonly actors = new Map<string, number>();
  /** stanceTargets by stance id: the target actor and where, to check the stance's own actor. */
  private readonly targets = new Map<string, Array<{ actorId: string; where: Location }>>();
  /** "stance -> actor" of each target, with its first place: a pair is given once. */
  private readonly targetPairs = new Map<string, string>();
  /** Per expected section ('*' for any node), id → its first reference. */
  private readonly references = new Map<string, Map<string, Reference>>();

  /** Records a valid item's own id and the ids it refers to; `index` is its place in its section. */
  note(problems: ProblemList, section: string, index: number, item: unknown, where: Location): void {
    const row = asRow(item);
    const id = row['id'];
    if (ID_SECTIONS.has(section) && typeof id === 'string') {
      const seen = this.defined.get(id);
      const stance = this.stances.get(id);
      const at = stance !== undefined ? Math.floor(stance / ACTOR_SLOTS) : undefined;
      const first = seen ? seen.where : at !== undefined ? (where.line !== undefined ? `line ${at}` : `$.stances[${at}]`) : undefined;
      if (first !== undefined) problems.add(where, `${where.path}.id`, `duplicate id "${id}" (first at ${first})`);
      else if (section === 'stances') {
        this.stances.set(id, (where.line ?? index) * ACTOR_SLOTS + this.actorNumber(row['actorId']));
        for (const t of this.targets.get(id) ?? []) if (t.actorId === row['actorId']) this.ownActor(problems, t.where, id);
      } else this.defined.set(id, { section: section as Section, where: placeOf(where) });
    }
    for (const [key, expected] of REFERENCE_FIELDS) {
      const value = row[key];
      if (value !== undefined && value !== null) this.refer(value, expected, where, key);
    }
    const evidence = row['evidence'];
    if (Array.isArray(evidence)) {
      for (let i = 0; i < evidence.length; i++) {
        const sourceId = asRow(evidence[i])['sourceId'];
        this.refer(sourceId, 'sources', where, `evidence[${i}].sourceId`);
        for (let j = 0; j < i; j++) {
          if (asRow(evidence[j])['sourceId'] === sourceId) {
            problems.add(where, `${where.path}.evidence[${i}].sourceId`, `source "${String(sourceId)}" is quoted twice; keep one quote per source`);
            break;
          }
        }
      }
    }
    if (section === 'stanceTargets') this.noteTarget(problems, row, where);
    (Array.isArray(row['versions']) ? row['versions'] : []).forEach((v, i) => this.refer(asRow(v)['sourceId'], 'sources', where, `versions[${i}].sourceId`));
    (Array.isArray(row['concerns']) ? row['concerns'] : []).forEach((c, i) => this.refer(c, null, where, `concerns[${i}]`));
  }

  private actorNumber(actorId: unknown): number {
    if (typeof actorId !== 'string') return ACTOR_SLOTS - 1;
    let n = this.actors.get(actorId);
    if (n === undefined && this.actors.size < ACTOR_SLOTS - 1) this.actors.set(actorId, (n = this.actors.size));
    return n ?? ACTOR_SLOTS - 1;
  }

  /** A stance's target is whom it is addressed to: not its own actor, and each pair once. */
  private noteTarget(problems: ProblemList, row: Row, where: Location): void {
    const stanceId = row['stanceId'];
    const actorId = row['actorId'];
    if (typeof stanceId !== 'string' || typeof actorId !== 'string') return;
    const pair = `${stanceId} -> ${actorId}`;
    const first = this.targetPairs.get(pair);
    if (first !== undefined) return problems.add(where, where.path, `repeats ${pair} (first at ${first}); add its evidence there`);
    this.targetPairs.set(pair, placeOf(where));
    const stance = this.stances.get(stanceId);
    const number = this.actors.get(actorId);
    if (stance !== undefined && number !== undefined && stance % ACTOR_SLOTS === number) this.ownActor(problems, where, stanceId);
    const list = this.targets.get(stanceId);
    if (list) list.push({ actorId, where });
    else this.targets.set(stanceId, [{ actorId, where }]);
  }

  private ownActor(problems: ProblemList, where: Location, stanceId: string): void {
    problems.add(where, `${where.path}.actorId`, `is the actor of "${stanceId}" itself; a target is whom the stance is addressed to`);
  }

  /** Keeps the first place an id is referred to as a given section (the path is built once). */
  private refer(id: unknown, expected: Section | null, where: Location, field: string): void {
    if (typeof id !== 'string') return;
    const bucket = expected ?? '*';
    let seen = this.references.get(bucket);
    if (!seen) this.references.set(bucket, (seen = new Map()));
    if (!seen.has(id)) seen.set(id, { id, section: expected, where, path: `${where.path}.${field}` });
  }

  /** Whether the input defines `id` as an item of `section`. */
  defines(id: string, section: Section): boolean {
    return section === 'stances' ? this.stances.has(id) : this.defined.get(id)?.section === section;
  }

  /** Referenced ids the file does not define: the graph must be asked about these. */
  outside(): string[] {
    const ids = new Set<string>();
    for (const bucket of this.references.values()) for (const id of bucket.keys()) if (!this.defined.has(id) && !this.stances.has(id)) ids.add(id);
    return [...ids];
  }

  /** Checks every reference against the file's ids and those found in the graph. */
  resolve(problems: ProblemList, inGraph: ReadonlyMap<string, Section>): void {
    for (const ref of [...this.references.values()].flatMap((bucket) => [...bucket.values()])) {
      const section = this.defined.get(ref.id)?.section ?? (this.stances.has(ref.id) ? 'stances' : inGraph.get(ref.id));
      if (ref.section === null) {
        if (section === undefined) problems.add(ref.where, ref.path, `refers to "${ref.id}", which is not defined nor in the graph`);
        else if (section === 'stances' || section === 'disagreements')
          problems.add(ref.where, ref.path, `refers to "${ref.id}", a ${section.slice(0, -1)}; name an actor, meeting, position, document or source`);
      } else if (section === undefined) {
        problems.add(ref.where, ref.path, `refers to "${ref.id}", which is not defined in ${ref.section} nor in the graph`);
      } else if (section !== ref.section) {
        problems.add(ref.where, ref.path, `refers to "${ref.id}", which is a ${section.slice(0, -1)}, not a ${ref.section.slice(0, -1)}`);
      }
    }
  }
}
