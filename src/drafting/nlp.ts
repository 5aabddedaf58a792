/**
 * The language layer of the drafting assistant, on wink-nlp and its English "lite" model
 * (both npm packages; the model ships inside its package, so nothing is downloaded at run
 * time). It gives sentences, tokens with part of speech and lemma, and DATE entities, each
 * with character offsets into the original text, so quotes can be cut from the text verbatim.
 */
import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Offsets into the original text (UTF-16 code units). */
  start: number;
  end: number;
  /** The token as written in the original text. */
  value: string;
  /** Lower case, accents folded. */
  normal: string;
  lemma: string;
  pos: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** DATE entities in the sentence, as written (e.g. "June 2", "May 16"). */
  dates: string[];
}

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | undefined;

/** The model is loaded once, on first use (about a second), and kept. */
function nlp(): Nlp {
  loaded ??= winkNLP(model);
  return loaded;
}

/**
 * The model's tokenizer splits words at letters it does not know (it cuts "Erdoğan" into
 * three). The text it reads has such letters folded to their base letter, one code unit for
 * one, so every offset still points into the original text.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    const folded = base === 'ı' ? 'i' : base;
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/** Text is read in pieces of about this many characters, cut at line breaks. */
const CHUNK_CHARS = 2000;

/**
 * Like `analyse`, but reads the text a few paragraphs at a time and lets the event loop run
 * between pieces, so a long report never holds up other requests for more than one piece.
 * Sentences never span a line break, so cutting at line breaks changes nothing.
 */
export async function analyseInPieces(text: string): Promise<Sentence[]> {
  const sentences: Sentence[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK_CHARS);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut + 1 : text.indexOf('\n', to) < 0 ? text.length : text.indexOf('\n', to) + 1;
    }
    const offset = from;
    for (const s of analyse(text.slice(from, to))) {
      sentences.push({
        ...s,
        start: s.start + offset,
        end: s.end + offset,
        tokens: s.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })),
      });
    }
    from = to;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return sentences;
}

/**
 * Sentences of a text. A line break always ends a sentence (a quote never spans one, and a
 * headline is not part of the next paragraph).
 */
export function analyse(text: string): Sentence[] {
  const { its } = nlp();
  const doc = nlp().readDoc(foldSameLength(text));
  const sentences: Sentence[] = [];
  let offset = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    let current: Token[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const first = current[0] as Token;
      const last = current[current.length - 1] as Token;
      sentences.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), tokens: current, dates: [] });
      current = [];
    };
    sentence.tokens().each((token: ItemToken) => {
      const spaces = token.out(its.precedingSpaces);
      const value = token.out(its.value);
      const start = offset + spaces.length;
      offset = start + value.length;
      if (spaces.includes('\n')) flush();
      if (token.out(its.type) === 'tabCRLF' || value.trim().length === 0) {
        if (value.includes('\n')) flush();
        return;
      }
      const read = (helper: unknown) => String(token.out(helper as ItsFunction<string>));
      current.push({ start, end: offset, value: text.slice(start, offset), normal: read(its.normal), lemma: read(its.lemma), pos: read(its.pos) });
    });
    flush();
  });
  const dates: Array<{ value: string; start: number }> = [];
  let from = 0;
  const read = doc.out();
  doc.entities().each((entity: ItemEntity) => {
    const detail = entity.out(its.detail) as { value: string; type: string };
    if (detail.type !== 'DATE') return;
    const at = read.indexOf(detail.value, from);
    if (at >= 0) {
      dates.push({ value: text.slice(at, at + detail.value.length), start: at });
      from = at + detail.value.length;
    }
  });
  for (const date of dates) sentences.find((s) => s.start <= date.start && date.start < s.end)?.dates.push(date.value);
  return sentences;
}
