import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { anonymous, call } from '../../api/client';
import { describe } from '../../api/problem';

export interface Place {
  label: string;
  lat: number;
  lng: number;
}

/**
 * Address search as a combobox (WAI-ARIA pattern): typing asks the service's geocoder (after a pause), arrows move
 * through the suggestions, Enter picks one.
 */
export function AddressSearch({ onPick }: { onPick: (place: Place) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    const pause = window.setTimeout(() => setQuery(text.trim()), 300);
    return () => window.clearTimeout(pause);
  }, [text]);

  const places = useQuery({
    queryKey: ['places', query],
    queryFn: () => call(anonymous.GET('/v1/places/search', { params: { query: { query, limit: 5 } } })),
    enabled: query.length >= 3,
    staleTime: 5 * 60_000,
  });
  const suggestions = places.data?.data ?? [];
  const listed = open && suggestions.length > 0;

  function pick(place: Place) {
    setText(place.label);
    setOpen(false);
    onPick(place);
  }

  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>Search for your address</label>
      <input id={`${id}-input`} role="combobox" aria-expanded={listed} aria-controls={`${id}-list`}
        aria-autocomplete="list" aria-activedescendant={listed && active >= 0 ? `${id}-option-${active}` : undefined}
        onBlur={() => setOpen(false)}
        autoComplete="street-address" placeholder="Street and number, city" value={text}
        onChange={event => { setText(event.target.value); setOpen(true); setActive(-1); }}
        onKeyDown={event => {
          if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive(i => Math.min(i + 1, suggestions.length - 1)); }
          if (event.key === 'ArrowUp') { event.preventDefault(); setActive(i => Math.max(i - 1, 0)); }
          if (event.key === 'Enter' && listed && active >= 0 && suggestions[active]) { event.preventDefault(); pick(suggestions[active]); }
          if (event.key === 'Escape') setOpen(false);
        }} />
      {places.isFetching && <span className="field__hint" role="status">Searching…</span>}
      {places.error && <span className="field__error" role="alert">{describe(places.error)} You can also place a pin on the map.</span>}
      {query.length >= 3 && places.data && suggestions.length === 0 && <span className="field__hint" role="status">No address found; check it, or place a pin on the map.</span>}
      {listed && (
        <ul id={`${id}-list`} role="listbox" className="combobox__list" aria-label="Suggestions">
          {suggestions.map((place, index) => (
            <li key={`${place.lat},${place.lng},${index}`} id={`${id}-option-${index}`} role="option" aria-selected={index === active}
              onMouseDown={event => { event.preventDefault(); pick(place); }}>{place.label}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
