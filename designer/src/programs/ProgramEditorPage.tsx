import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.js';
import { programApi } from '../api/programApi.js';
import type { BundleProblem, FormioFormJson, ProgramBundle, ProgramManifest } from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { Link } from '../routing/router.js';
import type { BpmnEditorHandle } from './bpmn/BpmnEditor.js';
import type { EditorSource } from './editorSource.js';
import { ManifestEditor } from './ManifestEditor.js';
import { newProgramBundle } from './newProgramBundle.js';
import { ProblemList, toBundleProblems } from './ProblemList.js';

// bpmn-js and the Form.io builder are each ~450 kB gzipped: separate chunks, loaded when their tab opens.
const BpmnEditor = lazy(() => import('./bpmn/BpmnEditor.js'));
const FormBuilderPane = lazy(() => import('./forms/FormBuilderPane.js'));

interface Loaded {
  bundle: ProgramBundle;
  problems: BundleProblem[];
  draftId: string | null;
  origin: string;
  /**
   * Set when the office opened a program it may not version (the platform's, or a higher office's): the
   * editor saves it under a new key as the office's own program, and this says what it was.
   */
  adaptedFrom: { key: string; name: string } | null;
}

async function loadBundle(source: EditorSource): Promise<Loaded> {
  if (source.kind === 'draft') {
    const detail = await programApi.draft(source.draftId);
    const { manifest, bpmn, forms } = detail;
    return {
      bundle: { manifest, bpmn, forms },
      problems: detail.problems,
      draftId: detail.draft.id,
      origin: `草稿 ${detail.draft.id} · 保存于 ${formatDateTime(detail.draft.uploadedAt)}`,
      adaptedFrom: null,
    };
  }
  if (source.kind === 'version') {
    const detail = await programApi.version(source.key, source.version);
    const { manifest, bpmn, forms } = detail;
    if (detail.version.manageable) {
      return {
        bundle: { manifest, bpmn, forms },
        problems: [],
        draftId: null,
        origin: `基于第 ${source.version} 版`,
        adaptedFrom: null,
      };
    }
    return {
      bundle: {
        manifest: { ...manifest, key: `${source.key}-local`, name: `${detail.version.name}（本单位版）` },
        bpmn,
        forms,
      },
      problems: [],
      draftId: null,
      origin: `复制自 ${source.key} 第 ${source.version} 版`,
      adaptedFrom: { key: source.key, name: detail.version.name },
    };
  }
  return {
    bundle: newProgramBundle('new-program', '新督导项目'),
    problems: [],
    draftId: null,
    origin: '新项目',
    adaptedFrom: null,
  };
}

/** Office admins' program designer: the BPMN process, each form, program.json; save as a draft, publish. */
export default function ProgramEditorPage({ source }: { source: EditorSource }) {
  const [loaded] = useApiData(useCallback(() => loadBundle(source), [source]));

  if (loaded.status === 'loading') {
    return (
      <p className="text-secondary" role="status">
        正在加载督导项目…
      </p>
    );
  }
  if (loaded.status === 'error') {
    return (
      <div className="alert alert-danger" role="alert">
        {loaded.message} <Link to="/programs">返回督导项目</Link>
      </div>
    );
  }
  return (
    <Editor loaded={loaded.data} keyEditable={source.kind === 'new' || loaded.data.adaptedFrom !== null} />
  );
}

type Tab = 'process' | 'forms' | 'settings';

