/** The actor queries: the only place that names `cypher/actors/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { ActorKind } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { alignById, groupById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { foldText } from '../shared/text.js';
import { toActor, toMembership } from './actor.mapping.js';
import type { Actor, Membership } from './actor.type.js';

export interface ActorFilter {
  kind: ActorKind | null;
  /** A part of the name or an alias, as typed; folded here. */
  name: string | null;
}

export class ActorRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Actor | null>> {
    const rows = await this.reader.read('actors/find-actors-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toActor(row['actor'] as Props)),
    );
  }

  async list(filter: ActorFilter, window: Window): Promise<PageResult<Actor>> {
    const params = { kind: filter.kind, name: filter.name ? foldText(filter.name) : null };
    const [row] = await this.reader.read('actors/list-actors', { ...params, ...window });
    return pageFromRow(window, row, 'actors', toActor);
  }

  /** A page of the groups of each member, aligned with `memberIds`. */
  async membershipsOfMembers(memberIds: readonly string[], window: Window): Promise<Membership[][]> {
    const rows = await this.reader.read('actors/find-memberships-by-members', { ids: [...memberIds], ...window });
    return groupById(
      memberIds,
      rows,
      (row) => String((row['membership'] as Props)['memberId']),
      (row) => toMembership(row['membership'] as Props),
    );
  }

  /** A page of the members of each group, aligned with `groupIds`. */
  async membershipsOfGroups(groupIds: readonly string[], window: Window): Promise<Membership[][]> {
    const rows = await this.reader.read('actors/find-memberships-by-groups', { ids: [...groupIds], ...window });
    return groupById(
      groupIds,
      rows,
      (row) => String((row['membership'] as Props)['groupId']),
      (row) => toMembership(row['membership'] as Props),
    );
  }
}
