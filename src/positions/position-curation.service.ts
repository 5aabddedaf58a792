/** Creating and changing positions (role editor), through the node writer of src/write/. */
import type { Executor } from '../db/executor.js';
import type { SeedPosition } from '../shared/seed-format.js';
import { AuditTargetKind } from '../write/audit.js';
import { evidenceOf } from '../write/evidence.js';
import { generateId } from '../write/ids.js';
import { createNode, type NodeSpec, updateNode } from '../write/node-writer.js';
import { sentFields } from '../write/values.js';
import { type Author, Writer } from '../write/writer.js';
import type { CreatePositionInput, UpdatePositionInput } from './position-curation.input.js';
import { insertPosition, savePosition } from './position-curation.repository.js';
import { checkPosition } from './position-curation.rules.js';
import { toPosition } from './position.mapping.js';
import type { Position } from './position.type.js';

export const POSITION_WRITES: NodeSpec<SeedPosition, Position> = {
  kind: 'position',
  label: 'Position',
  noun: 'position',
  targetKind: AuditTargetKind.POSITION,
  editable: ['type', 'title', 'summary', 'topics'],
  check: (p, prefix, item) => checkPosition(p, prefix, item),
  insert: insertPosition,
  save: savePosition,
  fromStored: (props) => {
    const { id, type, title, summary, topics, evidence } = toPosition(props);
    return { id, type, title, summary, topics, evidence };
  },
  toRecord: toPosition,
  evidence: (p) => p.evidence,
  title: (p) => p.title,
};

export class PositionCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  createPosition(by: Author, input: CreatePositionInput): Promise<Position> {
    const position: SeedPosition = {
      id: input.id ?? generateId('position', input.title),
      type: input.type,
      title: input.title,
      summary: input.summary ?? null,
      topics: input.topics,
      evidence: evidenceOf(input.evidence),
    };
    return createNode(this.writer, by, POSITION_WRITES, position, input.id == null);
  }

  updatePosition(by: Author, id: string, input: UpdatePositionInput): Promise<Position> {
    return updateNode(this.writer, by, POSITION_WRITES, id, sentFields(input) as Partial<SeedPosition>);
  }
}
