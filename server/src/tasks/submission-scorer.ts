import type { CompiledForm, ScoreSheet } from '@ddt/forms';
import { scoreSubmission } from '@ddt/forms';
import type { ProgramManifest } from '@ddt/program';
import type { Instance, ProgramVersion, SchoolType, Store } from '@ddt/store';
import type { ProgramCatalog } from '../programs/program-catalog.js';

/**
 * Computes the score sheet of a submission whose form belongs to an indicator set of its program
 * (program.json `indicators`). A set may span several forms (a school's self-evaluation and the
 * inspectors' on-site check): the instance's earlier accepted submissions of the other forms count too.
 */
export class SubmissionScorer {
  constructor(
    private readonly store: Store,
    private readonly catalog: ProgramCatalog,
  ) {}

  async score(
    program: ProgramVersion,
    instance: Pick<Instance, 'id' | 'history'>,
    formId: string,
    schoolType: SchoolType | null,
    data: Record<string, unknown>,
  ): Promise<ScoreSheet | null> {
    const manifest = program.manifest as unknown as ProgramManifest;
    const indicators = Object.values(manifest.indicators ?? {}).find((set) => set.forms.includes(formId));
    if (!indicators || !schoolType) return null;
    const forms: Record<string, CompiledForm> = {};
    for (const id of indicators.forms) {
      const form = this.catalog.formFor(program, id);
      if (form) forms[id] = form;
    }
    const accepted = new Set((instance.history ?? []).flatMap((entry) => entry.submissionId ?? []));
    const earlier: Record<string, Record<string, unknown>> = {};
    if (indicators.forms.length > 1 && accepted.size > 0) {
      let cursor: string | null = null;
      do {
        const page = await this.store.findSubmissions({ instanceId: instance.id, limit: 200, cursor });
        for (const submission of page.items) {
          if (accepted.has(submission.id) && indicators.forms.includes(submission.formId))
            earlier[submission.formId] = submission.data;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    return scoreSubmission({ indicators, forms, data: { ...earlier, [formId]: data }, schoolType });
  }
}
