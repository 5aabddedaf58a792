/** Recording where sources disagree (role editor): every version is kept with its source. */
import type { Executor } from '../db/executor.js';
import type { SeedDisagreement } from '../shared/seed-format.js';
import { AuditAction, AuditTargetKind } from '../write/audit.js';
import { generateId } from '../write/ids.js';
import { Problems } from '../write/problems.js';
import { refuseQuotesNotInSources } from '../write/quote-guard.js';
import type { Reference } from '../write/references.js';
import { type Author, Writer } from '../write/writer.js';
import type { RecordDisagreementInput } from './disagreement-curation.input.js';
import { insertDisagreement } from './disagreement-curation.repository.js';
import { CONCERNABLE_KINDS, checkDisagreement, slugOfSummary } from './disagreement-curation.rules.js';
import type { Disagreement } from './disagreement.type.js';

export class DisagreementCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  async recordDisagreement(by: Author, input: RecordDisagreementInput): Promise<Disagreement> {
    const disagreement: SeedDisagreement = {
      id: input.id ?? generateId('disagreement', slugOfSummary(input.summary)),
      summary: input.summary,
      concerns: input.concerns,
      versions: input.versions.map((v) => ({ sourceId: v.sourceId, claim: v.claim, quote: v.quote })),
    };
    const problems = new Problems();
    checkDisagreement(problems, 'input', disagreement);
    const references: Reference[] = [
      ...disagreement.concerns.map((id, i) => ({ field: `input.concerns[${i}]`, id, kinds: CONCERNABLE_KINDS })),
      ...disagreement.versions.map((v, i) => ({ field: `input.versions[${i}].sourceId`, id: v.sourceId, kinds: ['source'] as const })),
    ];
    await this.writer.throwWithReferences(problems, references);
    return this.writer.transaction('recordDisagreement', async (scope) => {
      const stamp = this.writer.stamp(by);
      await this.writer.checkNew(scope, disagreement.id, 'disagreement', input.id == null, references);
      await refuseQuotesNotInSources(
        scope,
        disagreement.versions.map((v, i) => ({ field: `input.versions[${i}].quote`, sourceId: v.sourceId, quote: v.quote })),
      );
      const created = await insertDisagreement(scope, disagreement, stamp);
      await this.writer.audit(scope, stamp, {
        action: AuditAction.CREATE,
        targetKind: AuditTargetKind.DISAGREEMENT,
        targetId: disagreement.id,
        summary: `Recorded disagreement: ${disagreement.summary}`,
      });
      return created;
    });
  }
}
