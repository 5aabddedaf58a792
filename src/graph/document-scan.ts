/**
 * A look at a GraphQL document before it is parsed: its tokens, fragment definitions and how
 * deeply its brackets nest. graphql-js parses recursively, so 20,000 nested `[` or `{` overflow the stack, and a
 * document of a million tokens takes the parser and the validator a long time; both are
 * refused from this one linear pass of graphql's own lexer, which allocates no tree.
 */
import { Lexer, Source, TokenKind } from 'graphql';

export interface DocumentScan {
  /** Tokens read; stops counting one past `maxTokens`. */
  tokens: number;
  /** Deepest nesting of `{`, `[` and `(`. */
  nesting: number;
  /** Fragment definitions (`fragment` at the top level): validation time grows faster than their number. */
  fragments: number;
  /** True when the scan stopped early because a bound was passed. */
  stoppedEarly: boolean;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Counts tokens and nesting, stopping as soon as either passes its bound. A lexical error
 * ends the scan quietly: the parser reports it properly right after.
 */
export function scanDocument(text: string, bounds: { maxTokens: number; maxNesting: number; maxFragments: number }): DocumentScan {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let open = 0;
  let nesting = 0;
  let fragments = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (OPENING.has(token.kind)) nesting = Math.max(nesting, ++open);
      else if (CLOSING.has(token.kind)) open -= 1;
      else if (open === 0 && token.kind === TokenKind.NAME && token.value === 'fragment') fragments += 1;
      if (tokens > bounds.maxTokens || nesting > bounds.maxNesting || fragments > bounds.maxFragments)
        return { tokens, nesting, fragments, stoppedEarly: true };
    }
  } catch {
    // A syntax error: leave it to the parser, which says where it is.
  }
  return { tokens, nesting, fragments, stoppedEarly: false };
}
