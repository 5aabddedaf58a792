/**
 * Draws the source text with marks: drafted candidates (clickable, the selected one
 * stronger) and quotes already accepted as evidence. Marks never overlap: where spans do, the
 * earlier one wins (a candidate before accepted evidence at the same place), and a hidden
 * candidate is still reachable from the list.
 */
export interface Span {
  start: number;
  end: number;
  /** Candidate id, or null for accepted evidence. */
  candidateId: string | null;
  className: string;
  title: string;
}

export function renderText(container: HTMLElement, text: string, spans: readonly Span[], onPick: (candidateId: string) => void): void {
  container.replaceChildren();
  const ordered = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || (a.candidateId ? -1 : 1));
  let at = 0;
  for (const span of ordered) {
    if (span.start < at) continue;
    container.append(document.createTextNode(text.slice(at, span.start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(span.start, span.end);
    mark.className = span.className;
    mark.title = span.title;
    if (span.candidateId) {
      const id = span.candidateId;
      mark.dataset['candidate'] = id;
      mark.addEventListener('click', () => onPick(id));
    }
    container.append(mark);
    at = span.end;
  }
  container.append(document.createTextNode(text.slice(at)));
}
