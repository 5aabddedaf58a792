/**
 * From API data to what the graph view draws, and which of it a filter keeps. Pure (no DOM,
 * no Cytoscape), so the rules are easy to read and to test.
 *
 * Nodes are actors, positions and meetings. Edges are stances (actor -> position, coloured
 * by kind), the relations between actors they carry: targets (actor -> actor the stance is
 * addressed to, dashed in the stance's colour) and involvement (position -> actor it
 * involves, dotted), and the structure around them: attendance (actor -> meeting) and
 * membership (member -> group), drawn quietly so the stances stand out.
 */

export const STANCE_KINDS = ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

export interface ActorData {
  id: string;
  name: string;
  kind: string;
  memberOf: Array<{ role: string | null; group: { id: string } }>;
}
export interface PositionData {
  id: string;
  title: string;
  type: string;
  topics: string[];
  /** Actors the position involves, with their role (absent from older API answers). */
  involves?: Array<{ role: string; actor: { id: string } }>;
}
export interface MeetingData {
  id: string;
  title: string;
  date: string | null;
  status: string;
  attendance: Array<{ role: string; actor: { id: string } }>;
}
export interface StanceData {
  id: string;
  kind: StanceKind;
  date: string | null;
  actor: { id: string };
  position: { id: string };
  meeting: { id: string } | null;
  /** Whom the stance is addressed to (absent from older API answers). */
  targets?: Array<{ actor: { id: string } }>;
}

export interface GraphData {
  actors: ActorData[];
  positions: PositionData[];
  meetings: MeetingData[];
  stances: StanceData[];
}

export type NodeKind = 'actor' | 'position' | 'meeting';
export type EdgeKind = 'stance' | 'target' | 'involvement' | 'attendance' | 'membership';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Actor kind, position type or meeting status: drives the shape and colour. */
  subtype: string;
}

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  /** Stance kind for stance and target edges, the role otherwise. */
  subtype: string;
  meetingId: string | null;
  /** Topics of the position, for stance edges. */
  topics: string[];
}

export interface GraphModel {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
}

export const STANCE_LABELS: Record<StanceKind, string> = {
  PROPOSED: 'proposed',
  REJECTED: 'rejected',
  AGREED_TO: 'agreed to',
  CONSIDERING: 'considering',
};

/** A meeting is drawn with its date under its title. */
export function meetingLabel(meeting: Pick<MeetingData, 'title' | 'date'>): string {
  return meeting.date ? `${meeting.title}\n${meeting.date}` : meeting.title;
}

export function buildGraphModel(data: GraphData): GraphModel {
  const nodes = new Map<string, GraphNode>();
  for (const actor of data.actors) nodes.set(actor.id, { id: actor.id, kind: 'actor', label: actor.name, subtype: actor.kind });
  for (const position of data.positions) nodes.set(position.id, { id: position.id, kind: 'position', label: position.title, subtype: position.type });
  for (const meeting of data.meetings) nodes.set(meeting.id, { id: meeting.id, kind: 'meeting', label: meetingLabel(meeting), subtype: meeting.status });

  const topicsOf = new Map(data.positions.map((p) => [p.id, p.topics]));
  const edges: GraphEdge[] = [];
  for (const stance of data.stances) {
    edges.push({
      id: stance.id,
      kind: 'stance',
      source: stance.actor.id,
      target: stance.position.id,
      label: STANCE_LABELS[stance.kind] ?? stance.kind,
      subtype: stance.kind,
      meetingId: stance.meeting?.id ?? null,
      topics: topicsOf.get(stance.position.id) ?? [],
    });
  }
  for (const stance of data.stances) {
    for (const target of stance.targets ?? []) {
      edges.push({
        id: `target:${stance.id}->${target.actor.id}`,
        kind: 'target',
        source: stance.actor.id,
        target: target.actor.id,
        label: `${STANCE_LABELS[stance.kind] ?? stance.kind} → addressed to`,
        subtype: stance.kind,
        meetingId: stance.meeting?.id ?? null,
        topics: topicsOf.get(stance.position.id) ?? [],
      });
    }
  }
  for (const position of data.positions) {
    for (const involvement of position.involves ?? []) {
      edges.push({
        id: `involvement:${position.id}->${involvement.actor.id}:${involvement.role}`,
        kind: 'involvement',
        source: position.id,
        target: involvement.actor.id,
        label: involvement.role.toLowerCase().replace('_', ' '),
        subtype: involvement.role,
        meetingId: null,
        topics: position.topics,
      });
    }
  }
  for (const meeting of data.meetings) {
    for (const attendance of meeting.attendance) {
      edges.push({
        id: `attendance:${attendance.actor.id}->${meeting.id}`,
        kind: 'attendance',
        source: attendance.actor.id,
        target: meeting.id,
        label: attendance.role.toLowerCase(),
        subtype: attendance.role,
        meetingId: meeting.id,
        topics: [],
      });
    }
  }
  for (const actor of data.actors) {
    for (const membership of actor.memberOf) {
      edges.push({
        id: `membership:${actor.id}->${membership.group.id}`,
        kind: 'membership',
        source: actor.id,
        target: membership.group.id,
        label: membership.role ?? 'member of',
        subtype: membership.role ?? 'MEMBER',
        meetingId: null,
        topics: [],
      });
    }
  }
  // An edge whose end is not loaded (e.g. beyond a page) cannot be drawn.
  return { nodes, edges: edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)) };
}

