import { PropsWithChildren } from 'react';
import {
  Sidebar,
  SidebarItem,
  SidebarPage,
  SidebarSpace,
} from '@backstage/core-components';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import HomeIcon from '@material-ui/icons/Home';
import AssessmentIcon from '@material-ui/icons/Assessment';

/** The app shell: sidebar navigation around every page. */
export function Root({ children }: PropsWithChildren<{}>) {
  return (
    <SidebarPage>
      <Sidebar>
        <SidebarSearchModal />
        <SidebarItem icon={HomeIcon} to="catalog" text="Catalog" />
        <SidebarItem icon={AssessmentIcon} to="readiness" text="Readiness" />
        <SidebarSpace />
        <NotificationsSidebarItem />
      </Sidebar>
      {children}
    </SidebarPage>
  );
}
