import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorState, Notice } from '../../ui/States';
import { areaKeys } from './keys';
import { insertVertex, moveVertex, removeVertex, rounded, type Vertex } from './polygon';

const OutlineMap = lazy(() => import('./OutlineMap'));
type Area = Schemas['ServiceAreaView'];

/**
 * An area's name and outline: drawn by clicking the map (the first three points in order, later ones into the nearest
 * edge), reshaped by dragging the numbered handles, or typed in the list of points. Saving sends the whole outline;
 * the service checks it (every point on the globe, an outline that encloses something) and names what is wrong.
 */
export function OutlineEditor({ area, others, onSaved, onCancel }: {
  area?: Area;
  others: Area[];
  onSaved: (area: Area) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(area?.name ?? '');
  const [outline, setOutline] = useState<Vertex[]>(() => (area?.polygon ?? []).map(p => [p[0] ?? 0, p[1] ?? 0]));
  const [selected, setSelected] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, polygon: outline };
      return area
        ? call(api.PUT('/v1/service-areas/{id}', { params: { path: { id: area.id } }, body }))
        : call(api.POST('/v1/service-areas', { body }));
    },
    onSuccess: async saved => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.all });
      await queryClient.invalidateQueries({ queryKey: keys.opsOverview });
      onSaved(saved);
    },
  });
  const problem = save.error instanceof ApiError ? save.error.problem : undefined;
  const errors = fieldErrors(problem);
  const add = (point: Vertex) => {
    setOutline(current => insertVertex(current, rounded(point)));
    setSelected(null);
  };
  const typed = (index: number, axis: 0 | 1, text: string) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return;
    setOutline(current => moveVertex(current, index, axis === 0 ? [value, current[index]![1]] : [current[index]![0], value]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const tooFew = outline.length < 3;

  return (
    <form className="card area-editor" onSubmit={submit} aria-label={area ? `Edit ${area.name}` : 'New service area'} noValidate>
      <h2>{area ? `Outline of ${area.name}` : 'New service area'}</h2>
      {save.error && !problem?.errors?.length && <ErrorState title="Not saved" error={save.error} />}
      <TextField label="Name" value={name} required maxLength={200} error={errors.name} onChange={e => setName(e.target.value)} />
      <p className="muted small" id="outline-help">
        Click the map to add points (the first three in order, then each into the nearest edge); drag a numbered point to
        move it. Other areas are drawn in grey.
      </p>
      <Suspense fallback={<div className="map-placeholder" style={{ height: 380 }} aria-hidden="true" />}>
        <OutlineMap outline={outline} others={others.filter(o => o.id !== area?.id)} selected={selected}
          onAdd={add} onMove={(index, to) => setOutline(current => moveVertex(current, index, rounded(to)))} onSelect={setSelected} />
      </Suspense>
      {errors.polygon && <Notice tone="error">{errors.polygon}</Notice>}
      <fieldset className="area-points">
        <legend>Points ({outline.length}), in order around the area</legend>
        {outline.length === 0 && <p className="muted small">No points yet: click the map, or add one at its centre.</p>}
        <ol className="area-points__list">
          {outline.map((vertex, index) => (
            <li key={index} className={`area-point${selected === index ? ' area-point--selected' : ''}`} data-testid="area-point">
              <CoordinateField label={`Point ${index + 1} latitude`} value={vertex[0]} min={-90} max={90}
                error={errors[`polygon[${index}]`]} onText={text => typed(index, 0, text)} onFocus={() => setSelected(index)} />
              <CoordinateField label={`Point ${index + 1} longitude`} value={vertex[1]} min={-180} max={180}
                onText={text => typed(index, 1, text)} onFocus={() => setSelected(index)} />
              <Button variant="link" onClick={() => {
                setOutline(current => removeVertex(current, index));
                setSelected(null);
              }}>Remove point {index + 1}</Button>
            </li>
          ))}
        </ol>
      </fieldset>
      {tooFew && <p className="muted small" data-testid="outline-hint">An area needs at least three points.</p>}
      <div className="row">
        <Button type="submit" busy={save.isPending} disabled={tooFew || !name.trim()}>{area ? 'Save outline' : 'Create area'}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** A typed coordinate: what the person types stays while they type; a point dragged on the map shows here at once. */
function CoordinateField({ label, value, min, max, error, onText, onFocus }: {
  label: string;
  value: number;
  min: number;
  max: number;
  error?: string | undefined;
  onText: (text: string) => void;
  onFocus: () => void;
}) {
  const [text, setText] = useState(String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(String(value));
  }, [value, focused]);
  return (
    <TextField label={label} type="number" step="0.00001" min={min} max={max} value={text} error={error}
      onFocus={() => {
        setFocused(true);
        onFocus();
      }}
      onBlur={() => setFocused(false)}
      onChange={e => {
        setText(e.target.value);
        onText(e.target.value);
      }} />
  );
}
