/**
 * Stores or replaces the text of an existing source. Quotes already citing the source must
 * all occur in the new text (else nothing is written and each is named with its nearest
 * passage); the change is audited with the old and new hash, not the texts themselves.
 */
import { AuditAction, AuditTargetKind, type AuditVia } from '../curation/audit.js';
import * as curation from '../curation/curation.repository.js';
import type { Executor } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { toSource } from '../shared/mapping.js';
import { type QuoteToCheck, verifyQuotes } from './quote-check.js';
import { quoteError } from './quote-guard.js';
import { normalizeSourceText, sha256Of, sourceTextProblem } from './source-text.js';
import type { Source } from './source.type.js';

export interface SetSourceText {
  id: string;
  text: string;
  /** ISO 8601; now when absent. */
  retrievedAt?: string | null;
}

export async function setSourceText(executor: Executor, by: { name: string }, input: SetSourceText, via: AuditVia = 'api', now = new Date()): Promise<Source> {
  const text = normalizeSourceText(input.text);
  const problem = sourceTextProblem(text);
  if (problem) throw new AppError(ErrorCode.BAD_USER_INPUT, `Argument "text" ${problem}`, { argument: 'text' });
  const retrievedAt = input.retrievedAt ?? now.toISOString();
  if (Number.isNaN(Date.parse(retrievedAt)))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Argument "retrievedAt" must be an ISO 8601 instant, got "${retrievedAt}"`, { argument: 'retrievedAt' });

  return executor.writeTransaction('setSourceText', async (scope) => {
    const stored = await curation.lockNode(scope, 'Source', input.id);
    if (!stored) throw new AppError(ErrorCode.NOT_FOUND, `Argument "id": there is no source with id "${input.id}"`, { argument: 'id' });
    const cited = await scope.run('sources/find-quotes-of-source', { id: input.id });
    const quotes: QuoteToCheck[] = cited.flatMap((row) =>
      ((row['quotes'] as string[] | null) ?? []).map((quote) => ({ field: `text (quoted by ${String(row['item'])})`, sourceId: input.id, quote })),
    );
    const problems = verifyQuotes(quotes, new Map([[input.id, text]]));
    if (problems.length > 0) throw quoteError(problems);
    const stamp = { now: now.toISOString(), by: by.name };
    const sha256 = sha256Of(text);
    const [row] = await scope.run('sources/set-source-text', { id: input.id, text, sha256, retrievedAt, now: stamp.now, updatedBy: stamp.by });
    const before = typeof stored['sha256'] === 'string' ? stored['sha256'] : null;
    if (before !== sha256) {
      await curation.writeAudit(
        scope,
        [
          {
            action: AuditAction.UPDATE,
            targetKind: AuditTargetKind.SOURCE,
            targetId: input.id,
            summary: `${before ? 'Replaced' : 'Stored'} the text of source "${String(stored['title'])}" (${text.length} characters)`,
            changes: { sha256: { from: before, to: sha256 } },
          },
        ],
        stamp,
        via,
      );
    }
    return toSource(row?.['source'] as Record<string, unknown>);
  });
}
