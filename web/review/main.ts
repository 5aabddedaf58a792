/**
 * The review page: pick (or paste) a source, see what the coding assistant drafted from its
 * text, and accept, edit or dismiss each candidate. Accepting writes through the normal
 * curation mutations (recordStance, and createActor / createPosition for new ones) with the
 * editor token the page asks for, so every rule of the API applies (quotes verbatim, audit).
 * Keyboard: j/k next/previous, a accept, d dismiss, e edit, u show dismissed.
 */
import './review.css';

import {
  ApiError,
  type Candidate,
  createActor,
  createPosition,
  createSource,
  findActorId,
  listSourcesWithText,
  loadSource,
  loadVocabulary,
  recordOrAddSource,
  recordTarget,
  setToken,
  type SourceView,
  type Vocabulary,
} from './api';
import { renderText, type Span } from './text-view';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const KINDS = ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'];
const ACTOR_KINDS = ['PERSON', 'DELEGATION', 'STATE', 'ORGANIZATION'];
const POSITION_TYPES = ['PROPOSAL', 'DEMAND', 'CONCESSION'];
const TOPICS = [
  'CEASEFIRE',
  'PRISONERS_AND_REMAINS',
  'TERRITORY',
  'WITHDRAWAL_DEMILITARIZATION',
  'SECURITY_GUARANTEES_ALIGNMENT',
  'SANCTIONS_ECONOMIC',
  'HUMANITARIAN_CIVILIANS',
  'CHILDREN',
  'GOVERNANCE_ELECTIONS',
  'ACCOUNTABILITY_JUSTICE',
  'PROCESS_FORMAT',
  'IMPLEMENTATION_MONITORING',
];
const NEW = '__new__';

interface State {
  vocabulary: Vocabulary;
  source: SourceView | null;
  selected: number;
  dismissed: Set<string>;
  accepted: Map<string, string>;
  showDismissed: boolean;
}
const state: State = {
  vocabulary: { actors: [], positions: [], meetings: [] },
  source: null,
  selected: -1,
  dismissed: new Set(),
  accepted: new Map(),
  showDismissed: false,
};

/** For tests: what the page shows and did. */
declare global {
  interface Window {
    __review?: { candidates: number; accepted: string[]; ready: boolean };
  }
}
const probe = { candidates: 0, accepted: [] as string[], ready: false };
window.__review = probe;

function status(message: string, error = false): void {
  const el = $('status');
  el.textContent = message;
  el.classList.toggle('error', error);
}

function fill(select: HTMLSelectElement, options: Array<{ id: string; label: string }>, value: string | null): void {
  select.replaceChildren(...options.map((o) => new Option(o.label, o.id, false, o.id === value)));
  if (value !== null) select.value = value;
}

const visible = (): Candidate[] => (state.source?.candidates ?? []).filter((c) => state.showDismissed || !state.dismissed.has(c.id));
const current = (): Candidate | undefined => visible()[state.selected];

function render(): void {
  const source = state.source;
  if (!source) return;
  const spans: Span[] = [
    ...source.accepted
      .filter((a) => a.start !== null && a.end !== null)
      .map((a) => ({ start: a.start as number, end: a.end as number, candidateId: null, className: 'accepted', title: `Accepted: ${a.label}` })),
    ...visible().map((c) => ({
      start: c.start,
      end: c.end,
      candidateId: c.id,
      className: c.id === current()?.id ? 'selected' : state.accepted.has(c.id) || source.accepted.some((a) => a.start === c.start) ? 'accepted' : '',
      title: `${c.actor.name} ${c.kind} (${c.cue})`,
    })),
  ];
  renderText($('text'), source.text, spans, (id) => select(visible().findIndex((c) => c.id === id)));
  const list = $('candidates');
  list.replaceChildren(
    ...visible().map((c, i) => {
      const item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === state.selected));
      item.className = state.accepted.has(c.id) ? 'accepted' : state.dismissed.has(c.id) ? 'dismissed' : '';
      item.dataset['candidate'] = c.id;
      item.innerHTML = `<span class="confidence"></span><span class="kind"></span> <span class="actor"></span><br><small class="position"></small>`;
      (item.querySelector('.confidence') as HTMLElement).textContent = c.confidence.toFixed(2);
      (item.querySelector('.kind') as HTMLElement).textContent = c.kind;
      (item.querySelector('.actor') as HTMLElement).textContent = c.actor.name + (c.actor.actorId ? '' : ' (new)');
      (item.querySelector('.position') as HTMLElement).textContent = c.positions[0]?.position.title ?? `new: ${c.suggestedPosition.title}`;
      item.addEventListener('click', () => select(i));
      return item;
    }),
  );
  probe.candidates = visible().length;
  renderEditor();
}

