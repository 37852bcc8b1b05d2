import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { TextField } from '../layout/TextField.js';
import { navigate } from '../routing/router.js';
import { useSession } from '../session/SessionContext.js';

export function LoginPage({ expired }: { expired: boolean }) {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      if (window.location.pathname === '/login') navigate('/', { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <main className="container login-container py-5">
      <h1 className="h3 mb-1 text-center">督导通</h1>
      <p className="text-secondary text-center mb-4">教育督导表单与流程平台</p>
      {expired && !error && (
        <div className="alert alert-warning" role="status">
          登录已失效，请重新登录。
        </div>
      )}
      <form className="card card-body shadow-sm" onSubmit={submit} noValidate>
        <TextField
          id="login-username"
          className="mb-3"
          label="用户名"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={setUsername}
        />
        <TextField
          id="login-password"
          className="mb-3"
          label="密码"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {error && (
          <div className="alert alert-danger py-2" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-primary w-100" disabled={busy || !username || !password}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
