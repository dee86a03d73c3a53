import { Route, Routes } from 'react-router';
import { NotFound } from '../ui/NotFound';
import { FlagsBoard } from './flags/FlagsBoard';
import { OpsPage } from './ops/OpsPage';

/** The operators' face: the operations board at /ops and the feature flags at /ops/flags (the console grows here). */
export default function DispatchApp() {
  return (
    <Routes>
      <Route index element={<OpsPage />} />
      <Route path="flags" element={<OpsPage><FlagsBoard /></OpsPage>} />
      <Route path="*" element={<NotFound home="/ops" />} />
    </Routes>
  );
}
