import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import { dateTime } from '../../ui/format';
import { ErrorState } from '../../ui/States';
import { merchantKeys } from '../data';
import { privateFileUrl } from '../download';
import { useMember } from '../session';

/** The photos and signature the driver took at the pickup, if any (fetched with the token: they are not public). */
export function ProofFiles({ orderId }: { orderId: string }) {
  const { merchantId } = useMember();
  const proof = useQuery({
    queryKey: [...merchantKeys.order(merchantId, orderId), 'proof'],
    queryFn: () => call(api.GET('/v1/orders/{id}/proof', { params: { path: { id: orderId } } })),
  });
  if (proof.error) return <ErrorState error={proof.error} retry={() => void proof.refetch()} title="The pickup's photos could not be loaded" />;
  const files = proof.data?.files ?? [];
  if (files.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="proof-title">
      <h2 id="proof-title">Pickup proof</h2>
      <ul className="proof" data-testid="proof-files">
        {files.map(file => <li key={file.id}><ProofImage file={file} /></li>)}
      </ul>
    </section>
  );
}

function ProofImage({ file }: { file: Schemas['ProofFileView'] }) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current: string | undefined;
    let live = true;
    privateFileUrl(file.url).then(made => {
      current = made;
      if (live) setUrl(made); else URL.revokeObjectURL(made);
    }, () => live && setFailed(true));
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [file.url]);
  const what = file.kind === 'signature' ? 'The customer\'s signature' : `Photo${file.sku ? ` of ${file.sku}` : ''}`;
  return (
    <figure>
      {url ? <img src={url} alt={`${what}, taken ${dateTime(file.createdAt)}`} /> : <div className="proof-placeholder">{failed ? 'Could not be loaded.' : 'Loading…'}</div>}
      <figcaption className="small muted">{what} · {dateTime(file.createdAt)}</figcaption>
    </figure>
  );
}
