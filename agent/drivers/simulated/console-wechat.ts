import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { SimulatedDriver } from "./simulated-driver";

const USAGE =
  'Fake WeChat: type "客户A: 你好" (private) or "产品群/张三: @客服 在吗" (group); the bot\'s replies print here.';

/**
 * Turns the simulated driver into a console "fake WeChat" for demos: each input line becomes an
 * incoming message, and every message the bot types is printed.
 */
export function attachConsoleWechat(
  driver: SimulatedDriver,
  input: Readable,
  output: Writable,
  selfName = "客服",
): void {
  output.write(USAGE + "\n");
  driver.onSent((sent) => output.write(`[bot → ${sent.chat.name}] ${sent.text}\n`));
  createInterface({ input }).on("line", (line) => {
    const parsed = parseConsoleLine(line, selfName);
    if (parsed) driver.inject(parsed);
    else if (line.trim()) output.write(USAGE + "\n");
  });
}

export function parseConsoleLine(line: string, selfName: string) {
  const match = /^\s*([^:：]+?)\s*[:：]\s*(.+)$/.exec(line);
  if (!match) return undefined;
  const [, who, text] = match;
  const [chatName, senderName] = who.split("/").map((s) => s.trim());
  if (senderName) {
    return {
      text,
      chat: { id: chatName, name: chatName, type: "group" as const },
      sender: { id: senderName, name: senderName },
      atMe: text.includes(`@${selfName}`),
    };
  }
  return { text, chatName };
}
