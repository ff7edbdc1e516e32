import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What an OpenAI-compatible endpoint sends back, for the scripted fake models of the tests (nock) and the
 * benchmark (a local HTTP server). No real model is involved anywhere in either.
 */

/** A chat completion that calls the named function; `args` as a string is sent as is (malformed JSON included). */
export function toolCallReply(name: string, args: unknown) {
  return {
    id: 'chatcmpl-scripted',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'scripted',
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } }],
        },
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** A completion in prose with no function call: how a refusal arrives. */
export function refusalReply(text = '抱歉，我无法协助处理这个请求。') {
  return {
    id: 'chatcmpl-refusal',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'scripted',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text, refusal: text } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export function embeddingsReply(vectors: number[][]) {
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: 'scripted',
    usage: { prompt_tokens: 1, total_tokens: 1 },
  };
}

export interface ScriptedReply {
  status?: number;
  body: unknown;
  /** never answer: the client's time limit has to end the call */
  hang?: boolean;
}

export interface ScriptedEndpoint {
  /** base URL to configure as TONGCE_LLM_BASE_URL */
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** A local OpenAI-compatible endpoint that answers each POST with what the script says, over real HTTP. */
export async function startScriptedEndpoint(script: (path: string, body: unknown) => ScriptedReply): Promise<ScriptedEndpoint> {
  const hanging = new Set<ServerResponse>();
  const endpoint = { url: '', requests: 0, close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      endpoint.requests++;
      const path = (req.url ?? '').replace(/^\/v1/u, '');
      const reply = script(path, JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      if (reply.hang) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  endpoint.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return endpoint;
}
