import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';

/**
 * Stand-ins for the handlers of definitions/HANDLERS.md, which are plugins (a boundary we do not own
 * here): they complete at once with plausible outputs and record every call.
 */
export function recordingHandlers() {
  const calls: { type: string; variables: Record<string, unknown> }[] = [];
  const AnyInput = Type.Record(Type.String(), Type.Unknown());
  const record = (type: string, variables: Record<string, unknown>) => calls.push({ type, variables });
  const handlers = [
    defineTaskHandler({
      type: 'notify.send',
      description: '站内通知（测试替身）',
      input: AnyInput,
      output: Type.Object({ notifiedCount: Type.Integer() }),
      handler(job) {
        record('notify.send', job.variables);
        return job.complete({ notifiedCount: 1 });
      },
    }),
    defineTaskHandler({
      type: 'document.generate',
      description: '生成文书（测试替身）',
      input: AnyInput,
      output: Type.Object({
        documentId: Type.String(),
        documentNumber: Type.String(),
        issuedAt: Type.String(),
      }),
      handler(job) {
        record('document.generate', job.variables);
        return job.complete({
          documentId: 'doc-1',
          documentNumber: '督字〔2026〕1号',
          issuedAt: '2026-03-02T02:00:00.000Z',
        });
      },
    }),
  ];
  return { calls, handlers };
}
