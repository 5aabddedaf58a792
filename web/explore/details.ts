/**
 * The side panel: what a clicked node or edge is, and the sources that report it, each with
 * its verbatim quote. Fetched on click (the drawing itself loads only ids and labels).
 * Built with DOM calls and textContent only: data never becomes markup.
 */
import { queryGraphQL } from '../shared/graphql-client';
import { type GraphEdge, type GraphNode, STANCE_LABELS, type StanceKind } from './graph-model';
import { renderInvolvementDetails, renderTargetDetails } from './relation-details';

interface SourceData {
  id: string;
  publisher: string;
  title: string;
  publishedAt: string | null;
  url: string | null;
}
export interface EvidenceData {
  quote: string;
  source: SourceData;
}
interface DisagreementData {
  id: string;
  summary: string;
  versions: Array<{ claim: string; quote: string; source: { publisher: string } }>;
}

const EVIDENCE = /* GraphQL */ `
  fragment ExploreEvidence on Evidence {
    quote
    source {
      id
      publisher
      title
      publishedAt
      url
    }
  }
`;
const DISAGREEMENT = /* GraphQL */ `
  fragment ExploreDisagreement on Disagreement {
    id
    summary
    versions {
      claim
      quote
      source {
        publisher
      }
    }
  }
`;

const ACTOR = /* GraphQL */ `
  query ExploreActor($id: ID!) {
    actor(id: $id) {
      id
      name
      kind
      description
      aliases
      wikidataId
      memberOf {
        role
        group {
          id
          name
        }
        evidence {
          ...ExploreEvidence
        }
      }
      evidence {
        ...ExploreEvidence
      }
      disagreements {
        ...ExploreDisagreement
      }
    }
  }
  ${EVIDENCE}
  ${DISAGREEMENT}
`;

const POSITION = /* GraphQL */ `
  query ExplorePosition($id: ID!) {
    position(id: $id) {
      id
      title
      type
      summary
      topics
      documents {
        id
        title
      }
      evidence {
        ...ExploreEvidence
      }
      disagreements {
        ...ExploreDisagreement
      }
    }
  }
  ${EVIDENCE}
  ${DISAGREEMENT}
`;

const MEETING = /* GraphQL */ `
  query ExploreMeeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      date
      status
      venue
      city
      durationMinutes
      round
      attendance {
        role
        actor {
          id
          name
        }
        evidence {
          ...ExploreEvidence
        }
      }
      evidence {
        ...ExploreEvidence
      }
      disagreements {
        ...ExploreDisagreement
      }
    }
  }
  ${EVIDENCE}
  ${DISAGREEMENT}
`;

const STANCE = /* GraphQL */ `
  query ExploreStance($id: ID!) {
    stance(id: $id) {
      id
      kind
      date
      status
      cameo
      actor {
        id
        name
      }
      position {
        id
        title
        type
      }
      meeting {
        id
        title
      }
      plover {
        event
        mode
        context
      }
      evidence {
        ...ExploreEvidence
      }
    }
  }
  ${EVIDENCE}
`;

type Child = Node | string | null | undefined | false;

/** A tiny element builder: el('p', { class: 'x' }, 'text', child). */
export function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function facts(rows: Array<[string, string | number | null | undefined]>): HTMLElement {
  const list = el('dl', { class: 'facts' });
  for (const [name, value] of rows) {
    if (value === null || value === undefined || value === '') continue;
    list.append(el('dt', {}, name), el('dd', {}, String(value)));
  }
  return list;
}

export function humanize(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}

function sourceLine(source: SourceData): HTMLElement {
  const title = source.url ? el('a', { href: source.url, target: '_blank', rel: 'noreferrer noopener' }, source.title) : el('span', {}, source.title);
  return el('cite', { class: 'evidence-source' }, el('strong', {}, source.publisher), ' — ', title, source.publishedAt ? ` (${source.publishedAt})` : '');
}

