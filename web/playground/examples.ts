/** The example operations, as GET /playground/examples.json serves them (see src/web/example-operations.ts). */
export interface ExampleOperation {
  /** The operation name, e.g. "WhoRejectedWhat". */
  name: string;
  /** First comment line above the operation. */
  title: string;
  /** The other comment lines above it. */
  description: string;
  /** The operation with its comments and the fragments it uses: one runnable document. */
  query: string;
}

export const EXAMPLES_URL = '/playground/examples.json';

export async function fetchExamples(): Promise<ExampleOperation[]> {
  const response = await fetch(EXAMPLES_URL, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${EXAMPLES_URL} answered HTTP ${response.status}`);
  const body = (await response.json()) as { examples: ExampleOperation[] };
  return body.examples;
}
