import { describe as suite, expect, test } from 'vitest';
import { ApiError, describe, fieldErrors, networkProblem, toProblem } from './problem';

suite('problems from the service', () => {
  test('field errors are keyed by field so each shows next to its input', () => {
    const problem = toProblem(400, {
      status: 400,
      errors: [
        { field: 'items[0].description', message: 'must not be blank' },
        { field: 'items[1].valueCents', message: 'must be at least 0' },
        { field: 'pickup.address', message: 'must not be blank' },
      ],
    });
    expect(fieldErrors(problem)).toEqual({
      'items[0].description': 'must not be blank',
      'items[1].valueCents': 'must be at least 0',
      'pickup.address': 'must not be blank',
    });
    expect(fieldErrors(problem, 'items[1].')).toEqual({ valueCents: 'must be at least 0' });
  });

  test('the first message for a field wins when the service names it twice', () => {
    const problem = toProblem(400, { errors: [{ field: 'email', message: 'first' }, { field: 'email', message: 'second' }] });
    expect(fieldErrors(problem).email).toBe('first');
  });

  test('a body that is no problem still gives its status and a plain sentence', () => {
    const problem = toProblem(502, '<html>Bad gateway</html>');
    expect(problem.status).toBe(502);
    expect(describe(new ApiError(problem))).toBe('Something went wrong on our side. Please try again in a moment.');
  });

  test('a refused request says why, in the service\'s words', () => {
    const error = new ApiError(toProblem(409, { status: 409, detail: 'This pickup window is full; choose another.' }));
    expect(describe(error)).toBe('This pickup window is full; choose another.');
    expect(error.isNetwork).toBe(false);
  });

  test('no answer at all is a network problem worth a retry', () => {
    const error = new ApiError(networkProblem());
    expect(error.isNetwork).toBe(true);
    expect(describe(error)).toMatch(/connection/);
  });
});
