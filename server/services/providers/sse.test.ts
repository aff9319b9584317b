import { describe, expect, it } from "vitest";
import { readSse } from "./sse";

function responseOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
  return new Response(stream);
}

async function collect(chunks: string[]) {
  const out = [];
  let touched = 0;
  for await (const e of readSse(responseOf(chunks), () => touched++)) out.push(e);
  return { out, touched };
}

describe("readSse", () => {
  it("reassembles events split anywhere, including between \\r and \\n", async () => {
    const { out, touched } = await collect([
      "event: a\r",
      '\ndata: {"x"',
      ":1}\r\n\r",
      "\n: comment\n\ndata: one\ndata: two\n\n",
      "data:[DONE]\n\n",
    ]);
    expect(out).toEqual([
      { event: "a", data: '{"x":1}' },
      { event: undefined, data: "one\ntwo" },
      { event: undefined, data: "[DONE]" },
    ]);
    expect(touched).toBe(5); // one per network chunk
  });

  it("keeps a last event that lost its blank line", async () => {
    const { out } = await collect(['data: {"a":1}\n\ndata: {"b":2}']);
    expect(out.map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it("ignores frames without data", async () => {
    const { out } = await collect(["event: ping\n\n", ": keep-alive\n\n"]);
    expect(out).toEqual([]);
  });
});
