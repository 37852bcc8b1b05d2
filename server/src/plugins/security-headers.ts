import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeaderOptions {
  /**
   * Lets the designer's pages evaluate strings as code ('unsafe-eval'). Form.io compiles its label
   * templates with `new Function` unless `Formio.Evaluator.noeval = true` is set in the browser; our forms
   * are JSONLogic only, so noeval loses nothing (checked in Chromium: with it, the task form renders under
   * `script-src 'self'` alone). Until the designer sets it, its HTML pages need this; API responses never
   * get it.
   */
  designerScriptEval: boolean;
}

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * Helmet's headers with a strict Content-Security-Policy: scripts only from our own origin and no
 * `eval`; inline styles are allowed because Form.io and bpmn-js set element styles. CORS stays off: the
 * designer is served from the same origin, so the API sends no `Access-Control-Allow-*` header at all.
 */
export const securityHeaders = fp(
  async (app: FastifyInstance, options: SecurityHeaderOptions) => {
    await app.register(helmet, { contentSecurityPolicy: { directives }, strictTransportSecurity: false });
    if (!options.designerScriptEval) return;
    const designerPolicy = serialize({ ...directives, scriptSrc: ["'self'", "'unsafe-eval'"] });
    app.addHook('onSend', async (request, reply) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (
        type.startsWith('text/html') &&
        !request.url.startsWith('/docs') &&
        !request.url.startsWith('/api/')
      )
        reply.header('content-security-policy', designerPolicy);
    });
  },
  { name: 'security-headers' },
);

function serialize(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(
      ([name, values]) =>
        `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join(';');
}
