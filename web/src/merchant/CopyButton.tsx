import { useState } from 'react';
import { Button } from '../ui/Button';

/** Copies a text (a link, a secret) and says so; where the clipboard is not allowed, the text stays selectable. */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <Button variant="secondary" data-testid={testId} onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState('copied');
        } catch {
          setState('failed');
        }
      }}>{label}</Button>
      <span role="status" className="small muted">{state === 'copied' ? 'Copied.' : state === 'failed' ? 'Copying is blocked here: select the text and copy it.' : ''}</span>
    </>
  );
}
