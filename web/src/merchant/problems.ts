import { ApiError, describe } from '../api/problem';

/**
 * What to say about a failed form submission beyond the fields the form shows next to its inputs: the problem's
 * sentence and the messages of fields it has no input for (so no refusal is ever silent). Undefined when every
 * error is already shown at its field.
 */
export function unshownProblem(error: unknown, shown: (field: string) => boolean): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return describe(error);
  const errors = error.problem.errors ?? [];
  if (errors.length === 0) return describe(error);
  const others = errors.filter(e => !shown(e.field));
  if (others.length === 0) return undefined;
  return others.map(e => `${e.field}: ${e.message}`).join('; ');
}
