import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { api, call } from '../../api/client';
import type { Merchant } from '../shapes';
import { merchantKeys, useMerchant } from '../data';
import { upload } from '../download';
import { useMember } from '../session';
import { HEX, LOGO_TYPES, logoProblem, readableWithWhite } from './colour';

/** How the merchant's customers see it on the booking and tracking pages: the brand colour and the logo. */
export default function BrandingPage() {
  const merchant = useMerchant();
  if (merchant.isPending) return <Loading />;
  if (merchant.error) return <div className="page"><ErrorState error={merchant.error} retry={() => void merchant.refetch()} /></div>;
  return (
    <div className="page stack">
      <h1>Branding</h1>
      <p className="muted">Your customers see your logo and colour when they book a return with you and when they follow its pickup.</p>
      <Colour merchant={merchant.data} />
      <Logo merchant={merchant.data} />
    </div>
  );
}

function Colour({ merchant }: { merchant: Merchant }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [colour, setColour] = useState(merchant.brandColor ?? '#0b5d4b');
  const [local, setLocal] = useState<string>();
  const save = useMutation({
    mutationFn: () => call(api.PUT('/v1/merchants/{id}/branding', { params: { path: { id: merchantId } }, body: { brandColor: colour } })),
    onSuccess: view => client.setQueryData(merchantKeys.merchant(merchantId), view),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!HEX.test(colour)) return setLocal('Enter a colour as #rrggbb, like #1a73e8.');
    setLocal(undefined);
    save.mutate();
  }
  const fields = fieldErrors(save.error instanceof ApiError ? save.error.problem : undefined);
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Brand colour">
      <h2>Brand colour</h2>
      <div className="row">
        <input type="color" aria-label="Pick the colour" value={HEX.test(colour) ? colour : '#000000'} onChange={e => setColour(e.target.value)} className="swatch" />
        <TextField id="brand-colour" label="Colour (#rrggbb)" value={colour} onChange={e => setColour(e.target.value.trim())} error={local ?? fields.brandColor} />
      </div>
      {HEX.test(colour) && !readableWithWhite(colour) && (
        <Notice tone="warning">White text on this colour is hard to read (below 4.5:1 contrast); customers' pages use it for headings and accents only where it stays readable.</Notice>
      )}
      {save.error && !fields.brandColor && <Notice tone="error">{describe(save.error)}</Notice>}
      {save.isSuccess && <Notice tone="success">Saved.</Notice>}
      <Button type="submit" busy={save.isPending} data-testid="save-colour">Save the colour</Button>
    </form>
  );
}

function Logo({ merchant }: { merchant: Merchant }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const problem = file ? logoProblem(file) : undefined;
  useEffect(() => {
    if (!file || problem) return setPreview(undefined);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file, problem]);
  const refresh = () => client.invalidateQueries({ queryKey: merchantKeys.merchant(merchantId) });
  const send = useMutation({
    mutationFn: (logo: File) => upload<{ logoUrl: string }>(`/v1/merchants/${merchantId}/logo`, logo, logo.type),
    onSuccess: () => { setFile(undefined); void refresh(); },
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/v1/merchants/{id}/logo', { params: { path: { id: merchantId } } })),
    onSuccess: refresh,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && !problem) send.mutate(file);
  }
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Logo">
      <h2>Logo</h2>
      {merchant.logoUrl
        ? <img className="logo-preview" src={merchant.logoUrl} alt={`${merchant.name}'s logo as customers see it`} data-testid="current-logo" />
        : <p className="muted">No logo yet: customers see your name.</p>}
      <div className="field">
        <label htmlFor="logo-file">New logo</label>
        <input id="logo-file" type="file" accept={LOGO_TYPES.join(',')} aria-describedby="logo-hint"
          onChange={e => setFile(e.target.files?.[0])} aria-invalid={problem ? true : undefined} />
        <span id="logo-hint" className="field__hint">PNG, JPEG or WebP, at most 256 KB; about 200 × 64 pixels reads best.</span>
        {problem && <span className="field__error" role="alert">{problem}</span>}
      </div>
      {preview && <img className="logo-preview" src={preview} alt="The new logo" />}
      {(send.error ?? remove.error) && <Notice tone="error">{describe(send.error ?? remove.error)}</Notice>}
      {send.isSuccess && <Notice tone="success">Your new logo is live.</Notice>}
      <div className="row">
        <Button type="submit" busy={send.isPending} disabled={!file || !!problem} data-testid="upload-logo">Upload</Button>
        {merchant.logoUrl && <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>Remove the logo</Button>}
      </div>
    </form>
  );
}
