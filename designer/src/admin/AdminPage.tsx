import { Link } from '../routing/router.js';
import { ImportAdmin } from './ImportAdmin.js';
import { SchoolsAdmin } from './SchoolsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';

const SECTIONS = [
  { key: 'users', label: '用户' },
  { key: 'schools', label: '学校' },
  { key: 'imports', label: '批量导入' },
] as const;
type Section = (typeof SECTIONS)[number]['key'];

/** Office administration: accounts, schools (with their 挂牌 inspector) and CSV/XLSX imports. */
export function AdminPage({ section }: { section: string }) {
  const current: Section = SECTIONS.some((entry) => entry.key === section) ? (section as Section) : 'users';
  return (
    <>
      <h1 className="h4 mb-3">管理</h1>
      <ul className="nav nav-tabs mb-3">
        {SECTIONS.map((entry) => (
          <li key={entry.key} className="nav-item">
            <Link
              to={`/admin/${entry.key}`}
              className={`nav-link${current === entry.key ? ' active' : ''}`}
              aria-current={current === entry.key ? 'page' : undefined}
            >
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
      {current === 'users' && <UsersAdmin />}
      {current === 'schools' && <SchoolsAdmin />}
      {current === 'imports' && <ImportAdmin />}
    </>
  );
}
