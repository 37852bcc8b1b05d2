import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (signatures are computed over it). */
  body: string;
}

/** An answer, or `hang` to never answer (the handler's timeout has to end the attempt). */
export type Reply = { status: number; json?: unknown; headers?: Record<string, string> } | 'hang';

export type HttpReceiver = Awaited<ReturnType<typeof startHttpReceiver>>;

/** A local HTTP server on a free port that records every request and answers as the test says. */
export async function startHttpReceiver(reply: (request: ReceivedRequest, index: number) => Reply) {
  const requests: ReceivedRequest[] = [];
  let answer = reply;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    const reply = answer(request, requests.length - 1);
    if (reply === 'hang') return;
    res
      .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      .end(JSON.stringify(reply.json ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Changes how later requests are answered. */
    answerWith(next: (request: ReceivedRequest, index: number) => Reply) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
