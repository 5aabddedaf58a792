/**
 * Problems of an input, collected before anything is written. Every problem names its field
 * the way the client sent it ("input.evidence[0].quote"), and all problems of an input are
 * reported together in one BAD_USER_INPUT error, not just the first.
 */
import { AppError, ErrorCode } from '../errors/errors.js';

export interface FieldProblem {
  /** Where the bad value is, e.g. "input.evidence[0].sourceId". */
  field: string;
  message: string;
}

/** Collects problems; `throwIfAny` turns them into one BAD_USER_INPUT error. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw invalidInput(this.list);
  }
}

/** One error for every problem of an input: the message lists them, `problems` holds them. */
export function invalidInput(problems: FieldProblem[]): AppError {
  const [first] = problems;
  const message =
    problems.length === 1 && first
      ? `Argument "${first.field}" ${first.message}`
      : `The input has ${problems.length} problems: ${problems.map((p) => `"${p.field}" ${p.message}`).join('; ')}`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { argument: first?.field, problems });
}

/** The item a write names does not exist (NOT_FOUND, naming the argument). */
export function notFound(field: string, noun: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `Argument "${field}": there is no ${noun} with id "${id}"`, { argument: field });
}

/** The write contradicts what the graph holds: a taken id, a retracted stance (CONFLICT). */
export function conflict(field: string, message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, `Argument "${field}" ${message}`, { argument: field });
}
