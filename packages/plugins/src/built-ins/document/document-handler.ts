import { createHash } from 'node:crypto';
import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import type { NotificationSink } from '../notify/notification.js';
import type { DocumentArchive } from './document-archive.js';
import {
  DOCUMENT_TEMPLATES,
  type DocumentTemplate,
  missingData,
  renderDocument,
} from './document-templates.js';

export const DOCUMENT_TYPE = 'document.generate';

export const DocumentInputSchema = Type.Object({
  template: Type.Union(Object.keys(DOCUMENT_TEMPLATES).map((key) => Type.Literal(key))),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  data: Type.Record(Type.String(), Type.Unknown()),
  deliverTo: Type.Optional(
    Type.Union([
      Type.Array(Type.Union([Type.String({ pattern: '^(user|school|office):.+$' }), Type.Null()]), {
        maxItems: 1000,
      }),
      Type.Null(),
    ]),
  ),
});

export const DocumentOutputSchema = Type.Object({
  documentId: Type.String(),
  documentNumber: Type.String(),
  issuedAt: Type.String(),
});

/**
 * `document.generate` (definitions/HANDLERS.md): renders a 督导文书 (整改通知书, 督导意见书, 通知书,
 * 半月报, 督导报告) from a template as an HTML page with a 文号 of the issuing office, stores it in the
 * file area and delivers a notification to `deliverTo`. Missing data (no issues on a 整改通知书, no
 * school name, no conclusion) is the business error `DOC_DATA_INCOMPLETE`, which the programs catch
 * with a boundary event leading to a manual 出具 task. A re-run of the same job returns the same document.
 */
export function createDocumentHandler(
  archive: DocumentArchive,
  notifications: NotificationSink,
  now: () => Date,
) {
  return defineTaskHandler({
    type: DOCUMENT_TYPE,
    description:
      '生成督导文书：按模板生成整改通知书、督导意见书等并编号存档、送达 / generate a numbered inspection document',
    input: DocumentInputSchema,
    output: DocumentOutputSchema,
    async handler(job) {
      const template = job.variables.template as DocumentTemplate;
      const missing = missingData(template, job.variables.data);
      if (missing.length > 0) {
        return job.bpmnError('DOC_DATA_INCOMPLETE', `${job.variables.title}缺少：${missing.join('、')}`);
      }
      const id = `doc_${createHash('sha256').update(job.idempotencyKey).digest('hex').slice(0, 32)}`;
      const existing = await archive.find(id);
      if (existing) {
        return job.complete({ documentId: id, documentNumber: existing.number, issuedAt: existing.issuedAt });
      }
      const issuer = await archive.issuer(job.campaignId);
      if (!issuer) return job.fail(`督导批次 ${job.campaignId} 不存在`);
      const issuedAt = now().toISOString();
      const year = Number(issuedAt.slice(0, 4));
      const number = `${issuer.officeName}督字〔${year}〕${await archive.nextSequence(issuer.officeId, year)}号`;
      const html = renderDocument({
        template,
        title: job.variables.title,
        number,
        issuerName: issuer.officeName,
        issuedAt,
        data: job.variables.data,
      });
      await archive.save({
        id,
        number,
        issuedAt,
        name: `${job.variables.title}（${number}）.html`,
        contentType: 'text/html; charset=utf-8',
        bytes: new TextEncoder().encode(html),
        owner: `instance:${job.instanceId}`,
        officeId: issuer.officeId,
      });
      const recipients = [...new Set((job.variables.deliverTo ?? []).filter((r): r is string => r !== null))];
      for (const recipient of recipients) {
        await notifications.deliver({
          id: `notification:${createHash('sha256').update(`${id}\n${recipient}`).digest('hex').slice(0, 40)}`,
          recipient,
          title: `${DOCUMENT_TEMPLATES[template]}：${job.variables.title}`,
          message: `${issuer.officeName}出具了${job.variables.title}（${number}），请查阅。文书编号：${id}`,
          severity: template === 'rectification-notice' ? 'warning' : 'info',
          instanceId: job.instanceId,
          elementId: job.elementId,
          campaignId: job.campaignId,
          schoolId: job.schoolId,
        });
      }
      return job.complete({ documentId: id, documentNumber: number, issuedAt });
    },
  });
}
