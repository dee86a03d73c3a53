import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { keys } from './query';

/**
 * The feature flags evaluated for the caller (GET /v1/flags/evaluated): the service decides who is in a rollout, so a
 * page feature is released by percentage, role or merchant without a new build. Read again every minute; an unknown
 * flag, a load still running or a failed load all read as off, so a feature stays hidden rather than half shown.
 */
export function useFlags(): Record<string, boolean> {
  const evaluated = useQuery({
    queryKey: keys.flags,
    queryFn: () => call(api.GET('/v1/flags/evaluated')),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
  return evaluated.data?.flags ?? {};
}

/** One flag for the caller: true only when the service says it is on. */
export function useFlag(key: string): boolean {
  return useFlags()[key] === true;
}
