import { Route, Routes } from 'react-router';
import { NotFound } from '../ui/NotFound';
import { OpsPage } from './ops/OpsPage';

/** The operators' face: today the operations board at /ops (the dispatch console grows here). */
export default function DispatchApp() {
  return (
    <Routes>
      <Route index element={<OpsPage />} />
      <Route path="*" element={<NotFound home="/ops" />} />
    </Routes>
  );
}
