/**
 * Side-panel details of the relation edges: whom a stance is addressed to (target) and which
 * actors a position involves (involvement), each with its sources and quotes.
 */
import { queryGraphQL } from '../shared/graphql-client';
import { el, type EvidenceData, evidenceSection, facts, header, humanize, notFound } from './details';
import { type GraphEdge, STANCE_LABELS, type StanceKind } from './graph-model';

const EVIDENCE_FIELDS = /* GraphQL */ `
  quote
  source {
    id
    publisher
    title
    publishedAt
    url
  }
`;

const TARGETS = /* GraphQL */ `
  query ExploreTargets($id: ID!) {
    stance(id: $id) {
      id
      kind
      actor { name }
      position { title }
      meeting { title }
      targets {
        actor { id name }
        evidence { ${EVIDENCE_FIELDS} }
      }
    }
  }
`;

const INVOLVES = /* GraphQL */ `
  query ExploreInvolvement($id: ID!) {
    position(id: $id) {
      title
      involves {
        role
        actor { id name }
        evidence { ${EVIDENCE_FIELDS} }
      }
    }
  }
`;

interface TargetDetails {
  id: string;
  kind: StanceKind;
  actor: { name: string };
  position: { title: string };
  meeting: { title: string } | null;
  targets: Array<{ actor: { id: string; name: string }; evidence: EvidenceData[] }>;
}

interface InvolvementDetails {
  title: string;
  involves: Array<{ role: string; actor: { id: string; name: string }; evidence: EvidenceData[] }>;
}

/** The stance id of a target edge ("target:<stance id>-><actor id>"). */
export function stanceIdOfTargetEdge(edgeId: string): string {
  return edgeId.slice('target:'.length, edgeId.lastIndexOf('->'));
}

export async function renderTargetDetails(edge: GraphEdge, nodeLabel: (id: string) => string): Promise<HTMLElement> {
  const { stance } = await queryGraphQL<{ stance: TargetDetails | null }>(TARGETS, { id: stanceIdOfTargetEdge(edge.id) });
  const target = stance?.targets.find((t) => t.actor.id === edge.target);
  if (!stance || !target) return notFound(edge.id);
  const kind = STANCE_LABELS[stance.kind] ?? stance.kind;
  return el(
    'div',
    {},
    header(
      `Addressed to · ${kind}`,
      `${stance.actor.name} ${kind} “${stance.position.title}”, addressed to ${target.actor.name}`,
      `badge-${stance.kind.toLowerCase()}`,
    ),
    facts([
      ['Stance', stance.id],
      ['Target', nodeLabel(edge.target)],
      ['At', stance.meeting?.title],
    ]),
    evidenceSection(target.evidence, 'Sources naming the target'),
  );
}

export async function renderInvolvementDetails(edge: GraphEdge, nodeLabel: (id: string) => string): Promise<HTMLElement> {
  const { position } = await queryGraphQL<{ position: InvolvementDetails | null }>(INVOLVES, { id: edge.source });
  const involvement = position?.involves.find((i) => i.actor.id === edge.target && i.role === edge.subtype);
  if (!position || !involvement) return notFound(edge.id);
  return el(
    'div',
    {},
    header(`Involvement · ${humanize(involvement.role)}`, `“${position.title}” involves ${involvement.actor.name}`, 'badge-structure'),
    facts([
      ['Role', humanize(involvement.role)],
      ['Actor', nodeLabel(edge.target)],
    ]),
    evidenceSection(involvement.evidence),
  );
}
