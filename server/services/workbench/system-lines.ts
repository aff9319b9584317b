import { resolveLanguage } from "../rules/templates";

// What the customer reads when a human joins, a transfer completes, the bot takes back over or the
// conversation closes with a rating request — in the tenant's language. The agent's display name is
// user-chosen text; it is only ever shown as text by the channels.

type TLine = { "zh-CN": (name: string) => string; en: (name: string) => string };

const LINES = {
  joined: {
    "zh-CN": (name) => `客服【${name}】已接入，请问有什么可以帮您？`,
    en: (name) => `${name} has joined the conversation.`,
  },
  transferred: {
    "zh-CN": (name) => `已为您转接客服【${name}】`,
    en: (name) => `You have been transferred to ${name}.`,
  },
  released: {
    "zh-CN": () => "已为您转回智能助手",
    en: () => "You are now back with our assistant.",
  },
  rateRequest: {
    "zh-CN": () => "请为本次服务打分（1-5）",
    en: () => "Please rate this conversation (1–5)",
  },
} satisfies Record<string, TLine>;

export type TSystemLine = keyof typeof LINES;

export function systemLine(line: TSystemLine, tenantLanguage: string | null | undefined, name = ""): string {
  return LINES[line][resolveLanguage(tenantLanguage)](name);
}