export interface GraphFilter {
  /** Only stances taken at this meeting, and its attendance. */
  meetingId: string | null;
  /** Only stances on positions with this topic. */
  topic: string | null;
  /** Stance kinds to show. */
  kinds: ReadonlySet<StanceKind>;
  attendance: boolean;
  membership: boolean;
  /** Whom stances are addressed to (drawn for the stances shown). */
  targets: boolean;
  /** Which actors the positions shown involve. */
  involvement: boolean;
}

export const NO_FILTER: GraphFilter = {
  meetingId: null,
  topic: null,
  kinds: new Set(STANCE_KINDS),
  attendance: true,
  membership: true,
  targets: true,
  involvement: true,
};

/**
 * What a filter keeps. Stance edges are chosen by kind, meeting and topic; the nodes are the
 * ends of those stances. Attendance and membership edges are context: shown between nodes
 * already on screen, except that a chosen meeting always shows who attended it. With no
 * meeting or topic chosen, the whole connected graph is shown.
 */
export function applyFilter(model: GraphModel, filter: GraphFilter): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const narrowed = filter.meetingId !== null || filter.topic !== null;
  const stances = model.edges.filter(
    (e) =>
      e.kind === 'stance' &&
      filter.kinds.has(e.subtype as StanceKind) &&
      (filter.meetingId === null || e.meetingId === filter.meetingId) &&
      (filter.topic === null || e.topics.includes(filter.topic)),
  );
  const visible = new Set<string>();
  for (const e of stances) visible.add(e.source).add(e.target);

  // Targets and involvement follow the same kind, meeting and topic choices as the stances,
  // and bring the actors they name on screen: they are what a stance is about.
  const relations = model.edges.filter(
    (e) =>
      (e.kind === 'target' &&
        filter.targets &&
        filter.kinds.has(e.subtype as StanceKind) &&
        (filter.meetingId === null || e.meetingId === filter.meetingId) &&
        (filter.topic === null || e.topics.includes(filter.topic))) ||
      (e.kind === 'involvement' && filter.involvement && visible.has(e.source)),
  );
  for (const e of relations) visible.add(e.source).add(e.target);

  const context: GraphEdge[] = [];
  if (filter.attendance) {
    for (const e of model.edges) {
      if (e.kind !== 'attendance') continue;
      const keep = filter.meetingId !== null ? e.meetingId === filter.meetingId : !narrowed || (visible.has(e.source) && visible.has(e.target));
      if (keep) context.push(e);
    }
    // A meeting's attendees appear with it; with nothing narrowed, every meeting does.
    for (const e of context) visible.add(e.source).add(e.target);
  }
  if (filter.membership) {
    for (const e of model.edges) {
      if (e.kind !== 'membership') continue;
      if (!narrowed || (visible.has(e.source) && visible.has(e.target))) context.push(e);
    }
    if (!narrowed) for (const e of context) visible.add(e.source).add(e.target);
  }
  if (filter.meetingId !== null) visible.add(filter.meetingId);

  const edges = [...stances, ...relations, ...context].filter((e) => visible.has(e.source) && visible.has(e.target));
  const nodes = [...visible].map((id) => model.nodes.get(id)).filter((n): n is GraphNode => n !== undefined);
  return { nodes, edges };
}

/** The topics that occur on some position, sorted, for the topic filter. */
export function topicsIn(data: GraphData): string[] {
  return [...new Set(data.positions.flatMap((p) => p.topics))].sort();
}
