import type { ReactNode } from 'react';
import { describe } from '../api/problem';
import { Button } from './Button';

/** Something is loading: a spinner and a sentence, announced politely. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> <span>{children}</span>
    </div>
  );
}

/** A failed load: what happened in one sentence, and a way to try again. */
export function ErrorState({ error, retry, title = 'This could not be loaded' }: { error: unknown; retry?: () => void; title?: string }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error-state">
      <p><strong>{title}.</strong> {describe(error)}</p>
      {retry && <Button variant="secondary" onClick={retry}>Try again</Button>}
    </div>
  );
}

/** Nothing to show yet, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state" data-testid="empty-state">
      <p><strong>{title}</strong></p>
      {children}
    </div>
  );
}

export function Notice({ tone, children, testId }: { tone: 'error' | 'warning' | 'info' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
