import { useState, type ReactNode } from 'react';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';

/** A button that asks first (revoking a key, deleting an endpoint, removing a member): the dialog names what happens. */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, busy, testId }: {
  label: string; title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; busy?: boolean; testId?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link" busy={busy} onClick={() => setOpen(true)} data-testid={testId}>{label}</Button>
      <Dialog open={open} title={title} onClose={() => setOpen(false)}>
        <div className="stack">
          <div>{children}</div>
          <div className="row">
            <Button variant="danger" data-testid="confirm" onClick={() => { setOpen(false); onConfirm(); }}>{confirmLabel}</Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>Keep it</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
