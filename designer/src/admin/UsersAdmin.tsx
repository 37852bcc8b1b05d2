import { type FormEvent, useCallback, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { organisationApi } from '../api/organisationApi.js';
import { readAll } from '../api/readAll.js';
import type { CreateUserRequest, Role, User } from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { TextField } from '../layout/TextField.js';
import { type Organisation, useOrganisation } from '../organisation/useOrganisation.js';
import { POST_LABELS, POSTS_OF_ROLE, type Post } from '../session/userLabels.js';

const ROLE_LABELS: Record<Role, string> = { office: '督导室用户', inspector: '督学', school: '学校用户' };

/** Accounts of an office (office users, inspectors) or of a school: create, rename, reset password, unlock. */
export function UsersAdmin() {
  const [organisation] = useOrganisation();
  if (organisation.status !== 'ready') return <LoadStatus state={organisation} />;
  return <UsersOf organisation={organisation.data} />;
}

function UsersOf({ organisation }: { organisation: Organisation }) {
  const [officeId, setOfficeId] = useState(organisation.offices[0]?.id ?? '');
  const [schoolId, setSchoolId] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [users, reload] = useApiData(
    useCallback(
      () =>
        readAll((cursor) => organisationApi.users(schoolId ? { schoolId, cursor } : { officeId, cursor })),
      [officeId, schoolId],
    ),
  );
  const schools = [...organisation.schools.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const done = (text: string) => {
    setNotice({ tone: 'success', text });
    reload();
  };
  const failed = (error: unknown) => setNotice({ tone: 'danger', text: errorMessage(error) });

  return (
    <>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <select
          className="form-select form-select-sm w-auto"
          aria-label="督导室"
          value={schoolId ? '' : officeId}
          onChange={(event) => {
            setOfficeId(event.target.value);
            setSchoolId('');
          }}
        >
          {schoolId && <option value="">（按学校查看）</option>}
          {organisation.offices.map((office) => (
            <option key={office.id} value={office.id}>
              {office.name}
            </option>
          ))}
        </select>
        <select
          className="form-select form-select-sm w-auto"
          aria-label="学校"
          value={schoolId}
          onChange={(event) => setSchoolId(event.target.value)}
        >
          <option value="">（学校用户：选择学校）</option>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </select>
      </div>
      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'danger' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {users.status === 'error' && (
        <div className="alert alert-danger" role="alert">
          {users.message}
        </div>
      )}
      {users.status === 'ready' && (
        <ul className="list-group mb-3" aria-label="用户列表">
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} onDone={done} onFailed={failed} />
          ))}
          {users.data.length === 0 && <li className="list-group-item text-secondary">没有用户。</li>}
        </ul>
      )}
      <NewUserForm
        officeId={schoolId ? null : officeId}
        schoolId={schoolId || null}
        onDone={done}
        onFailed={failed}
      />
    </>
  );
}

