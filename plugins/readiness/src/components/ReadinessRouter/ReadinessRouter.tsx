import { Route, Routes } from 'react-router-dom';
import { CampaignPage } from '../CampaignPage';
import { CampaignsPage } from '../CampaignsPage';
import { ReadinessPage, type ReadinessPageProps } from '../ReadinessPage';

/**
 * The pages below `/readiness`: the organisation overview, the campaigns
 * (`/campaigns`) and one campaign (`/campaigns/:id`).
 *
 * @public
 */
export function ReadinessRouter(props: ReadinessPageProps) {
  return (
    <Routes>
      <Route path="/" element={<ReadinessPage {...props} />} />
      <Route path="/campaigns" element={<CampaignsPage />} />
      <Route path="/campaigns/:id" element={<CampaignPage />} />
    </Routes>
  );
}
