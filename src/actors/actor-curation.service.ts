/** Creating and changing actors (role editor), through the node writer of src/write/. */
import type { Executor } from '../db/executor.js';
import type { SeedActor } from '../shared/seed-format.js';
import { AuditTargetKind } from '../write/audit.js';
import { evidenceOf } from '../write/evidence.js';
import { generateId } from '../write/ids.js';
import { createNode, type NodeSpec, updateNode } from '../write/node-writer.js';
import { sentFields } from '../write/values.js';
import { type Author, Writer } from '../write/writer.js';
import type { CreateActorInput, UpdateActorInput } from './actor-curation.input.js';
import { insertActor, saveActor } from './actor-curation.repository.js';
import { checkActor } from './actor-curation.rules.js';
import { toActor } from './actor.mapping.js';
import type { Actor } from './actor.type.js';

export const ACTOR_WRITES: NodeSpec<SeedActor, Actor> = {
  kind: 'actor',
  label: 'Actor',
  noun: 'actor',
  targetKind: AuditTargetKind.ACTOR,
  editable: ['name', 'kind', 'aliases', 'description', 'wikidataId'],
  check: (p, prefix, a) => checkActor(p, prefix, a),
  insert: insertActor,
  save: saveActor,
  fromStored: (props) => {
    const a = toActor(props);
    return { id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, description: a.description, wikidataId: a.wikidataId, evidence: a.evidence };
  },
  toRecord: toActor,
  evidence: (a) => a.evidence,
  title: (a) => a.name,
};

export class ActorCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  createActor(by: Author, input: CreateActorInput): Promise<Actor> {
    const actor: SeedActor = {
      id: input.id ?? generateId('actor', input.name),
      name: input.name,
      kind: input.kind,
      aliases: input.aliases ?? [],
      description: input.description ?? null,
      wikidataId: input.wikidataId ?? null,
      evidence: evidenceOf(input.evidence),
    };
    return createNode(this.writer, by, ACTOR_WRITES, actor, input.id == null);
  }

  updateActor(by: Author, id: string, input: UpdateActorInput): Promise<Actor> {
    return updateNode(this.writer, by, ACTOR_WRITES, id, sentFields(input) as Partial<SeedActor>);
  }
}