function renderEditor(): void {
  const c = current();
  const form = $<HTMLFormElement>('editor');
  form.hidden = !c;
  if (!c) return;
  $('editor-title').textContent = `Candidate ${state.selected + 1} of ${visible().length}${state.accepted.has(c.id) ? ' · accepted' : ''}`;
  fill(
    $<HTMLSelectElement>('edit-kind'),
    KINDS.map((k) => ({ id: k, label: k })),
    c.kind,
  );
  const actorOptions = [...state.vocabulary.actors, { id: NEW, label: '+ New actor…' }];
  fill($<HTMLSelectElement>('edit-actor'), actorOptions, c.actor.actorId ?? NEW);
  $<HTMLInputElement>('edit-actor-name').value = c.actor.actorId ? '' : c.actor.name;
  fill(
    $<HTMLSelectElement>('edit-actor-kind'),
    ACTOR_KINDS.map((k) => ({ id: k, label: k })),
    c.actor.suggestedKind ?? 'PERSON',
  );
  const matched = c.positions.map((p) => ({ id: p.position.id, label: `${p.position.title} (${p.score.toFixed(1)})` }));
  const others = state.vocabulary.positions.filter((p) => !matched.some((m) => m.id === p.id));
  fill(
    $<HTMLSelectElement>('edit-position'),
    [...matched, { id: NEW, label: '+ New position…' }, ...others],
    c.suggestedPosition.isLikelyNew || matched.length === 0 ? NEW : (matched[0]?.id ?? NEW),
  );
  $<HTMLInputElement>('edit-position-title').value = c.suggestedPosition.title;
  fill(
    $<HTMLSelectElement>('edit-position-type'),
    POSITION_TYPES.map((t) => ({ id: t, label: t })),
    c.suggestedPosition.type,
  );
  fill(
    $<HTMLSelectElement>('edit-position-topic'),
    TOPICS.map((t) => ({ id: t, label: t })),
    'PROCESS_FORMAT',
  );
  $<HTMLInputElement>('edit-targets').value = c.targets.map((t) => t.name).join(', ');
  fill($<HTMLSelectElement>('edit-meeting'), [{ id: '', label: '(no meeting)' }, ...state.vocabulary.meetings], c.meeting?.id ?? '');
  $<HTMLInputElement>('edit-date').value = c.date ?? '';
  $('edit-quote').textContent = `“${c.quote}”`;
  $('edit-why').textContent =
    `Cue “${c.cue}”, actor found by ${c.attribution} (${c.actor.matchedBy}); confidence ${c.confidence.toFixed(2)}; PLOVER ${c.plover.event ?? '—'}, CAMEO ${c.cameo ?? '—'}.`;
  toggleNewFields();
}

function toggleNewFields(): void {
  $('new-actor').hidden = $<HTMLSelectElement>('edit-actor').value !== NEW;
  $('new-position').hidden = $<HTMLSelectElement>('edit-position').value !== NEW;
}

