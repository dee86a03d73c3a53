import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import type { Schemas } from '../../api/types';
import { queryClient } from '../../api/query';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { areaKeys } from './keys';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];

interface Draft {
  timeZone: string;
  windowMinutes: string;
  capacityPerWindow: string;
  leadMinutes: string;
  days: Record<Day, { open: boolean; opens: string; closes: string }>;
}

function draftOf(schedule: Schemas['ScheduleView'] | null): Draft {
  const days = Object.fromEntries(DAYS.map(day => {
    const hours = schedule?.days.find(d => d.day === day);
    return [day, { open: schedule ? !!hours : day !== 'sunday', opens: hours?.opens ?? '08:00', closes: hours?.closes ?? '20:00' }];
  })) as Draft['days'];
  return {
    timeZone: schedule?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    windowMinutes: String(schedule?.windowMinutes ?? 120),
    capacityPerWindow: String(schedule?.capacityPerWindow ?? 8),
    leadMinutes: String(schedule?.leadMinutes ?? 60),
    days,
  };
}

/** The area's schedule, or null when it has none yet (its pickups are then offered in default windows without a limit). */
async function scheduleOf(areaId: string): Promise<Schemas['ScheduleView'] | null> {
  try {
    return await call(api.GET('/v1/service-areas/{id}/schedule', { params: { path: { id: areaId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

/**
 * Opening hours and slot capacity of one area: which days it is open and when, how long a pickup window is, how many
 * pickups fit in one window, and how long before a window it closes for booking. The service checks it all and names
 * the field; seats already held in a window stay held.
 */
export function ScheduleForm({ areaId, areaName }: { areaId: string; areaName: string }) {
  const schedule = useQuery({ queryKey: areaKeys.schedule(areaId), queryFn: () => scheduleOf(areaId) });
  if (schedule.isPending) return <Loading>Loading the opening hours…</Loading>;
  if (schedule.error) return <ErrorState error={schedule.error} retry={() => void schedule.refetch()} />;
  // the fields start from the schedule as loaded and keep what the operator typed (and the save's outcome) after it
  return <ScheduleFields areaId={areaId} areaName={areaName} schedule={schedule.data} />;
}

function ScheduleFields({ areaId, areaName, schedule }: { areaId: string; areaName: string; schedule: Schemas['ScheduleView'] | null }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(schedule));
  const [saved, setSaved] = useState(false);
  const openDays = DAYS.filter(day => draft.days[day].open);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/v1/service-areas/{id}/schedule', {
      params: { path: { id: areaId } },
      body: {
        timeZone: draft.timeZone.trim(), windowMinutes: Number(draft.windowMinutes), capacityPerWindow: Number(draft.capacityPerWindow),
        leadMinutes: Number(draft.leadMinutes), days: openDays.map(day => ({ day, opens: draft.days[day].opens, closes: draft.days[day].closes })),
      },
    })),
    onSuccess: saved => {
      queryClient.setQueryData(areaKeys.schedule(areaId), saved);
      setSaved(true);
    },
  });
  const problem = save.error instanceof ApiError ? save.error.problem : undefined;
  const errors = fieldErrors(problem);
  // the service names a day's fields by its place among the days sent: days[2].closes is the third open day's
  const dayError = (day: Day, field: 'opens' | 'closes') => {
    const at = openDays.indexOf(day);
    return at < 0 ? undefined : errors[`days[${at}].${field}`] ?? (field === 'opens' ? errors[`days[${at}]`] : undefined);
  };
  const set = (field: Exclude<keyof Draft, 'days'>, value: string) => {
    setSaved(false);
    setDraft(d => ({ ...d, [field]: value }));
  };
  const setDay = (day: Day, change: Partial<Draft['days'][Day]>) => {
    setSaved(false);
    setDraft(d => ({ ...d, days: { ...d.days, [day]: { ...d.days[day], ...change } } }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="card area-schedule" onSubmit={submit} aria-label={`Opening hours of ${areaName}`} noValidate>
      <h2>Opening hours and capacity</h2>
      {!schedule && !saved && <Notice tone="info">No schedule yet: customers are offered default two-hour windows without a limit.</Notice>}
      {save.isSuccess && saved && <Notice tone="success" testId="schedule-saved">Saved. Customers see the new windows at once.</Notice>}
      {save.error && !problem?.errors?.length && <ErrorState title="Not saved" error={save.error} />}
      <div className="area-schedule__numbers">
        <TextField label="Time zone" value={draft.timeZone} error={errors.timeZone} hint="e.g. Europe/Berlin" onChange={e => set('timeZone', e.target.value)} />
        <TextField label="Window length, minutes" type="number" min={60} max={480} value={draft.windowMinutes} error={errors.windowMinutes}
          onChange={e => set('windowMinutes', e.target.value)} />
        <TextField label="Pickups per window" type="number" min={1} max={1000} value={draft.capacityPerWindow} error={errors.capacityPerWindow}
          hint="How many customers may book one window." onChange={e => set('capacityPerWindow', e.target.value)} />
        <TextField label="Booking closes, minutes before" type="number" min={0} max={2880} value={draft.leadMinutes} error={errors.leadMinutes}
          onChange={e => set('leadMinutes', e.target.value)} />
      </div>
      <fieldset className="area-days">
        <legend>Open days (HH:mm, closing up to 24:00)</legend>
        {errors.days && <span className="field__error" role="alert">{errors.days}</span>}
        <div className="area-day area-day--head" aria-hidden="true"><span>Day</span><span>Opens</span><span>Closes</span></div>
        {DAYS.map(day => {
          const name = day[0]!.toUpperCase() + day.slice(1);
          return (
            <div key={day} className="area-day" data-testid="area-day">
              <label className="choice">
                <input type="checkbox" checked={draft.days[day].open} onChange={e => setDay(day, { open: e.target.checked })} /> {name}
              </label>
              {draft.days[day].open ? (
                <>
                  <TextField label={<span className="visually-hidden">{name} opens</span>} value={draft.days[day].opens} inputMode="numeric"
                    error={dayError(day, 'opens')} onChange={e => setDay(day, { opens: e.target.value })} />
                  <TextField label={<span className="visually-hidden">{name} closes</span>} value={draft.days[day].closes} inputMode="numeric"
                    error={dayError(day, 'closes')} onChange={e => setDay(day, { closes: e.target.value })} />
                </>
              ) : <span className="muted small area-day__closed">Closed</span>}
            </div>
          );
        })}
      </fieldset>
      <div className="row"><Button type="submit" busy={save.isPending}>Save opening hours</Button></div>
    </form>
  );
}