export function evidenceSection(evidence: EvidenceData[], heading = 'Sources'): HTMLElement {
  const section = el('section', { class: 'evidence' }, el('h3', {}, `${heading} (${evidence.length})`));
  if (evidence.length === 0) section.append(el('p', { class: 'hint' }, 'No source quoted.'));
  for (const item of evidence) {
    section.append(
      el('figure', { class: 'evidence-item' }, el('blockquote', { class: 'evidence-quote' }, item.quote), el('figcaption', {}, sourceLine(item.source))),
    );
  }
  return section;
}

function disagreementsSection(disagreements: DisagreementData[]): HTMLElement | null {
  if (disagreements.length === 0) return null;
  const section = el('section', { class: 'disagreements' }, el('h3', {}, `Where the sources disagree (${disagreements.length})`));
  for (const disagreement of disagreements) {
    const versions = el('ul', { class: 'versions' });
    for (const version of disagreement.versions) {
      versions.append(el('li', {}, el('strong', {}, version.source.publisher), `: ${version.claim} `, el('q', { class: 'evidence-quote' }, version.quote)));
    }
    section.append(el('div', { class: 'disagreement' }, el('p', { class: 'disagreement-summary' }, disagreement.summary), versions));
  }
  return section;
}

export function header(kindLabel: string, title: string, badgeClass: string): HTMLElement {
  return el('header', {}, el('span', { class: `badge ${badgeClass}` }, kindLabel), el('h2', { class: 'details-title' }, title));
}

interface ActorDetails {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  aliases: string[];
  wikidataId: string | null;
  memberOf: Array<{ role: string | null; group: { id: string; name: string }; evidence: EvidenceData[] }>;
  evidence: EvidenceData[];
  disagreements: DisagreementData[];
}
interface PositionDetails {
  id: string;
  title: string;
  type: string;
  summary: string | null;
  topics: string[];
  documents: Array<{ id: string; title: string }>;
  evidence: EvidenceData[];
  disagreements: DisagreementData[];
}
interface MeetingDetails {
  id: string;
  title: string;
  date: string | null;
  status: string;
  venue: string | null;
  city: string | null;
  durationMinutes: number | null;
  round: number | null;
  attendance: Array<{ role: string; actor: { id: string; name: string }; evidence: EvidenceData[] }>;
  evidence: EvidenceData[];
  disagreements: DisagreementData[];
}
interface StanceDetails {
  id: string;
  kind: StanceKind;
  date: string | null;
  status: string;
  cameo: string | null;
  actor: { id: string; name: string };
  position: { id: string; title: string; type: string };
  meeting: { id: string; title: string } | null;
  plover: { event: string | null; mode: string | null; context: string[] } | null;
  evidence: EvidenceData[];
}

export function notFound(id: string): HTMLElement {
  return el('div', {}, el('p', { class: 'hint' }, `${id} is no longer in the graph.`));
}