function select(index: number): void {
  const count = visible().length;
  if (count === 0) return;
  state.selected = Math.max(0, Math.min(count - 1, index));
  render();
  document.querySelector(`mark[data-candidate="${current()?.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function accept(): Promise<void> {
  const c = current();
  const source = state.source;
  if (!c || !source) return;
  if (!$<HTMLInputElement>('token').value.trim()) {
    status('Accepting writes to the graph: enter an editor token first.', true);
    $('token').focus();
    return;
  }
  const evidence = [{ sourceId: source.id, quote: c.quote }];
  try {
    status('Saving…');
    let actorId = $<HTMLSelectElement>('edit-actor').value;
    if (actorId === NEW)
      actorId = await createActor({ name: $<HTMLInputElement>('edit-actor-name').value.trim(), kind: $<HTMLSelectElement>('edit-actor-kind').value, evidence });
    let positionId = $<HTMLSelectElement>('edit-position').value;
    if (positionId === NEW) {
      positionId = await createPosition({
        title: $<HTMLInputElement>('edit-position-title').value.trim(),
        type: $<HTMLSelectElement>('edit-position-type').value,
        topics: [$<HTMLSelectElement>('edit-position-topic').value],
        evidence,
      });
    }
    const kind = $<HTMLSelectElement>('edit-kind').value;
    const edited = kind !== c.kind;
    const stanceId = await recordOrAddSource({
      kind,
      actorId,
      positionId,
      meetingId: $<HTMLSelectElement>('edit-meeting').value || null,
      date: $<HTMLInputElement>('edit-date').value || null,
      // The suggested codes follow the drafted kind; a changed kind leaves them to the analyst.
      plover: edited ? null : c.plover,
      cameo: edited ? null : c.cameo,
      evidence,
    });
    // Targets: the actors the stance is addressed to, by name (the drafted ones, or as edited).
    const unknownTargets: string[] = [];
    for (const name of $<HTMLInputElement>('edit-targets')
      .value.split(',')
      .map((n) => n.trim())
      .filter(Boolean)) {
      const targetId = c.targets.find((t) => t.name === name)?.actorId ?? (await findActorId(name));
      if (!targetId) unknownTargets.push(name);
      else if (targetId !== actorId) await recordTarget(stanceId, targetId, evidence);
    }
    state.accepted.set(c.id, stanceId);
    // A new actor or position is offered for the next candidates too.
    state.vocabulary = await loadVocabulary();
    status(`Accepted: ${stanceId}${unknownTargets.length > 0 ? ` (no actor named ${unknownTargets.join(', ')}: not recorded as a target)` : ''}`);
    select(state.selected + 1);
    probe.accepted.push(stanceId);
  } catch (error) {
    status(error instanceof Error ? error.message : String(error), true);
  }
}

function dismiss(): void {
  const c = current();
  if (!c) return;
  state.dismissed.add(c.id);
  status(`Dismissed: ${c.actor.name} ${c.kind}`);
  if (state.selected >= visible().length) state.selected = visible().length - 1;
  render();
}

async function openSource(id: string): Promise<void> {
  if (!id) return;
  probe.ready = false;
  status('Reading the source and drafting…');
  try {
    state.source = await loadSource(id);
    state.selected = state.source.candidates.length > 0 ? 0 : -1;
    state.dismissed = new Set();
    state.accepted = new Map();
    history.replaceState(null, '', `/review?source=${encodeURIComponent(id)}`);
    render();
    status(`${state.source.candidates.length} candidates in “${state.source.title}”; ${state.source.accepted.length} quotes already accepted.`);
    probe.ready = true;
  } catch (error) {
    status(error instanceof Error ? error.message : String(error), true);
  }
}

async function pasteReport(event: Event): Promise<void> {
  event.preventDefault();
  const text = $<HTMLTextAreaElement>('paste-text').value;
  const firstLine =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'Untitled report';
  try {
    const id = await createSource({
      publisher: $<HTMLInputElement>('paste-publisher').value.trim(),
      publishedAt: $<HTMLInputElement>('paste-published').value || null,
      title: $<HTMLInputElement>('paste-title').value.trim() || firstLine.slice(0, 300),
      url: $<HTMLInputElement>('paste-url').value.trim() || null,
      language: 'en',
      text,
    });
    $('paste-form').hidden = true;
    await refreshSources(id);
    await openSource(id);
  } catch (error) {
    status(
      error instanceof ApiError && error.code === 'UNAUTHENTICATED'
        ? 'Storing a source needs an editor token.'
        : error instanceof Error
          ? error.message
          : String(error),
      true,
    );
  }
}

async function refreshSources(selected: string | null): Promise<void> {
  const sources = await listSourcesWithText();
  fill($<HTMLSelectElement>('source-picker'), [{ id: '', label: 'Pick a source with text…' }, ...sources], selected ?? '');
}

function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || event.ctrlKey || event.metaKey || event.altKey) return;
  const actions: Record<string, () => void> = {
    j: () => select(state.selected + 1),
    ArrowDown: () => select(state.selected + 1),
    k: () => select(state.selected - 1),
    ArrowUp: () => select(state.selected - 1),
    a: () => void accept(),
    d: dismiss,
    e: () => $('edit-kind').focus(),
    u: () => {
      state.showDismissed = !state.showDismissed;
      render();
    },
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}

async function start(): Promise<void> {
  const token = $<HTMLInputElement>('token');
  token.value = sessionStorage.getItem('review-token') ?? '';
  setToken(token.value);
  token.addEventListener('input', () => {
    setToken(token.value);
    sessionStorage.setItem('review-token', token.value);
  });
  $('source-picker').addEventListener('change', (e) => void openSource((e.target as HTMLSelectElement).value));
  $('paste-open').addEventListener('click', () => {
    $('paste-form').hidden = false;
    $('paste-publisher').focus();
  });
  $('paste-cancel').addEventListener('click', () => ($('paste-form').hidden = true));
  $('paste-form').addEventListener('submit', (e) => void pasteReport(e));
  $('editor').addEventListener('submit', (e) => {
    e.preventDefault();
    void accept();
  });
  $('dismiss').addEventListener('click', dismiss);
  $('edit-actor').addEventListener('change', toggleNewFields);
  $('edit-position').addEventListener('change', toggleNewFields);
  document.addEventListener('keydown', onKey);
  try {
    state.vocabulary = await loadVocabulary();
    const wanted = new URLSearchParams(location.search).get('source');
    await refreshSources(wanted);
    if (wanted) await openSource(wanted);
    else status('Pick a source, or paste a report.');
  } catch (error) {
    status(error instanceof Error ? error.message : String(error), true);
  }
}

void start();