function UserRow({
  user,
  onDone,
  onFailed,
}: {
  user: User;
  onDone: (text: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const [dialog, setDialog] = useState<'password' | 'rename' | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const act = (call: Promise<unknown>, text: string) => {
    setBusy(true);
    call.then(
      () => {
        setBusy(false);
        setDialog(null);
        setValue('');
        onDone(text);
      },
      (error: unknown) => {
        setBusy(false);
        setDialog(null);
        onFailed(error);
      },
    );
  };
  return (
    <li className="list-group-item d-flex flex-wrap align-items-center gap-2">
      <span className="me-auto">
        {user.displayName} <span className="small text-secondary">{user.username}</span>
      </span>
      <span className="badge text-bg-light border fw-normal">
        {user.post ? POST_LABELS[user.post] : ROLE_LABELS[user.role]}
      </span>
      <button
        type="button"
        className="btn btn-sm btn-outline-secondary"
        onClick={() => {
          setValue(user.displayName);
          setDialog('rename');
        }}
      >
        改名
      </button>
      <button
        type="button"
        className="btn btn-sm btn-outline-secondary"
        onClick={() => setDialog('password')}
      >
        重置密码
      </button>
      <button
        type="button"
        className="btn btn-sm btn-outline-secondary"
        onClick={() => act(organisationApi.unlockUser(user.id), `已解除 ${user.username} 的登录锁定。`)}
      >
        解锁
      </button>
      <ConfirmDialog
        open={dialog === 'rename'}
        title={`修改姓名：${user.username}`}
        confirmLabel="保存"
        busy={busy}
        onConfirm={() => act(organisationApi.renameUser(user.id, value.trim()), '姓名已修改。')}
        onCancel={() => setDialog(null)}
      >
        <label htmlFor={`rename-${user.id}`} className="form-label">
          姓名
        </label>
        <input
          id={`rename-${user.id}`}
          className="form-control"
          maxLength={100}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'password'}
        title={`重置密码：${user.username}`}
        confirmLabel="重置"
        tone="danger"
        busy={busy}
        onConfirm={() =>
          act(
            organisationApi.resetPassword(user.id, value),
            `已重置 ${user.username} 的密码，其登录已全部失效。`,
          )
        }
        onCancel={() => setDialog(null)}
      >
        <label htmlFor={`reset-${user.id}`} className="form-label">
          新密码（8 至 128 个字符，须同时包含字母和数字）
        </label>
        <input
          id={`reset-${user.id}`}
          type="password"
          autoComplete="new-password"
          className="form-control"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </ConfirmDialog>
    </li>
  );
}

function NewUserForm({
  officeId,
  schoolId,
  onDone,
  onFailed,
}: {
  officeId: string | null;
  schoolId: string | null;
  onDone: (text: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('inspector');
  const [chosenPost, setPost] = useState<Post | ''>('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const effectiveRole: Role = schoolId ? 'school' : role;
  const posts = POSTS_OF_ROLE[effectiveRole];
  const post = chosenPost && posts.includes(chosenPost) ? chosenPost : posts[0];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request: CreateUserRequest = {
      username: username.trim(),
      displayName: displayName.trim(),
      role: effectiveRole,
      ...(post ? { post } : {}),
      password,
      ...(schoolId ? { schoolId } : officeId ? { officeId } : {}),
    };
    setBusy(true);
    organisationApi.createUser(request).then(
      ({ user }) => {
        setBusy(false);
        setUsername('');
        setDisplayName('');
        setPassword('');
        onDone(`已创建用户 ${user.username}。`);
      },
      (error: unknown) => {
        setBusy(false);
        onFailed(error);
      },
    );
  };
  return (
    <form className="card card-body" onSubmit={submit} noValidate aria-labelledby="new-user">
      <h2 id="new-user" className="h6">
        新建用户
      </h2>
      <div className="row g-2">
        <TextField
          id="new-user-username"
          className="col-sm-6"
          label="用户名"
          autoCapitalize="none"
          value={username}
          onChange={setUsername}
        />
        <TextField
          id="new-user-name"
          className="col-sm-6"
          label="姓名"
          value={displayName}
          onChange={setDisplayName}
        />
        <div className="col-sm-6">
          <label htmlFor="new-user-role" className="form-label">
            身份
          </label>
          <select
            id="new-user-role"
            className="form-select"
            value={effectiveRole}
            disabled={Boolean(schoolId)}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {(schoolId ? (['school'] as Role[]) : (['inspector', 'office'] as Role[])).map((entry) => (
              <option key={entry} value={entry}>
                {ROLE_LABELS[entry]}
              </option>
            ))}
          </select>
        </div>
        {posts.length > 0 && (
          <div className="col-sm-6">
            <label htmlFor="new-user-post" className="form-label">
              {effectiveRole === 'inspector' ? '专职/兼职' : '职务'}
            </label>
            <select
              id="new-user-post"
              className="form-select"
              value={post}
              onChange={(event) => setPost(event.target.value as Post)}
            >
              {posts.map((entry) => (
                <option key={entry} value={entry}>
                  {POST_LABELS[entry]}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField
          id="new-user-password"
          className="col-sm-6"
          label="初始密码"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
      </div>
      <button
        type="submit"
        className="btn btn-primary mt-3 align-self-start"
        disabled={busy || !username || !displayName || !password}
      >
        {busy ? '正在创建…' : '创建'}
      </button>
    </form>
  );
}
