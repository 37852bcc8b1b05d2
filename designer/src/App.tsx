import { lazy, Suspense } from 'react';
import { AppShell } from './layout/AppShell.js';
import { CampaignPage } from './pages/CampaignPage.js';
import { LaunchPage } from './pages/LaunchPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { Link, matchPath, usePath } from './routing/router.js';
import { useSession, useUser } from './session/SessionContext.js';
import { InboxPage } from './tasks/InboxPage.js';

// Form.io is ~450 kB gzipped: only the task page loads it.
const TaskPage = lazy(() => import('./tasks/TaskPage.js'));

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
      <Routes path={path} />
    </AppShell>
  );
}

function Routes({ path }: { path: string }) {
  const user = useUser();
  if (path === '/' || path === '/login') return <InboxPage />;

  const task = matchPath('/tasks/:id', path);
  if (task?.id) {
    return (
      <Suspense
        fallback={
          <p className="text-secondary" role="status">
            正在加载表单组件…
          </p>
        }
      >
        <TaskPage key={task.id} taskId={task.id} />
      </Suspense>
    );
  }

  if (user.role === 'office') {
    if (path === '/launch') return <LaunchPage />;
    const campaign = matchPath('/campaigns/:id', path);
    if (campaign?.id) return <CampaignPage key={campaign.id} campaignId={campaign.id} />;
  }

  return (
    <div className="alert alert-warning" role="alert">
      找不到这个页面。<Link to="/">返回待办任务</Link>
    </div>
  );
}
