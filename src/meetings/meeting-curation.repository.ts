/** The meeting writes: a new meeting (cypher/meetings/create-meeting), and a changed one stored as the seed loader stores it. */
import type { QueryRunner } from '../db/executor.js';
import type { SeedMeeting } from '../shared/seed-format.js';
import { mergeItems, meetingRow } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import { insertNode, type Stamp } from '../write/write.repository.js';

export const insertMeeting = (run: QueryRunner, meeting: SeedMeeting, stamp: Stamp): Promise<Props> =>
  insertNode(run, 'meetings/create-meeting', meetingRow(meeting), stamp);

export const saveMeeting = (run: QueryRunner, meeting: SeedMeeting, stamp: Stamp): Promise<void> => mergeItems(run, { meetings: [meeting] }, stamp);
