import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { unshownProblem } from './problems';

describe('refusals a form cannot place at an input', () => {
  const refused = new ApiError({ status: 400, detail: 'Invalid input.', errors: [{ field: 'customer.email', message: 'must be an email' }, { field: 'notifyCustomer', message: 'is not a known field' }] });

  it('are said in a notice; those at an input are not repeated', () => {
    expect(unshownProblem(refused, field => field === 'customer.email')).toBe('notifyCustomer: is not a known field');
    expect(unshownProblem(refused, () => true)).toBeUndefined();
  });

  it('a refusal without field errors is the problem\'s sentence', () => {
    expect(unshownProblem(new ApiError({ status: 409, detail: 'The link was used.' }), () => true)).toBe('The link was used.');
    expect(unshownProblem(null, () => true)).toBeUndefined();
  });
});
