import { renew } from '../api/auth';
import { anonymous, call } from '../api/client';
import { keys, queryClient } from '../api/query';
import { merchantsQuery } from './data';

/**
 * Starts what the first page will ask the service for while the page's code is still on its way: the session (from
 * the refresh cookie, when there is one), on a tracking link the tracking data, on the booking page the shops. The pages then find both in the
 * same places they would have fetched them, so they render one round trip sooner.
 */
export function startEarly(path: string): void {
  const track = /^\/track\/([^/]+)$/.exec(path);
  if (track) {
    let token: string;
    try {
      token = decodeURIComponent(track[1]!);
    } catch {
      return; // not a token the service could have made: the page says the link is not valid
    }
    void queryClient.prefetchQuery({
      queryKey: keys.publicTracking(token),
      queryFn: () => call(anonymous.GET('/v1/public/tracking/{token}', { params: { path: { token } } })),
    });
    return;
  }
  void renew();
  if (path === '/book') void queryClient.prefetchQuery(merchantsQuery(''));
}