function Editor({ loaded, keyEditable }: { loaded: Loaded; keyEditable: boolean }) {
  const [manifest, setManifest] = useState<ProgramManifest>(
    loaded.bundle.manifest as unknown as ProgramManifest,
  );
  const forms = useRef<Record<string, FormioFormJson>>(structuredClone(loaded.bundle.forms));
  const [formId, setFormId] = useState(Object.keys(loaded.bundle.forms)[0] ?? '');
  const [tab, setTab] = useState<Tab>('process');
  const [draftId, setDraftId] = useState(loaded.draftId);
  const [problems, setProblems] = useState<BundleProblem[]>(loaded.problems);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger' | 'info'; text: string } | null>(null);
  const bpmnRef = useRef<BpmnEditorHandle>(null);

  const formList = useMemo(
    () => Object.entries(manifest.forms).map(([id, entry]) => ({ id, title: entry.title })),
    [manifest.forms],
  );
  const markDirty = useCallback(() => setDirty(true), []);
  const currentForm = forms.current[formId] ?? null;

  const save = async (): Promise<string | null> => {
    setBusy('save');
    setNotice(null);
    try {
      const bpmn = (await bpmnRef.current?.saveXml()) ?? loaded.bundle.bpmn;
      const bundle: ProgramBundle = {
        manifest: manifest as unknown as Record<string, unknown>,
        bpmn,
        forms: forms.current,
      };
      const result = await programApi.saveDraft(bundle);
      setDraftId(result.draft.id);
      setProblems(result.problems);
      setDirty(false);
      // The address follows the newest draft without reloading the editor.
      window.history.replaceState(null, '', `/programs/drafts/${encodeURIComponent(result.draft.id)}`);
      setNotice({ tone: 'success', text: `草稿已保存（${result.draft.id}）。` });
      return result.draft.id;
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0)
        setProblems(toBundleProblems(error.problems));
      setNotice({ tone: 'danger', text: errorMessage(error) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    const id = dirty || !draftId ? await save() : draftId;
    if (!id) return;
    setBusy('publish');
    try {
      const result = await programApi.publish(id);
      setProblems([]);
      setNotice(
        result.created
          ? {
              tone: 'success',
              text: `已发布「${result.version.name}」第 ${result.version.version} 版，可以下发了。`,
            }
          : { tone: 'info', text: `内容与第 ${result.version.version} 版相同，没有发布新版本。` },
      );
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0)
        setProblems(toBundleProblems(error.problems));
      setNotice({ tone: 'danger', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const locate = (elementId: string) => {
    setTab('process');
    if (!bpmnRef.current?.select(elementId))
      setNotice({ tone: 'info', text: `流程图中没有元素 ${elementId}（可能在表单或 program.json 中）。` });
  };

  return (
    <>
      <nav aria-label="返回" className="mb-2">
        <Link to="/programs" className="small">
          ← 督导项目
        </Link>
      </nav>
      <div className="d-flex flex-wrap align-items-start gap-2 mb-2">
        <div className="me-auto">
          <h1 className="h4 mb-1">{manifest.name}</h1>
          <div className="small text-secondary">
            <span className="font-monospace">{manifest.key}</span> · {loaded.origin}
            {dirty ? ' · 有未保存的修改' : ''}
          </div>
        </div>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={busy !== null}
          onClick={() => void save()}
        >
          {busy === 'save' ? '正在保存…' : '保存草稿'}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy !== null}
          onClick={() => void publish()}
        >
          {busy === 'publish' ? '正在发布…' : '发布'}
        </button>
      </div>
      {notice && (
        <div
          className={`alert alert-${notice.tone} py-2`}
          role={notice.tone === 'danger' ? 'alert' : 'status'}
        >
          {notice.text}
        </div>
      )}
      {loaded.adaptedFrom && (
        <div className="alert alert-info py-2" role="note">
          {`「${loaded.adaptedFrom.name}」（${loaded.adaptedFrom.key}）是平台内置或上级督导室的项目，本单位不能为它发布新版本。`}
          {'在这里修改后发布，会另存为本单位的新项目；项目编号已改为 '}
          <span className="font-monospace">{manifest.key}</span>
          {'，可在「项目设置」中修改。'}
        </div>
      )}
      <ProblemList problems={problems} onLocate={locate} />
      <ul className="nav nav-tabs mb-2">
        {(
          [
            ['process', '流程'],
            ['forms', `表单（${formList.length}）`],
            ['settings', '项目设置'],
          ] as const
        ).map(([key, label]) => (
          <li key={key} className="nav-item">
            <button
              type="button"
              className={`nav-link${tab === key ? ' active' : ''}`}
              aria-current={tab === key ? 'true' : undefined}
              onClick={() => setTab(key)}
            >
              {label}
            </button>
          </li>
        ))}
      </ul>
      <Suspense
        fallback={
          <p className="text-secondary" role="status">
            正在加载编辑器…
          </p>
        }
      >
        {/* The modeler stays mounted while other tabs show, so its undo history and selection survive. */}
        <div hidden={tab !== 'process'}>
          <BpmnEditor ref={bpmnRef} xml={loaded.bundle.bpmn} forms={formList} onChange={markDirty} />
        </div>
        {tab === 'forms' && (
          <div>
            <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
              <label htmlFor="editor-form" className="form-label mb-0">
                表单
              </label>
              <select
                id="editor-form"
                className="form-select form-select-sm w-auto"
                value={formId}
                onChange={(event) => setFormId(event.target.value)}
              >
                {formList.map((form) => (
                  <option key={form.id} value={form.id}>
                    {form.title}（{form.id}）
                  </option>
                ))}
              </select>
            </div>
            {currentForm && (
              <FormBuilderPane
                key={formId}
                form={currentForm}
                onChange={(schema) => {
                  forms.current = { ...forms.current, [formId]: schema };
                  setDirty(true);
                }}
              />
            )}
          </div>
        )}
      </Suspense>
      {tab === 'settings' && (
        <ManifestEditor
          manifest={manifest}
          keyEditable={keyEditable}
          onChange={(next) => {
            setManifest(next);
            setDirty(true);
          }}
          onAddForm={(id, entry) => {
            forms.current = {
              ...forms.current,
              [id]: { title: entry.title, display: 'form', components: [] },
            };
            setManifest({ ...manifest, forms: { ...manifest.forms, [id]: entry } });
            setDirty(true);
          }}
        />
      )}
    </>
  );
}
