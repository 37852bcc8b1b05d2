import type { Instance } from '@ddt/store';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { launchInstance } from '../runtime/launch-instance.js';
import type { LaunchChunk, LaunchFailure, LaunchWorkerData } from './launch-messages.js';

/** Runs each school of a chunk to its first wait. A school that fails is reported; the others go on. */
export async function buildChunk(
  definition: CompiledDefinition,
  data: LaunchWorkerData,
  chunk: LaunchChunk,
): Promise<{ instances: Instance[]; failures: LaunchFailure[] }> {
  const now = new Date(chunk.now);
  const instances: Instance[] = [];
  const failures: LaunchFailure[] = [];
  for (const school of chunk.schools) {
    try {
      instances.push(
        await launchInstance(
          definition,
          data.program,
          {
            instanceId: `${data.campaign.id}:${school.id}`,
            scope: 'school',
            campaign: data.campaign,
            school,
            params: data.params,
          },
          now,
          { useTemplates: data.useTemplates },
        ),
      );
    } catch (error) {
      const coded = error as { code?: string; message?: string };
      failures.push({
        schoolId: school.id,
        code: coded.code ?? 'WF_ERR_RUN',
        message: coded.message ?? String(error),
      });
    }
  }
  return { instances, failures };
}
