import { ProviderError } from "./provider-error";
import { net } from "./http";

// A minimal server-sent-events reader (the subset the vendors use: `event:` and `data:` fields, comments,
// multi-line data). Lines may be split anywhere across network chunks, including between \r and \n.

export type TSseEvent = { event?: string; data: string };

export async function* readSse(res: Response, onChunk: () => void): AsyncGenerator<TSseEvent> {
  if (!res.body) throw new ProviderError("bad_response", "The stream has no body");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event: string | undefined;
  let data: string[] = [];
  const flush = (): TSseEvent | undefined => {
    const out = data.length ? { event, data: data.join("\n") } : undefined;
    event = undefined;
    data = [];
    return out;
  };
  try {
    for (;;) {
      const { value, done } = await net("the stream broke", () => reader.read());
      if (done) break;
      onChunk();
      buffer += decoder.decode(value, { stream: true });
      let match: RegExpExecArray | null;
      while ((match = /\r\n|\r|\n/.exec(buffer))) {
        // a lone \r at the very end may be the first half of \r\n: wait for the next chunk
        if (match[0] === "\r" && match.index === buffer.length - 1) break;
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === "") {
          const ready = flush();
          if (ready) yield ready;
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          const raw = colon === -1 ? "" : line.slice(colon + 1);
          const value = raw.startsWith(" ") ? raw.slice(1) : raw;
          if (field === "data") data.push(value);
          else if (field === "event") event = value;
        }
      }
    }
    // Lenient about a last event without its blank line: some proxies drop it.
    const tail = buffer.trim();
    if (tail.startsWith("data:")) data.push(tail.slice(5).trimStart());
    const last = flush();
    if (last) yield last;
  } finally {
    // Stop the download when the consumer leaves early (e.g. after [DONE]) or failed.
    await reader.cancel().catch(() => undefined);
  }
}
