import { useCallback, useMemo, useState } from 'react';
import { organisationApi } from '../api/organisationApi.js';
import { readAll } from '../api/readAll.js';
import { useApiData } from '../api/useApiData.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { ownershipLabel, schoolTypeLabel } from '../organisation/labels.js';
import { Link } from '../routing/router.js';
import { useUser } from '../session/SessionContext.js';

/** Schools the user may see (an office's subtree, an inspector's 挂牌 schools), each linking to its profile. */
export function SchoolListPage() {
  const user = useUser();
  const [schools] = useApiData(
    useCallback(() => readAll((cursor) => organisationApi.schools({ cursor })), []),
  );
  const [filter, setFilter] = useState('');
  const visible = useMemo(
    () =>
      schools.status === 'ready'
        ? schools.data
            .filter((school) => school.name.includes(filter.trim()) || school.id.includes(filter.trim()))
            .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        : [],
    [schools, filter],
  );
  return (
    <>
      <h1 className="h4 mb-3">{user.role === 'inspector' ? '我的挂牌学校' : '学校'}</h1>
      <input
        className="form-control mb-3"
        placeholder="按校名或学校标识码筛选"
        aria-label="按校名或学校标识码筛选"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <LoadStatus state={schools} />
      {schools.status === 'ready' && (
        <ul className="list-group" aria-label="学校列表">
          {visible.map((school) => (
            <li key={school.id} className="list-group-item list-group-item-action p-0">
              <Link
                to={`/schools/${encodeURIComponent(school.id)}`}
                className="d-flex flex-wrap gap-2 p-3 text-reset text-decoration-none"
              >
                <span className="me-auto">{school.name}</span>
                <span className="badge text-bg-light border fw-normal">{schoolTypeLabel(school.type)}</span>
                <span className="badge text-bg-light border fw-normal">
                  {ownershipLabel(school.ownership)}
                </span>
              </Link>
            </li>
          ))}
          {visible.length === 0 && <li className="list-group-item text-secondary">没有符合条件的学校。</li>}
        </ul>
      )}
    </>
  );
}
