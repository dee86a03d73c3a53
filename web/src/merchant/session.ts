import { useAuth } from '../api/auth';

export interface Member {
  merchantId: string;
  role: 'admin' | 'support';
  isAdmin: boolean;
}

/** The signed-in member (the portal's pages only render for one). */
export function useMember(): Member {
  const auth = useAuth();
  const member = auth.status === 'signed-in' ? auth.session.member : undefined;
  if (!member) throw new Error('The merchant portal renders its pages for a signed-in member only');
  return { merchantId: member.merchantId, role: member.role, isAdmin: member.role === 'admin' };
}
