/** RFC 9457 problem details as the service sends them, and the error every API call throws. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Violation {
  sku?: string | null;
  rule: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  violations?: Violation[];
  code?: string;
  [property: string]: unknown;
}

/** A failed call: the service's problem, or status 0 when the network failed and nothing was answered. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** No answer at all (offline, connection dropped): worth a retry. */
  get isNetwork(): boolean {
    return this.problem.status === 0;
  }
}

export const networkProblem = (): Problem => ({
  status: 0,
  title: 'No connection',
  detail: 'We could not reach ReturnIt. Check your connection and try again.',
});

/** Reads a problem from any answer body; a body that is no problem still gives status and a plain message. */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const problem = body as Partial<Problem>;
    return { ...problem, status: typeof problem.status === 'number' ? problem.status : status } as Problem;
  }
  return { status, title: `HTTP ${status}`, detail: 'Something went wrong on our side. Please try again.' };
}

/**
 * The problem's field errors by field, for showing each next to its input. `prefix` narrows to one part of a form
 * ("items[0]." gives "description", "sku"...) and strips it.
 */
export function fieldErrors(problem: Problem | undefined, prefix = ''): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (error.field.startsWith(prefix)) {
      const field = error.field.slice(prefix.length);
      byField[field] ??= error.message;
    }
  }
  return byField;
}

/** What to tell a person about a failed call in one sentence. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return error.problem.detail ?? 'No connection.';
    if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
    return error.problem.detail ?? error.problem.title ?? 'The request was refused.';
  }
  return 'Something unexpected happened. Please reload the page.';
}
