/** The review page's GraphQL operations: the same public API any client uses. */
import { postGraphQL } from '../shared/graphql-client';

export interface Option {
  id: string;
  label: string;
}

export interface Candidate {
  id: string;
  kind: string;
  quote: string;
  start: number;
  end: number;
  cue: string;
  attribution: string;
  confidence: number;
  date: string | null;
  cameo: string | null;
  plover: { event: string | null; mode: string | null; context: string[] };
  meeting: { id: string } | null;
  actor: { actorId: string | null; name: string; suggestedKind: string | null; matchedBy: string };
  targets: Array<{ actorId: string | null; name: string }>;
  positions: Array<{ score: number; position: { id: string; title: string } }>;
  suggestedPosition: { title: string; type: string; isLikelyNew: boolean };
}

export interface AcceptedEvidence {
  stanceId: string;
  label: string;
  start: number | null;
  end: number | null;
}

export interface SourceView {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  text: string;
  candidates: Candidate[];
  accepted: AcceptedEvidence[];
}

export interface Vocabulary {
  actors: Option[];
  positions: Option[];
  meetings: Option[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

let token = '';
export const setToken = (value: string) => {
  token = value.trim();
};

async function run<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await postGraphQL<T>({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  const [error] = result.errors ?? [];
  if (error) throw new ApiError(error.message, typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : null);
  if (!result.data) throw new ApiError('The API returned no data', null);
  return result.data;
}

export async function listSourcesWithText(): Promise<Option[]> {
  const data = await run<{ sources: { items: Array<{ id: string; title: string; publisher: string; publishedAt: string | null; sha256: string | null }> } }>(
    `{ sources(page: { limit: 200 }) { items { id title publisher publishedAt sha256 } } }`,
  );
  return data.sources.items.filter((s) => s.sha256).map((s) => ({ id: s.id, label: `${s.publishedAt ?? '?'} · ${s.publisher}: ${s.title}` }));
}

export async function loadVocabulary(): Promise<Vocabulary> {
  const data = await run<{
    actors: { items: Array<{ id: string; name: string }> };
    positions: { items: Array<{ id: string; title: string }> };
    meetings: { items: Array<{ id: string; title: string; date: string | null }> };
  }>(
    `{ actors(page: { limit: 200 }) { items { id name } } positions(page: { limit: 200 }) { items { id title } } meetings(page: { limit: 200 }) { items { id title date } } }`,
  );
  return {
    actors: data.actors.items.map((a) => ({ id: a.id, label: a.name })),
    positions: data.positions.items.map((p) => ({ id: p.id, label: p.title })),
    meetings: data.meetings.items.map((m) => ({ id: m.id, label: `${m.date ?? ''} ${m.title}`.trim() })),
  };
}

const CANDIDATE_FIELDS = `id kind quote start end cue attribution confidence date cameo plover { event mode context } meeting { id }
  actor { actorId name suggestedKind matchedBy } targets { actorId name }
  positions { score position { id title } } suggestedPosition { title type isLikelyNew }`;

export async function loadSource(id: string): Promise<SourceView> {
  const data = await run<{
    source: { id: string; title: string; publisher: string; publishedAt: string | null; text: string | null } | null;
    draftStances: { candidates: Candidate[] };
    stances: {
      items: Array<{
        id: string;
        kind: string;
        actor: { name: string };
        position: { title: string };
        evidence: Array<{ start: number | null; end: number | null; source: { id: string } }>;
      }>;
    };
  }>(
    `query ($id: ID!) {
      source(id: $id) { id title publisher publishedAt text }
      draftStances(sourceId: $id) { candidates { ${CANDIDATE_FIELDS} } }
      stances(filter: { sourceIds: [$id] }, page: { limit: 200 }) { items { id kind actor { name } position { title } evidence { start end source { id } } } }
    }`,
    { id },
  );
  if (!data.source?.text) throw new ApiError(`Source ${id} has no text`, 'BAD_USER_INPUT');
  const accepted = data.stances.items.flatMap((s) =>
    s.evidence
      .filter((e) => e.source.id === id)
      .map((e) => ({ stanceId: s.id, label: `${s.actor.name} ${s.kind} ${s.position.title}`, start: e.start, end: e.end })),
  );
  return { ...data.source, text: data.source.text, candidates: data.draftStances.candidates, accepted };
}

export async function createSource(input: Record<string, unknown>): Promise<string> {
  const data = await run<{ createSource: { id: string } }>(`mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, { input });
  return data.createSource.id;
}

export async function createActor(input: Record<string, unknown>): Promise<string> {
  const data = await run<{ createActor: { id: string } }>(`mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }`, { input });
  return data.createActor.id;
}

/** The id of the actor with this name or alias (case and accents ignored), when one matches. */
export async function findActorId(name: string): Promise<string | null> {
  const data = await run<{ actors: { items: Array<{ id: string; name: string; aliases: string[] }> } }>(
    `query ($name: String!) { actors(name: $name, page: { limit: 10 }) { items { id name aliases } } }`,
    { name },
  );
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const exact = data.actors.items.filter((a) => [a.name, ...a.aliases].some((n) => fold(n) === fold(name)));
  const match = exact.length === 1 ? exact[0] : data.actors.items.length === 1 ? data.actors.items[0] : undefined;
  return match?.id ?? null;
}

/** Records whom a stance is addressed to, quoting the same passage; a target already recorded stays (CONFLICT). */
export async function recordTarget(stanceId: string, actorId: string, evidence: Array<{ sourceId: string; quote: string }>): Promise<void> {
  try {
    await run(`mutation ($input: RecordStanceTargetInput!) { recordStanceTarget(input: $input) { actor { id } } }`, { input: { stanceId, actorId, evidence } });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
  }
}

export async function createPosition(input: Record<string, unknown>): Promise<string> {
  const data = await run<{ createPosition: { id: string } }>(`mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, { input });
  return data.createPosition.id;
}

/**
 * Records the stance; when the same claim is already stored (CONFLICT on its id), adds this
 * source to it instead: one claim, many sources.
 */
export async function recordOrAddSource(input: {
  kind: string;
  actorId: string;
  positionId: string;
  meetingId: string | null;
  date: string | null;
  plover: unknown;
  cameo: string | null;
  evidence: Array<{ sourceId: string; quote: string }>;
}): Promise<string> {
  try {
    const data = await run<{ recordStance: { id: string } }>(`mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, { input });
    return data.recordStance.id;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
    const slug = (id: string) => id.slice(id.indexOf(':') + 1);
    const stanceId = `stance:${slug(input.actorId)}-${input.kind.toLowerCase()}-${slug(input.positionId)}`;
    const data = await run<{ addStanceSource: { id: string } }>(
      `mutation ($id: ID!, $e: EvidenceInput!) { addStanceSource(stanceId: $id, evidence: $e) { id } }`,
      {
        id: stanceId,
        e: input.evidence[0],
      },
    );
    return data.addStanceSource.id;
  }
}
