import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  path: string;
  authorization: string | undefined;
  body: { to: string; text: string; clientRef: string };
}

/** A reply, or `hang` to never answer (the handler's timeout must end the attempt). */
export type GatewayReply = { status: number; json: unknown } | 'hang';

/** A local SMS gateway on a free port; the test says how it answers each request. */
export async function startFakeGateway(reply: (request: GatewayRequest, index: number) => GatewayReply) {
  const requests: GatewayRequest[] = [];
  const server = createServer(async (req, res) => {
    const request: GatewayRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: JSON.parse(await readBody(req)),
    };
    requests.push(request);
    const answer = reply(request, requests.length - 1);
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
