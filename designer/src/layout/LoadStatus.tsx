/** What a page shows while its data loads, or why it could not: nothing once the data is there. */
export function LoadStatus({
  state,
}: {
  state: { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };
}) {
  if (state.status === 'loading')
    return (
      <p className="text-secondary" role="status">
        正在加载…
      </p>
    );
  if (state.status === 'error')
    return (
      <div className="alert alert-danger" role="alert">
        {state.message}
      </div>
    );
  return null;
}
