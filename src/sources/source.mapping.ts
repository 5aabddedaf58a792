/** Rows of the source queries to Source records. Pure functions, unit tested without a database. */
import { type Props, str } from '../shared/row-values.js';
import type { Source } from './source.type.js';

export function toSource(p: Props): Source {
  return {
    id: String(p['id']),
    publisher: String(p['publisher']),
    title: String(p['title']),
    publishedAt: str(p['publishedAt']),
    language: str(p['language']),
    url: str(p['url']),
    text: str(p['text']),
    sha256: str(p['sha256']),
    retrievedAt: str(p['retrievedAt']),
  };
}

/** A fact cites a source id that has no Source node: show the id rather than fail the request. */
export function missingSource(id: string): Source {
  return { id, publisher: '(unknown source)', title: id, publishedAt: null, language: null, url: null, text: null, sha256: null, retrievedAt: null };
}
