/**
 * Progress lines for long imports: what is being done, how far, how fast (items/s) and how
 * long it should still take. Lines are rate-limited so a million items do not print a million
 * lines.
 */
export type ProgressSink = (line: string) => void;

export class Meter {
  private readonly started = Date.now();
  private lastLine = Date.now();

  constructor(
    private readonly sink: ProgressSink,
    private readonly label: string,
    private readonly everyMs = 2000,
  ) {}

  /** Reports `done` items; `fraction` (0..1) of the whole when known, for the ETA. */
  tick(done: number, fraction?: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastLine < this.everyMs) return;
    this.lastLine = now;
    this.sink(`  ${this.label}: ${describeRate(done, now - this.started, fraction)}`);
  }
}

export function describeRate(done: number, elapsedMs: number, fraction?: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = done / seconds;
  const parts = [`${done.toLocaleString('en')} items`, `${Math.round(rate).toLocaleString('en')} items/s`, `${seconds.toFixed(1)} s`];
  if (fraction !== undefined && fraction > 0 && fraction < 1) {
    parts.push(`${Math.round(fraction * 100)}%`, `ETA ${formatDuration((seconds / fraction) * (1 - fraction))}`);
  }
  return parts.join(', ');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
