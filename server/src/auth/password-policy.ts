/**
 * The password rule for every account: 8–128 characters, letters and digits, not containing the
 * username. Returns the Chinese reason a password is refused, or null when it is acceptable.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return '至少 8 个字符';
  if (password.length > 128) return '不能超过 128 个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '必须同时包含字母和数字';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return '不能包含用户名';
  return null;
}
