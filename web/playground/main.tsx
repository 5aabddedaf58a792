/**
 * The playground: GraphiQL bundled from npm (no CDN), with the schema docs explorer and an
 * "Examples" panel that opens each operation of examples/operations.graphql in a new tab and
 * runs it, in one click. The examples come from the server (GET /playground/examples.json),
 * which reads the same file the integration tests run, so they cannot silently rot.
 */
import 'graphiql/graphiql.css';
import './playground.css';

import { type GraphiQLPlugin, useEditorContext, useExecutionContext } from '@graphiql/react';
import type { FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { type ExecutionResult, getOperationAST } from 'graphql';
import { createClient } from 'graphql-ws';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

import { postGraphQL } from '../shared/graphql-client';
import { type ExampleOperation, fetchExamples } from './examples';

/** What the browser test (and a curious developer) can read from the console. */
interface PlaygroundProbe {
  examples: ExampleOperation[];
  lastResponse: unknown;
  responses: number;
}
declare global {
  interface Window {
    __playground?: PlaygroundProbe;
  }
}
const probe: PlaygroundProbe = { examples: [], lastResponse: null, responses: 0 };
window.__playground = probe;

/**
 * A subscription runs over WebSocket (graphql-ws) on the same /graphql path; each result is
 * shown as it arrives, until the user stops it. The Authorization header from the headers tab
 * goes along in the connection's first message.
 */
function subscribeOverWebSocket(
  params: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  headers: Record<string, string>,
) {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const authorization = headers['authorization'] ?? headers['Authorization'];
  const client = createClient({ url, connectionParams: authorization ? { authorization } : {}, retryAttempts: 3 });
  const results = client.iterate({ query: params.query, variables: params.variables ?? {}, operationName: params.operationName ?? null });
  return {
    [Symbol.asyncIterator]() {
      return {
        async next() {
          const step = await results.next();
          if (!step.done) {
            probe.lastResponse = step.value;
            probe.responses += 1;
          } else void client.dispose();
          return step;
        },
        async return() {
          await results.return?.();
          void client.dispose();
          return { done: true as const, value: undefined };
        },
      };
    },
  };
}

const postOperation = async (params: FetcherParams, options?: FetcherOpts): Promise<ExecutionResult> => {
  const result = await postGraphQL(
    { query: params.query, variables: params.variables, operationName: params.operationName },
    (options?.headers ?? {}) as Record<string, string>,
  );
  // The schema introspection is not an answer the user asked for.
  if (params.operationName !== 'IntrospectionQuery') {
    probe.lastResponse = result;
    probe.responses += 1;
  }
  // The answer as sent (plain error objects), which is what GraphiQL renders; ExecutionResult
  // names the error class instead.
  return result as ExecutionResult;
};

/** Queries and mutations go over HTTP POST; subscriptions over WebSocket. */
const fetcher: GraphiQLProps['fetcher'] = (params, options) => {
  const operation = options?.documentAST ? getOperationAST(options.documentAST, params.operationName ?? undefined) : null;
  if (operation?.operation !== 'subscription') return postOperation(params, options);
  // graphql-ws yields results as sent over the wire (plain error objects), which is what
  // GraphiQL renders; its type names the error class instead.
  return subscribeOverWebSocket(params, (options?.headers ?? {}) as Record<string, string>) as unknown as AsyncIterable<ExecutionResult>;
};

function ExamplesIcon() {
  return (
    <svg height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
      <path d="M5 4h14v16H5z" />
      <path d="M8 8h8M8 12h8M8 16h5" />
    </svg>
  );
}

/**
 * Fills the query editor with an example and resolves once GraphiQL has parsed it (after its
 * 100 ms debounce), or with false after `timeoutMs`. A new tab may still be switching in when
 * the example is first set, and the switch puts the tab's default text back in the editor (on
 * a busy machine the example then ran as GraphiQL's welcome comments): set it again until it
 * stays.
 */
function whenFilled(fill: () => boolean, parsed: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const tick = () => {
      if (fill() && parsed()) resolve(true);
      else if (Date.now() - started > timeoutMs) resolve(false);
      else setTimeout(tick, 25);
    };
    tick();
  });
}

function ExamplesPanel({ examples, error }: { examples: ExampleOperation[]; error: string | null }) {
  const editor = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  // The handlers below outlive the render they were created in; read the latest context.
  const latest = useRef({ editor, execution });
  latest.current = { editor, execution };
  // The example to fill in once the tab switch below has rendered.
  const pending = useRef<ExampleOperation | null>(null);
  const [opened, setOpened] = useState(0);

  const open = useCallback((example: ExampleOperation) => {
    const { tabs, changeTab, addTab } = latest.current.editor;
    const index = tabs.findIndex((tab) => tab.query?.trim() === example.query.trim());
    if (index >= 0) changeTab(index);
    else addTab();
    pending.current = example;
    setOpened((n) => n + 1);
  }, []);

  // After the tab switch has rendered: fill the editors, wait for GraphiQL to parse, run.
  useEffect(() => {
    const example = pending.current;
    const { queryEditor, variableEditor } = latest.current.editor;
    if (!example || !queryEditor) return;
    pending.current = null;
    if (queryEditor.getValue().trim() !== example.query.trim()) variableEditor?.setValue('');
    // True once the editor holds the example (setting it again if a tab switch replaced it).
    const fill = () => {
      const current = latest.current.editor.queryEditor;
      if (!current) return false;
      if (current.getValue().trim() === example.query.trim()) return true;
      current.setValue(example.query);
      return false;
    };
    const parsed = () => latest.current.editor.queryEditor?.operationName === example.name;
    // Never runs anything but the example: if it does not take, the editor shows what is there.
    void whenFilled(fill, parsed).then((filled) => (filled ? latest.current.execution.run() : undefined));
  }, [opened, editor.activeTabIndex, editor.tabs.length]);

  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="examples-intro">
        Ready operations from <code>examples/operations.graphql</code>. Click one to open it in a new tab and run it; the tests run the same file.
      </p>
      {error ? <p className="examples-error">Could not load the examples: {error}</p> : null}
      <ul className="examples-list">
        {examples.map((example) => (
          <li key={example.name}>
            <button type="button" className="examples-item" data-operation={example.name} onClick={() => open(example)}>
              <span className="examples-title">{example.title}</span>
              {example.description ? <span className="examples-description">{example.description}</span> : null}
              <span className="examples-name">{example.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Playground({ examples, error }: { examples: ExampleOperation[]; error: string | null }) {
  // One plugin object for the page's lifetime: GraphiQL tells plugins apart by identity.
  const [plugin] = useState<GraphiQLPlugin>(() => ({
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExamplesPanel examples={examples} error={error} />,
  }));
  const first = examples[0];
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[plugin]}
      visiblePlugin={plugin}
      defaultTabs={first ? [{ query: first.query }] : undefined}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <a className="brand" href="/playground" title="Negotiation graph: GraphQL playground">
          Negotiation graph
        </a>
        <a className="nav-link" href="/explore">
          Graph view →
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

/** Loads the examples first, so GraphiQL starts with them in place (its tabs are set once, at mount). */
async function start(root: HTMLElement): Promise<void> {
  let examples: ExampleOperation[] = [];
  let error: string | null = null;
  try {
    examples = await fetchExamples();
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  probe.examples = examples;
  document.body.dataset['examples'] = String(examples.length);
  createRoot(root).render(<Playground examples={examples} error={error} />);
}

const root = document.getElementById('playground');
if (!root) throw new Error('#playground is missing from the page');
void start(root);
