import type { FastifyServerOptions } from 'fastify';

/**
 * Pino options for the server: JSON lines with the request id Fastify adds to every request's log
 * lines. Request bodies are never logged, and anything that could carry a secret is redacted.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.passwordHash',
      ],
      censor: '[已隐藏]',
    },
  };
}