export async function renderNodeDetails(node: GraphNode): Promise<HTMLElement> {
  switch (node.kind) {
    case 'actor': {
      const { actor } = await queryGraphQL<{ actor: ActorDetails | null }>(ACTOR, { id: node.id });
      if (!actor) return notFound(node.id);
      return el(
        'div',
        {},
        header(`Actor · ${humanize(actor.kind)}`, actor.name, 'badge-actor'),
        actor.description ? el('p', { class: 'summary' }, actor.description) : null,
        facts([
          ['Id', actor.id],
          ['Also called', actor.aliases.join(', ')],
          ['Member of', actor.memberOf.map((m) => (m.role ? `${m.group.name} (${m.role})` : m.group.name)).join(', ')],
          ['Wikidata', actor.wikidataId],
        ]),
        evidenceSection(actor.evidence),
        disagreementsSection(actor.disagreements),
      );
    }
    case 'position': {
      const { position } = await queryGraphQL<{ position: PositionDetails | null }>(POSITION, { id: node.id });
      if (!position) return notFound(node.id);
      return el(
        'div',
        {},
        header(humanize(position.type), position.title, `badge-${position.type.toLowerCase()}`),
        position.summary ? el('p', { class: 'summary' }, position.summary) : null,
        facts([
          ['Id', position.id],
          ['Topics', position.topics.map(humanize).join(', ')],
          ['In documents', position.documents.map((d) => d.title).join('; ')],
        ]),
        evidenceSection(position.evidence),
        disagreementsSection(position.disagreements),
      );
    }
    case 'meeting': {
      const { meeting } = await queryGraphQL<{ meeting: MeetingDetails | null }>(MEETING, { id: node.id });
      if (!meeting) return notFound(node.id);
      return el(
        'div',
        {},
        header(`Meeting · ${humanize(meeting.status)}`, meeting.title, 'badge-meeting'),
        facts([
          ['Id', meeting.id],
          ['Date', meeting.date ?? 'not fixed'],
          ['Round', meeting.round],
          ['Venue', [meeting.venue, meeting.city].filter(Boolean).join(', ')],
          ['Duration', meeting.durationMinutes ? `${meeting.durationMinutes} min` : null],
          ['Attended by', meeting.attendance.map((a) => `${a.actor.name} (${humanize(a.role)})`).join(', ')],
        ]),
        evidenceSection(meeting.evidence),
        disagreementsSection(meeting.disagreements),
      );
    }
    default: {
      const unknown: never = node.kind;
      throw new Error(`unknown node kind ${String(unknown)}`);
    }
  }
}

export async function renderEdgeDetails(edge: GraphEdge, nodeLabel: (id: string) => string): Promise<HTMLElement> {
  switch (edge.kind) {
    case 'stance': {
      const { stance } = await queryGraphQL<{ stance: StanceDetails | null }>(STANCE, { id: edge.id });
      if (!stance) return notFound(edge.id);
      return el(
        'div',
        {},
        header(
          `Stance · ${STANCE_LABELS[stance.kind] ?? stance.kind}`,
          `${stance.actor.name} ${STANCE_LABELS[stance.kind] ?? stance.kind} “${stance.position.title}”`,
          `badge-${stance.kind.toLowerCase()}`,
        ),
        facts([
          ['Id', stance.id],
          ['Date', stance.date],
          ['At', stance.meeting?.title],
          ['Status', stance.status === 'ACTIVE' ? null : humanize(stance.status)],
          ['PLOVER', stance.plover ? [stance.plover.event, stance.plover.mode, stance.plover.context.join(', ')].filter(Boolean).join(' · ') : null],
          ['CAMEO', stance.cameo],
        ]),
        evidenceSection(stance.evidence),
      );
    }
    case 'attendance': {
      const { meeting } = await queryGraphQL<{ meeting: MeetingDetails | null }>(MEETING, { id: edge.target });
      const attendance = meeting?.attendance.find((a) => a.actor.id === edge.source);
      if (!meeting || !attendance) return notFound(edge.id);
      return el(
        'div',
        {},
        header(`Attendance · ${humanize(attendance.role)}`, `${attendance.actor.name} at ${meeting.title}`, 'badge-structure'),
        facts([
          ['Role', humanize(attendance.role)],
          ['Date', meeting.date],
        ]),
        evidenceSection(attendance.evidence),
      );
    }
    case 'membership': {
      const { actor } = await queryGraphQL<{ actor: ActorDetails | null }>(ACTOR, { id: edge.source });
      const membership = actor?.memberOf.find((m) => m.group.id === edge.target);
      if (!actor || !membership) return notFound(edge.id);
      return el(
        'div',
        {},
        header('Membership', `${actor.name} in ${nodeLabel(edge.target)}`, 'badge-structure'),
        facts([['Role', membership.role]]),
        evidenceSection(membership.evidence),
      );
    }
    case 'target':
      return renderTargetDetails(edge, nodeLabel);
    case 'involvement':
      return renderInvolvementDetails(edge, nodeLabel);
    default: {
      const unknown: never = edge.kind;
      throw new Error(`unknown edge kind ${String(unknown)}`);
    }
  }
}
