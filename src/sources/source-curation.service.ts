/** Creating and changing sources (role editor), through the node writer of src/write/. */
import type { Executor } from '../db/executor.js';
import type { SeedSource } from '../shared/seed-format.js';
import { AuditTargetKind } from '../write/audit.js';
import { generateId } from '../write/ids.js';
import { createNode, type NodeSpec, updateNode } from '../write/node-writer.js';
import { sentFields } from '../write/values.js';
import { type Author, Writer } from '../write/writer.js';
import { normalizeSourceText } from '../shared/source-text.js';
import type { CreateSourceInput, UpdateSourceInput } from './source-curation.input.js';
import { insertSource, saveSource } from './source-curation.repository.js';
import { checkSourceWrite } from './source-curation.rules.js';
import { toSource } from './source.mapping.js';
import type { Source } from './source.type.js';

export const SOURCE_WRITES: NodeSpec<SeedSource, Source> = {
  kind: 'source',
  label: 'Source',
  noun: 'source',
  targetKind: AuditTargetKind.SOURCE,
  editable: ['publisher', 'title', 'publishedAt', 'language', 'url'],
  check: checkSourceWrite,
  insert: insertSource,
  save: saveSource,
  // `file` (the article's text in seed/sources/) is not editable here but must survive an update.
  fromStored: (props) => ({ ...toSource(props), file: typeof props['file'] === 'string' ? props['file'] : null }),
  toRecord: toSource,
  evidence: () => [],
  title: (s) => s.title,
};

export class SourceCurationService {
  private readonly writer: Writer;

  constructor(
    executor: Executor,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.writer = new Writer(executor, clock);
  }

  createSource(by: Author, input: CreateSourceInput): Promise<Source> {
    const source: SeedSource = {
      id: input.id ?? generateId('source', input.publisher, input.publishedAt),
      publisher: input.publisher,
      title: input.title,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
      url: input.url ?? null,
      file: null,
      text: input.text == null ? null : normalizeSourceText(input.text),
      retrievedAt: input.text == null ? null : (input.retrievedAt ?? this.clock().toISOString()),
    };
    return createNode(this.writer, by, SOURCE_WRITES, source, input.id == null);
  }

  updateSource(by: Author, id: string, input: UpdateSourceInput): Promise<Source> {
    return updateNode(this.writer, by, SOURCE_WRITES, id, sentFields(input) as Partial<SeedSource>);
  }
}
