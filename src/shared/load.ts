import { AppError, ErrorCode } from '../errors/errors.js';

/** Loads one related item that the graph guarantees exists (an edge's end); a gap is a bug. */
export async function loadRequired<T>(loader: { load(id: string): Promise<T | null> }, id: string, what: string): Promise<T> {
  const item = await loader.load(id);
  if (item === null) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${what} ${id} is referenced but missing`);
  return item;
}

/** Loads several items by id, dropping ids that no longer exist and rethrowing load errors. */
export async function loadExisting<T>(loader: { loadMany(ids: readonly string[]): Promise<Array<T | null | Error>> }, ids: readonly string[]): Promise<T[]> {
  const items = await loader.loadMany(ids);
  return items.filter((item): item is T => {
    if (item instanceof Error) throw item;
    return item !== null;
  });
}
