import { lazy, Suspense } from 'react';
import { AccountPage } from './account/AccountPage.js';
import { NotificationsPage } from './account/NotificationsPage.js';
import { AdminPage } from './admin/AdminPage.js';
import { CampaignListPage } from './campaigns/CampaignListPage.js';
import { CampaignPage } from './campaigns/CampaignPage.js';
import { LaunchPage } from './campaigns/LaunchPage.js';
import { AppShell } from './layout/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { Link, matchPath, usePath } from './routing/router.js';
import { SchoolListPage } from './schools/SchoolListPage.js';
import { SchoolProfilePage } from './schools/SchoolProfilePage.js';
import { useSession, useUser } from './session/SessionContext.js';
import { InboxPage } from './tasks/InboxPage.js';

// Form.io is ~420 kB gzipped: only pages that render forms load it.
const TaskPage = lazy(() => import('./tasks/TaskPage.js'));
const SubmissionPage = lazy(() => import('./schools/SubmissionPage.js'));

export function App() {
  const { state, retry } = useSession();
  const path = usePath();

  if (state.status === 'loading') {
    return (
      <p className="container py-5 text-secondary" role="status">
        正在加载…
      </p>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <main className="container login-container py-5">
        <div className="alert alert-danger" role="alert">
          {state.message}
        </div>
        <button type="button" className="btn btn-primary" onClick={retry}>
          重试
        </button>
      </main>
    );
  }
  if (state.status === 'signedOut') return <LoginPage expired={state.expired} />;
  return (
    <AppShell>
      <Suspense
        fallback={
          <p className="text-secondary" role="status">
            正在加载页面组件…
          </p>
        }
      >
        <Routes path={path} />
      </Suspense>
    </AppShell>
  );
}

function Routes({ path }: { path: string }) {
  const user = useUser();
  if (path === '/' || path === '/login') return <InboxPage />;

  const task = matchPath('/tasks/:id', path);
  if (task?.id) return <TaskPage key={task.id} taskId={task.id} />;
  const submission = matchPath('/submissions/:id', path);
  if (submission?.id) return <SubmissionPage key={submission.id} submissionId={submission.id} />;
  const school = matchPath('/schools/:id', path);
  if (school?.id) return <SchoolProfilePage key={school.id} schoolId={school.id} />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/schools' && user.role !== 'school') return <SchoolListPage />;

  if (user.role === 'office') {
    if (path === '/launch') return <LaunchPage />;
    if (path === '/campaigns') return <CampaignListPage />;
    const campaign = matchPath('/campaigns/:id', path);
    if (campaign?.id) return <CampaignPage key={campaign.id} campaignId={campaign.id} />;
    if (path === '/admin') return <AdminPage section="users" />;
    const admin = matchPath('/admin/:section', path);
    if (admin?.section) return <AdminPage section={admin.section} />;
  }

  return (
    <div className="alert alert-warning" role="alert">
      找不到这个页面。<Link to="/">返回待办任务</Link>
    </div>
  );
}
