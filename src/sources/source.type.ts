import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

import { LocalDate } from '../shared/scalars.js';

@ObjectType({ description: 'A report the graph is built from: a news article, a statement, a transcript.' })
export class Source {
  @Field(() => ID, { description: 'Stable id, e.g. "source:tass-2025-06-02".' })
  id!: string;

  @Field(() => String, { description: 'Who published it, as the text names them.' })
  publisher!: string;

  @Field(() => String, { description: 'Headline or title.' })
  title!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published (not when the event happened, nor when it was recorded).' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the text, as an ISO 639-1 code.' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the text can be read, when known.' })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The full text of the report, when it is stored; every quote citing this source then occurs in it verbatim. Null for sources stored without text.',
  })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of `text` (hex), to tell copies of a report apart; null without text.' })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: 'When the text was retrieved (ISO 8601), when known.' })
  retrievedAt!: string | null;
}

/** What a repository returns for one quote: the source id is resolved to a Source lazily. */
export interface EvidenceRecord {
  sourceId: string;
  quote: string;
  /** The source, when a query fetched it with the fact (look-ahead); else the source loader finds it. */
  source?: Source;
}

@ObjectType({ description: 'A short verbatim quote from one source that supports a fact.' })
export class Evidence {
  sourceId!: string;

  @Field(() => String, { description: 'The words of the source, verbatim.' })
  quote!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Where the quote starts in the source’s `text` (UTF-16 code units, as JavaScript string indices; its first occurrence); null when the source has no text.',
  })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'Where the quote ends in the source’s `text` (exclusive); null when the source has no text.' })
  end?: number | null;
}

@InterfaceType({ description: 'Anything stored with provenance: the sources that report it and a quote from each.' })
export abstract class Sourced {
  @Field(() => [Evidence], { description: 'One verbatim quote per source that reports this.' })
  evidence!: EvidenceRecord[];

  @Field(() => [Source], { description: 'The sources that report this (the same ones `evidence` quotes).' })
  sources?: Source[];
}

/** Pairs the parallel lists stored on nodes and edges (Neo4j properties cannot hold maps). */
export function toEvidence(sourceIds: unknown, quotes: unknown): EvidenceRecord[] {
  const ids = Array.isArray(sourceIds) ? (sourceIds as string[]) : [];
  const texts = Array.isArray(quotes) ? (quotes as string[]) : [];
  return ids.map((sourceId, i) => ({ sourceId, quote: texts[i] ?? '' }));
}

/**
 * The sources a fact's quotes cite, when fetched with it (look-ahead): as a list of their own
 * (a stance list asked for sources without quotes), or each on its quote; undefined: the
 * loader answers.
 */
export function fetchedSources(item: Readonly<Sourced> & { ahead?: { sources?: Source[] } }): Source[] | undefined {
  if (item.ahead?.sources) return item.ahead.sources;
  return item.evidence.every((record) => record.source) ? item.evidence.map((record) => record.source as Source) : undefined;
}

/** The source a quote cites, when fetched with it; undefined: the loader answers. */
export const fetchedSource = (evidence: EvidenceRecord): Source | undefined => evidence.source;
