import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { anonymous, call } from '../../api/client';
import { describe } from '../../api/problem';
import { Page } from '../../ui/Layout';
import { Loading, Notice } from '../../ui/States';

/** The emailed verification link: confirms the address once. */
export default function VerifyEmailPage() {
  const { token = '' } = useParams();
  const verified = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => call(anonymous.POST('/v1/email-verifications/{token}', { params: { path: { token } } })),
    retry: false,
    staleTime: Infinity,
  });
  return (
    <Page title="Confirm your email" narrow>
      {verified.isPending && <Loading>Confirming…</Loading>}
      {verified.data && <Notice tone="success" testId="email-verified">Thank you: your email is confirmed. <Link to="/account">Go to your account</Link>.</Notice>}
      {verified.error && <Notice tone="warning">{describe(verified.error)}</Notice>}
    </Page>
  );
}
