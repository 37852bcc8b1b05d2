// Type test, checked by `npm run typecheck` (tsc), never run. Each `@ts-expect-error` marks a handler
// that must NOT compile; if the contract ever accepted it, the directive would be unused and tsc fails.
import { Type } from '@sinclair/typebox';
import { defineTaskHandler, type JobAcknowledgement } from '../../src/index.js';

const Input = Type.Object({ phone: Type.String(), text: Type.String() });
const Output = Type.Object({ messageId: Type.String() });
const base = { type: 'sms.send', description: '发送短信', input: Input, output: Output } as const;

// Every path acknowledges: compiles.
defineTaskHandler({
  ...base,
  async handler(job) {
    const phone: string = job.variables.phone;
    if (phone === '') return job.bpmnError('NO_PHONE', '学校没有登记电话');
    if (job.signal.aborted) return job.fail('已超时', { retryIn: 1000 });
    return job.complete({ messageId: 'm-1' });
  },
});

defineTaskHandler({
  ...base,
  // @ts-expect-error a handler that forgets to return the acknowledgement does not compile
  async handler(job) {
    job.complete({ messageId: 'm-1' });
  },
});

defineTaskHandler({
  ...base,
  // @ts-expect-error one path without an acknowledgement is enough to fail
  async handler(job) {
    if (job.variables.phone) return job.complete({ messageId: 'm-1' });
  },
});

defineTaskHandler({
  ...base,
  // @ts-expect-error an acknowledgement cannot be forged from a plain object
  handler: () => ({ acknowledged: true }),
});

defineTaskHandler({
  ...base,
  // @ts-expect-error nor by a cast-free empty object
  handler: () => ({}),
});

defineTaskHandler({
  ...base,
  // @ts-expect-error the output must match the output schema
  handler: (job) => job.complete({ messageId: 42 }),
});

defineTaskHandler({
  ...base,
  handler(job) {
    // @ts-expect-error input variables are typed from the input schema (and read-only)
    job.variables.phone = '110';
    // @ts-expect-error unknown input variables are not there
    const missing: string = job.variables.email;
    return job.fail(String(missing));
  },
});

// The brand is not a public type anyone can construct.
// @ts-expect-error JobAcknowledgement has a unique-symbol key nobody outside the SDK can name
const forged: JobAcknowledgement = { acknowledged: true };
void forged;
