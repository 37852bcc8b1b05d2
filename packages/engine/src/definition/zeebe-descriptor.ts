import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Camunda 8 (Zeebe) moddle descriptor: our definitions speak that dialect. */
export const zeebeDescriptor: Record<string, unknown> = require('zeebe-bpmn-moddle/resources/zeebe.json');
