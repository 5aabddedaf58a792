/**
 * The import report, accumulated batch by batch: counts for everything, item labels only up to
 * a limit per section (a million created ids are not a report anyone reads, and they would
 * not fit in memory or a response).
 */
import { reportedFields, SECTIONS, type SectionName } from './import.plan.js';
import type { ImportReport, ImportSection } from './import.type.js';
import type { PlannedRow } from './batch-plan.js';

interface SectionTally {
  created: string[];
  createdCount: number;
  updated: Array<{ item: string; fields: string[] }>;
  updatedCount: number;
  unchanged: number;
}

export class ReportBuilder {
  private readonly sections = new Map<SectionName, SectionTally>();

  constructor(private readonly listLimit: number) {}

  private tally(section: SectionName): SectionTally {
    let tally = this.sections.get(section);
    if (!tally) {
      tally = { created: [], createdCount: 0, updated: [], updatedCount: 0, unchanged: 0 };
      this.sections.set(section, tally);
    }
    return tally;
  }

  add(section: SectionName, items: readonly PlannedRow[]): void {
    const tally = this.tally(section);
    for (const item of items) {
      if (item.status === 'create') {
        tally.createdCount += 1;
        if (tally.created.length < this.listLimit) tally.created.push(item.label);
      } else if (item.status === 'update') {
        tally.updatedCount += 1;
        if (tally.updated.length < this.listLimit) tally.updated.push({ item: item.label, fields: reportedFields(item.changed) });
      } else tally.unchanged += 1;
    }
  }

  /** Items a plan counted as new or changed that turned out unchanged when applied. */
  addUnchanged(section: SectionName, count: number): void {
    this.tally(section).unchanged += count;
  }

  get changes(): number {
    return [...this.sections.values()].reduce((sum, t) => sum + t.createdCount + t.updatedCount, 0);
  }

  build(dryRun: boolean, datasets: string[]): ImportReport & { sectionCounts: Array<{ section: string; created: number; updated: number }> } {
    const ordered = SECTIONS.filter((s) => this.sections.has(s)).map((s) => [s, this.sections.get(s) as SectionTally] as const);
    const sections: ImportSection[] = ordered
      .filter(([, t]) => t.createdCount + t.updatedCount + t.unchanged > 0)
      .map(([section, t]) => ({ section, created: t.created, updated: t.updated, unchanged: t.unchanged }));
    return {
      dryRun,
      datasets,
      created: ordered.reduce((n, [, t]) => n + t.createdCount, 0),
      updated: ordered.reduce((n, [, t]) => n + t.updatedCount, 0),
      unchanged: ordered.reduce((n, [, t]) => n + t.unchanged, 0),
      sections,
      sectionCounts: ordered.map(([section, t]) => ({ section, created: t.createdCount, updated: t.updatedCount })),
    };
  }
}
