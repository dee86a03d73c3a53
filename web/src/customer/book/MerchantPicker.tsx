import { useId, useState } from 'react';
import { TextField } from '../../ui/Field';
import { ErrorState } from '../../ui/States';
import { useMerchants } from '../data';
import type { DraftMerchant } from './draft';

/** Finds the shop in ReturnIt's public directory and picks it. */
export function MerchantPicker({ chosen, onChoose, error }: { chosen?: DraftMerchant; onChoose: (merchant: DraftMerchant) => void; error?: string }) {
  const [query, setQuery] = useState('');
  const merchants = useMerchants(query);
  const listId = useId();
  return (
    <div className="stack">
      <TextField id="merchant-search" label="Which shop are you returning to?" type="search" value={query}
        placeholder="Search by shop name" onChange={event => setQuery(event.target.value)} aria-controls={listId} error={error} />
      {merchants.error && <ErrorState error={merchants.error} retry={() => void merchants.refetch()} />}
      <div id={listId} role="group" aria-label="Shops" className="merchant-list" aria-busy={merchants.isFetching}>
        {merchants.data?.data.length === 0 && <p className="muted">No shop matches “{query}”. Check the spelling, or ask the shop whether it offers ReturnIt pickups.</p>}
        {merchants.data?.data.map(merchant => {
          const selected = chosen?.id === merchant.id;
          return (
            <button key={merchant.id} type="button" aria-pressed={selected} className="merchant" data-testid="merchant"
              onClick={() => onChoose({ id: merchant.id, name: merchant.name, logoUrl: merchant.logoUrl ?? null, customerPays: merchant.customerPays })}>
              {merchant.logoUrl ? <img src={merchant.logoUrl} alt="" width={40} height={40} /> : <span className="merchant__initial" aria-hidden="true">{merchant.name.slice(0, 1)}</span>}
              <span className="merchant__text">
                <strong>{merchant.name}</strong>
                <span className="small muted">{merchant.cities.length ? merchant.cities.join(', ') : 'Hub location not listed'}{merchant.customerPays ? ' · you pay for the pickup' : ' · pickup paid by the shop'}</span>
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
