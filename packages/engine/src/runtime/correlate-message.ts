import type { MessageSubscription } from '@ddt/store';
import { WorkflowError } from '../errors.js';
import { persistStep, type RuntimeContext, stepOn, withConflictRetry } from './runtime-context.js';

export interface CorrelateMessageArgs {
  /** The `bpmn:message` name, e.g. `appeal`. */
  name: string;
  /** The value the subscription's correlation key evaluated to (e.g. the school id); null for none. */
  correlationKey: string | null;
  /** Merged into the receiving process's variables. */
  variables?: Record<string, unknown>;
}

export interface CorrelatedMessage {
  instanceId: string;
  elementId: string;
}

const PAGE = 500;

/**
 * Delivers a message to every instance waiting for it (name and correlation key), as Zeebe does: once
 * per instance — when an instance waits at several matching elements, to one of them, chosen stably
 * (the lowest execution id). No waiting instance is `WF_ERR_MESSAGE_UNMATCHED`, never a silent no-op.
 * Each instance is its own write: an error part-way leaves the deliveries before it done.
 */
export async function correlateMessage(
  ctx: RuntimeContext,
  args: CorrelateMessageArgs,
): Promise<CorrelatedMessage[]> {
  if (typeof args.name !== 'string' || args.name === '') {
    throw new WorkflowError('WF_ERR_MESSAGE_UNMATCHED', '消息名称不能为空', { name: args.name });
  }
  const instanceIds = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { items: MessageSubscription[]; nextCursor: string | null } =
      await ctx.store.findMessageSubscriptions({
        name: args.name,
        correlationKey: args.correlationKey,
        limit: PAGE,
        cursor,
      });
    for (const subscription of page.items) instanceIds.add(subscription.instanceId);
    cursor = page.nextCursor;
  } while (cursor);

  const correlated: CorrelatedMessage[] = [];
  for (const instanceId of instanceIds) {
    const delivered = await deliver(ctx, instanceId, args);
    if (delivered) correlated.push(delivered);
  }
  if (correlated.length === 0) {
    throw new WorkflowError(
      'WF_ERR_MESSAGE_UNMATCHED',
      `没有流程实例在等待消息「${args.name}」（关联键 ${args.correlationKey ?? '无'}）`,
      {
        name: args.name,
        correlationKey: args.correlationKey,
      },
    );
  }
  return correlated;
}

async function deliver(
  ctx: RuntimeContext,
  instanceId: string,
  args: CorrelateMessageArgs,
): Promise<CorrelatedMessage | null> {
  return withConflictRetry(async () => {
    const stored = await ctx.store.getInstance(instanceId);
    const message = stored?.messages
      .filter((candidate) => candidate.name === args.name && candidate.correlationKey === args.correlationKey)
      .sort((a, b) => a.executionId.localeCompare(b.executionId))[0];
    if (!stored || !message) return null;
    const loaded = await stepOn(ctx, stored);
    const { step } = loaded;
    const runState = step.runOwning(`message:${message.executionId}`);
    if (!runState) return null;
    const run = step.resumeRun(runState, false);
    const waiting = run.waiting(message.executionId);
    if (!waiting) return null;
    const variables = args.variables ?? {};
    run.act(() => {
      run.mergeVariables(waiting, variables);
      waiting.signal({ ...variables });
    });
    await step.capture(runState, run);
    await persistStep(ctx, loaded);
    return { instanceId, elementId: message.elementId };
  });
}
