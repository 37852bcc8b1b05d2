import { type FormEvent, useState } from 'react';
import { accountApi } from '../api/accountApi.js';
import { errorMessage } from '../api/client.js';
import { TextField } from '../layout/TextField.js';
import { useUser } from '../session/SessionContext.js';
import { roleWithPost } from '../session/userLabels.js';

/** The signed-in user's account: who they are, and a password change (other sessions end). */
export function AccountPage() {
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== repeat) {
      setResult({ tone: 'danger', text: '两次输入的新密码不一致。' });
      return;
    }
    setBusy(true);
    setResult(null);
    accountApi.changePassword(current, next).then(
      () => {
        setBusy(false);
        setCurrent('');
        setNext('');
        setRepeat('');
        setResult({ tone: 'success', text: '密码已修改。其他设备上的登录已失效。' });
      },
      (error: unknown) => {
        setBusy(false);
        setResult({ tone: 'danger', text: errorMessage(error) });
      },
    );
  };

  return (
    <>
      <h1 className="h4 mb-3">我的账号</h1>
      <dl className="row small mb-4">
        <dt className="col-4 col-sm-2 fw-normal text-secondary">姓名</dt>
        <dd className="col-8 col-sm-10">{user.displayName}</dd>
        <dt className="col-4 col-sm-2 fw-normal text-secondary">用户名</dt>
        <dd className="col-8 col-sm-10">{user.username}</dd>
        <dt className="col-4 col-sm-2 fw-normal text-secondary">身份</dt>
        <dd className="col-8 col-sm-10">{roleWithPost(user)}</dd>
      </dl>
      <form className="card card-body login-container px-3" onSubmit={submit} noValidate>
        <h2 className="h6">修改密码</h2>
        <TextField
          id="password-current"
          className="mb-2"
          label="当前密码"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          id="password-new"
          className="mb-2"
          label="新密码"
          type="password"
          autoComplete="new-password"
          hint="8 至 128 个字符，须同时包含字母和数字，不能包含用户名。"
          value={next}
          onChange={setNext}
        />
        <TextField
          id="password-repeat"
          className="mb-3"
          label="再次输入新密码"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
        />
        {result && (
          <div
            className={`alert alert-${result.tone} py-2`}
            role={result.tone === 'danger' ? 'alert' : 'status'}
          >
            {result.text}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !current || !next || !repeat}>
          {busy ? '正在修改…' : '修改密码'}
        </button>
      </form>
    </>
  );
}
