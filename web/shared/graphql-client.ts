/**
 * The one way the pages talk to the API: POST /graphql with a JSON body, same origin.
 * `Content-Type: application/json` makes it a preflighted request in CORS terms, which is
 * exactly what Apollo's CSRF prevention asks for, so no extra header is needed.
 */
export const GRAPHQL_ENDPOINT = '/graphql';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** Sends one operation and returns the response body as the server sent it, errors included. */
export async function postGraphQL<T = unknown>(request: GraphQLRequest, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(request),
    credentials: 'same-origin',
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

/** Like postGraphQL, but throws on any error: for pages that need the data to draw anything. */
export async function queryGraphQL<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await postGraphQL<T>({ query, variables });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  if (!result.data) throw new Error('The API returned no data');
  return result.data;
}
