/**
 * How deeply a JSON value nests, measured without recursion. JSON.parse builds a value 20,000
 * arrays deep without trouble, but everything after it that walks the value recursively
 * (argument coercion, JSON.stringify, parameter conversion, schema validation) overflows the
 * stack; a bound checked here, before any of them, keeps such input a clear client error.
 */

/** True when `value` nests objects or arrays more than `maxDepth` deep; stops at the first such path. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const inner of Object.values(next.value)) {
      if (inner !== null && typeof inner === 'object') pending.push({ value: inner, depth });
    }
  }
  return false;
}
