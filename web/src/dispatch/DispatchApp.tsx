import { Route, Routes } from 'react-router';
import { NotFound } from '../ui/NotFound';
import { AreasPage } from './areas/AreasPage';
import { ConsolePage } from './console/ConsolePage';
import { FlagsBoard } from './flags/FlagsBoard';
import { OpsPage } from './ops/OpsPage';

/** The operators' face: the operations board at /ops and the feature flags at /ops/flags, the dispatch console at /ops/dispatch,
 * the service areas at /ops/areas. */
export default function DispatchApp() {
  return (
    <Routes>
      <Route index element={<OpsPage />} />
      <Route path="dispatch" element={<OpsPage><ConsolePage /></OpsPage>} />
      <Route path="areas" element={<OpsPage><AreasPage /></OpsPage>} />
      <Route path="flags" element={<OpsPage><FlagsBoard /></OpsPage>} />
      <Route path="*" element={<NotFound home="/ops" />} />
    </Routes>
  );
}
