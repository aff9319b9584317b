import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createBehaviourTable, type TBehaviour, type TRecordedRequest } from "./fake-llm-behaviours";
import type { AddressInfo } from "node:net";
import {
  completionBody,
  countFakeTokens,
  errorBody,
  fakeEmbedding,
  promptText,
  streamFrames,
  type TVendorRoute,
} from "./fake-llm-wire";

// A real HTTP server on loopback that speaks the wire formats of the LLM vendors (the edge of the world
// for the AI gateway): OpenAI chat completions and embeddings, Anthropic messages and Gemini
// generateContent, each with streaming. It checks the auth header, records every request and misbehaves
// on demand, per route and/or per model.

export type { TVendorRoute } from "./fake-llm-wire";
export { countFakeTokens, fakeEmbedding } from "./fake-llm-wire";
export { behave, type TAnswer, type TBehaviour, type TRecordedRequest } from "./fake-llm-behaviours";

export const DEFAULT_ANSWER = "Hello! How can I help you today?";
export const DEFAULT_EMBEDDING_DIM = 8;

function route(
  method: string,
  path: string,
): { route: TVendorRoute; model?: string; stream?: boolean } | null {
  if (method !== "POST") return null;
  if (path.endsWith("/chat/completions")) return { route: "openai" };
  if (path.endsWith("/embeddings")) return { route: "embeddings" };
  if (path.endsWith("/v1/messages")) return { route: "anthropic" };
  const gemini = /\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
  if (gemini)
    return {
      route: "gemini",
      model: decodeURIComponent(gemini[1]),
      stream: gemini[2] === "streamGenerateContent",
    };
  return null;
}

function authorized(
  r: TVendorRoute,
  headers: IncomingHttpHeaders,
  query: Record<string, string>,
  key: string,
): boolean {
  if (r === "anthropic") return headers["x-api-key"] === key && !!headers["anthropic-version"];
  if (r === "gemini") return headers["x-goog-api-key"] === key || query.key === key;
  return headers.authorization === `Bearer ${key}`;
}

/** Waits, but gives up as soon as the client has gone (a client timeout closes the socket). */
function wait(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off("close", done);
      resolve();
    }
    res.once("close", done);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const data = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    return data && typeof data === "object" ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startFakeVendor(opts: { apiKey?: string } = {}) {
  const apiKey = opts.apiKey ?? "test-key";
  const requests: TRecordedRequest[] = [];
  const behaviours = createBehaviourTable();

  async function respond(
    res: ServerResponse,
    req: TRecordedRequest,
    b: Exclude<TBehaviour, { type: "sequence" }>,
  ): Promise<void> {
    if (b.type === "timeout") return; // never answers
    if (b.type === "status") {
      const headers: Record<string, string> = b.retryAfter ? { "retry-after": b.retryAfter } : {};
      return sendJson(
        res,
        b.status,
        errorBody(req.route, b.status, b.message ?? `HTTP ${b.status}`),
        headers,
      );
    }
    if (b.type === "malformed") {
      if (b.kind === "shape") return sendJson(res, 200, { unexpected: true, choices: "none" });
      if (!req.stream)
        return void res.writeHead(200, { "content-type": "application/json" }).end('{"choices": [{"mess');
      res.writeHead(200, { "content-type": "text/event-stream" });
      return void res.end('data: {"choices": [{"delta": {"content": "Hel\n\n');
    }
    if (b.delayMs) await wait(b.delayMs, res);
    if (res.destroyed) return;
    const prompt = promptText(req.route, req.body);
    const tokensIn = countFakeTokens(prompt);
    if (req.route === "embeddings") {
      const inputs =
        typeof req.body.input === "string" ? [req.body.input] : ((req.body.input as string[]) ?? []);
      const dim =
        b.dimensions ??
        (typeof req.body.dimensions === "number" ? req.body.dimensions : DEFAULT_EMBEDDING_DIM);
      // In reverse order, which the API allows: clients must sort by index.
      const data = inputs
        .map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text, dim) }))
        .reverse();
      return sendJson(res, 200, {
        object: "list",
        data,
        model: req.model,
        ...(b.usage === false ? {} : { usage: { prompt_tokens: tokensIn, total_tokens: tokensIn } }),
      });
    }
    const answer = typeof b.answer === "function" ? b.answer(req) : (b.answer ?? DEFAULT_ANSWER);
    if (!req.stream) {
      const body: Record<string, unknown> = completionBody(req.route, req.model, answer, tokensIn);
      if (b.usage === false) delete body[req.route === "gemini" ? "usageMetadata" : "usage"];
      return sendJson(res, 200, body);
    }
    const options = req.body.stream_options as { include_usage?: boolean } | undefined;
    const frames = streamFrames(
      req.route,
      req.model,
      answer,
      tokensIn,
      b.usage !== false && !!options?.include_usage,
    );
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const [i, f] of frames.entries()) {
      if (b.stallAfterFrames !== undefined && i >= b.stallAfterFrames) return; // hangs with the stream open
      if (b.chunkGapMs && i > 0) await wait(b.chunkGapMs, res);
      if (res.destroyed) return;
      res.write(f);
    }
    res.end();
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const found = route(req.method ?? "GET", url.pathname);
      if (!found) return sendJson(res, 404, { error: { message: `No route ${req.method} ${url.pathname}` } });
      const body = await readBody(req);
      if (!body) return sendJson(res, 400, errorBody(found.route, 400, "Request body is not a JSON object"));
      const query = Object.fromEntries(url.searchParams);
      const recorded: TRecordedRequest = {
        route: found.route,
        path: url.pathname,
        query,
        headers: req.headers,
        body,
        model: found.model ?? String(body.model ?? ""),
        stream: found.stream ?? body.stream === true,
        authorized: authorized(found.route, req.headers, query, apiKey),
      };
      requests.push(recorded);
      if (!recorded.authorized) {
        // Gemini really answers a bad key with 400 API_KEY_INVALID, not 401.
        if (found.route === "gemini") {
          return sendJson(res, 400, {
            error: {
              code: 400,
              message: "API key not valid. Please pass a valid API key.",
              status: "INVALID_ARGUMENT",
              details: [{ reason: "API_KEY_INVALID" }],
            },
          });
        }
        return sendJson(res, 401, errorBody(found.route, 401, "Incorrect API key provided"));
      }
      await respond(res, recorded, behaviours.pick(found.route, recorded.model));
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake vendor crashed: ${String(e)}` } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    /** no trailing slash; OpenAI-style clients use `${url}/v1` as their base */
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    /** without `where` it applies to every route and model; a more specific setting wins */
    setBehaviour(b: TBehaviour, where: { route?: TVendorRoute; model?: string } = {}) {
      behaviours.set(b, where);
    },
    reset() {
      behaviours.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // "timeout" requests are never answered: cut them so close() does not wait for them
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TFakeVendor = Awaited<ReturnType<typeof startFakeVendor>>;
