import type { BundleProblem } from '../api/types.js';

/** The checks' findings on a program (the linter runs on save and again on publish); errors block publishing. */
export function ProblemList({
  problems,
  onLocate,
}: {
  problems: BundleProblem[];
  onLocate: (elementId: string) => void;
}) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  if (problems.length === 0)
    return (
      <p className="small text-success mb-2" data-problems="0">
        检查通过，没有发现问题。
      </p>
    );
  return (
    <section
      className="card border-warning mb-2"
      aria-labelledby="program-problems"
      data-problems={problems.length}
    >
      <h2 id="program-problems" className="h6 card-header">
        检查结果：{errors} 个错误，{problems.length - errors} 个警告{errors > 0 ? '（有错误时不能发布）' : ''}
      </h2>
      <ul className="list-group list-group-flush small">
        {problems.map((problem) => (
          <li
            key={`${problem.code}-${problem.path}-${problem.elementId ?? ''}-${problem.message}`}
            className="list-group-item d-flex flex-wrap gap-2 align-items-baseline"
          >
            <span className={`badge ${problem.severity === 'error' ? 'text-bg-danger' : 'text-bg-warning'}`}>
              {problem.severity === 'error' ? '错误' : '警告'}
            </span>
            <span className="text-break me-auto">{problem.message}</span>
            <span className="text-secondary font-monospace">
              {problem.path}
              {problem.elementId ? ` · ${problem.elementId}` : ''}
            </span>
            {problem.elementId && (
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() => onLocate(problem.elementId as string)}
              >
                定位
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Problems from an error answer's `problems` (the server's bundle problems, or manifest schema errors). */
export function toBundleProblems(raw: unknown[]): BundleProblem[] {
  return raw.flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const record = entry as Record<string, unknown>;
    if (typeof record.message !== 'string') return [];
    return [
      {
        path: typeof record.path === 'string' ? record.path : '',
        code: typeof record.code === 'string' ? record.code : 'PROGRAM_ERR_INVALID',
        elementId: typeof record.elementId === 'string' ? record.elementId : null,
        message: record.message,
        severity: record.severity === 'warning' ? 'warning' : 'error',
      },
    ];
  });
}
