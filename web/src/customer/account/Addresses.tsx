import { useMutation } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import { Button } from '../../ui/Button';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { useSavedAddresses } from '../data';

/** Saved pickup addresses (added while booking), and removing them. */
export default function Addresses() {
  const addresses = useSavedAddresses(true);
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/customers/me/addresses/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.addresses }),
  });
  return (
    <section className="stack" aria-labelledby="addresses-title">
      <h2 id="addresses-title">Saved addresses</h2>
      {addresses.isPending && <Loading />}
      {addresses.error && <ErrorState error={addresses.error} retry={() => void addresses.refetch()} />}
      {addresses.data?.data.length === 0 && <Empty title="No saved addresses.">Tick “Save this address” when you book, and it shows here.</Empty>}
      {remove.error && <Notice tone="error">{describe(remove.error)}</Notice>}
      {(addresses.data?.data.length ?? 0) > 0 && (
        <ul className="list card" data-testid="addresses">
          {addresses.data!.data.map(place => (
            <li key={place.id} className="row row--between">
              <span><strong>{place.label ?? 'Address'}</strong><br /><span className="small">{place.address}</span></span>
              <Button variant="link" busy={remove.isPending && remove.variables === place.id} onClick={() => remove.mutate(place.id)}
                aria-label={`Remove ${place.address}`}>Remove</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
