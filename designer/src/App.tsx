import { lazy, Suspense, useMemo } from 'react';
import { AccountPage } from './account/AccountPage.js';
import { NotificationsPage } from './account/NotificationsPage.js';
import { AppShell } from './layout/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { editorSource } from './programs/editorSource.js';
import { Link, matchPath, usePath } from './routing/router.js';
import { SchoolListPage } from './schools/SchoolListPage.js';
import { SchoolProfilePage } from './schools/SchoolProfilePage.js';
import { useSession, useUser } from './session/SessionContext.js';
import { InboxPage } from './tasks/InboxPage.js';

// Form.io is ~420 kB gzipped: only pages that render forms load it.
const TaskPage = lazy(() => import('./tasks/TaskPage.js'));
const SubmissionPage = lazy(() => import('./schools/SubmissionPage.js'));
// Office pages: school and inspector phones never download them.
const AdminPage = lazy(() =>
  import('./admin/AdminPage.js').then((module) => ({ default: module.AdminPage })),
);
const CampaignListPage = lazy(() =>
  import('./campaigns/CampaignListPage.js').then((module) => ({ default: module.CampaignListPage })),
);
const CampaignPage = lazy(() =>
  import('./campaigns/CampaignPage.js').then((module) => ({ default: module.CampaignPage })),
);
const LaunchPage = lazy(() =>
  import('./campaigns/LaunchPage.js').then((module) => ({ default: module.LaunchPage })),
);
const ProgramsPage = lazy(() =>
  import('./programs/ProgramsPage.js').then((module) => ({ default: module.ProgramsPage })),
);
// The program designer: its own chunk, which loads bpmn-js and the Form.io builder as further chunks.
const ProgramEditorPage = lazy(() => import('./programs/ProgramEditorPage.js'));

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
    if (path === '/programs') return <ProgramsPage />;
    if (editorSource(path)) return <ProgramEditor path={path} />;
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

/** One editor per path; the source object stays the same while the path does (a new one would reload). */
function ProgramEditor({ path }: { path: string }) {
  const source = useMemo(() => editorSource(path), [path]);
  return source ? <ProgramEditorPage key={path} source={source} /> : null;
}
