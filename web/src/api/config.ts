import { useQuery } from '@tanstack/react-query';
import { anonymous, call } from './client';
import { keys } from './query';

/** What the service tells the app at start: map tiles, address search, payment provider, demo logins. */
export function useWebConfig() {
  return useQuery({
    queryKey: keys.config,
    queryFn: () => call(anonymous.GET('/v1/public/web-config')),
    staleTime: Infinity,
  });
}
