import type { ReactNode } from 'react';
import type { Role, User } from '../api/types.js';
import { Link, navigate, usePath } from '../routing/router.js';
import { useSession, useUser } from '../session/SessionContext.js';
import { ROLE_LABELS } from '../session/userLabels.js';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

function navItems(user: User): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: '待办任务', roles: ['office', 'inspector', 'school'] },
    { to: '/campaigns', label: '督导批次', roles: ['office'] },
    { to: '/launch', label: '发起督导', roles: ['office'] },
    { to: '/programs', label: '督导项目', roles: ['office'] },
    { to: '/schools', label: '学校', roles: ['office'] },
    { to: '/schools', label: '挂牌学校', roles: ['inspector'] },
    { to: '/notifications', label: '通知', roles: ['office', 'inspector', 'school'] },
    { to: '/admin', label: '管理', roles: ['office'] },
  ];
  if (user.role === 'school' && user.schoolId)
    items.splice(1, 0, {
      to: `/schools/${encodeURIComponent(user.schoolId)}`,
      label: '本校档案',
      roles: ['school'],
    });
  return items.filter((item) => item.roles.includes(user.role));
}

/** The program designer needs the whole screen: canvas and properties panel side by side. */
function isWidePage(path: string): boolean {
  return path.startsWith('/programs/');
}

/** The nav item a path belongs to: its own page or one below it (`/campaigns/…`). */
function isCurrent(item: NavItem, path: string): boolean {
  return item.to === '/' ? path === '/' : path === item.to || path.startsWith(`${item.to}/`);
}

export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const path = usePath();
  // The next user starts from the inbox, not from a page of the previous user.
  const width = isWidePage(path) ? 'app-container-wide' : 'app-container';
  const logOut = () => void signOut().finally(() => navigate('/', { replace: true }));
  return (
    <>
      <a className="visually-hidden-focusable position-absolute p-2 bg-white" href="#main">
        跳到主要内容
      </a>
      <header className="navbar navbar-dark bg-primary">
        <div className={`container ${width} flex-wrap gap-2`}>
          <Link to="/" className="navbar-brand fw-semibold me-auto">
            督导通
          </Link>
          <Link to="/account" className="navbar-text text-white small text-decoration-none" title="我的账号">
            {user.displayName}
            <span className="badge text-bg-light ms-2">{ROLE_LABELS[user.role]}</span>
          </Link>
          <button type="button" className="btn btn-sm btn-outline-light" onClick={logOut}>
            退出登录
          </button>
        </div>
        <nav className={`container ${width}`} aria-label="主导航">
          <ul className="nav nav-underline">
            {navItems(user).map((item) => (
              <li className="nav-item" key={item.label}>
                <Link
                  to={item.to}
                  className={`nav-link text-white${isCurrent(item, path) ? ' active' : ''}`}
                  aria-current={isCurrent(item, path) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className={`container ${width} py-3`}>
        {children}
      </main>
    </>
  );
}
