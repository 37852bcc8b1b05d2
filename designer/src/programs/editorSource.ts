import { matchPath } from '../routing/router.js';

/** Where the program editor's bundle comes from. */
export type EditorSource =
  | { kind: 'draft'; draftId: string }
  | { kind: 'version'; key: string; version: number }
  | { kind: 'new' };

/** The editor's source for a path (`/programs/new`, `/programs/drafts/:id`, `/programs/:key/versions/:v/edit`). */
export function editorSource(path: string): EditorSource | null {
  if (path === '/programs/new') return { kind: 'new' };
  const draft = matchPath('/programs/drafts/:id', path);
  if (draft?.id) return { kind: 'draft', draftId: draft.id };
  const version = matchPath('/programs/:key/versions/:version/edit', path);
  if (version?.key && Number(version.version) > 0)
    return { kind: 'version', key: version.key, version: Number(version.version) };
  return null;
}
