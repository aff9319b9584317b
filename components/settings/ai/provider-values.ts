import {
  DEFAULT_BASE_URLS,
  KIND_LABELS,
  LIMITS,
  type TProvider,
  type TProviderKind,
  type TPurpose,
} from "./provider-kinds";

// The provider form as strings (what inputs hold), its client-side checks and the payload it sends.

export type TValues = {
  kind: TProviderKind;
  name: string;
  model: string;
  baseUrl: string;
  apiKey: string;
  clearKey: boolean;
  timeoutS: string;
  maxTokens: string;
  temperature: string;
  inputPrice: string;
  outputPrice: string;
  dim: string;
  enabled: boolean;
};
export type TField = Exclude<keyof TValues, "clearKey" | "enabled" | "kind">;
export type TErrors = Partial<Record<TField, string>>;

export function valuesOf(purpose: TPurpose, p?: TProvider): TValues {
  return {
    kind: p?.kind ?? (purpose === "EMBEDDING" ? "QWEN" : "DEEPSEEK"),
    name: p?.name ?? "",
    model: p?.model ?? "",
    baseUrl: p?.baseUrl ?? "",
    apiKey: "",
    clearKey: false,
    timeoutS: String((p?.timeoutMs ?? 30_000) / 1000),
    maxTokens: String(p?.maxTokens ?? 1024),
    temperature: String(p?.temperature ?? 0.3),
    inputPrice: String(p?.inputPricePerM ?? 0),
    outputPrice: String(p?.outputPricePerM ?? 0),
    dim: p?.embeddingDim ? String(p.embeddingDim) : "",
    enabled: p?.enabled ?? true,
  };
}

type TProblem = "required" | "url" | "range" | "negative" | "needsBaseUrl";

const num = (s: string) => (s.trim() === "" ? NaN : Number(s));
const inRange = (s: string, [min, max]: readonly [number, number], int = false) => {
  const n = num(s);
  return Number.isFinite(n) && n >= min && n <= max && (!int || Number.isInteger(n));
};

/** Problems found before sending, by field; the messages are looked up by the caller. */
export function checkValues(v: TValues, purpose: TPurpose): Partial<Record<TField, TProblem>> {
  const out: Partial<Record<TField, TProblem>> = {};
  if (!v.model.trim()) out.model = "required";
  const url = v.baseUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) out.baseUrl = "url";
  else if (!url && !DEFAULT_BASE_URLS[v.kind]) out.baseUrl = "needsBaseUrl";
  if (!inRange(v.timeoutS, LIMITS.timeoutS)) out.timeoutS = "range";
  if (purpose === "CHAT") {
    if (!inRange(v.maxTokens, [1, 1_000_000], true)) out.maxTokens = "range";
    if (!inRange(v.temperature, LIMITS.temperature)) out.temperature = "range";
  }
  if (purpose === "EMBEDDING" && !inRange(v.dim, LIMITS.dim, true)) out.dim = "range";
  for (const f of ["inputPrice", "outputPrice"] as const) if (!(num(v[f]) >= 0)) out[f] = "negative";
  return out;
}

/** The fields of a create payload (or of an update, before unchanged fields are dropped). */
export function payloadOf(v: TValues, purpose: TPurpose) {
  return {
    kind: v.kind,
    name: v.name.trim() || `${KIND_LABELS[v.kind]} ${v.model.trim()}`.slice(0, 60),
    model: v.model.trim(),
    baseUrl: v.baseUrl.trim() || null,
    timeoutMs: Math.round(num(v.timeoutS) * 1000),
    ...(purpose === "CHAT" ? { maxTokens: num(v.maxTokens), temperature: num(v.temperature) } : {}),
    inputPricePerM: num(v.inputPrice),
    outputPricePerM: num(v.outputPrice),
    embeddingDim: purpose === "EMBEDDING" ? num(v.dim) : null,
    enabled: v.enabled,
  };
}

/** Server field names → form fields. */
export const SERVER_FIELDS: Record<string, TField> = {
  name: "name",
  model: "model",
  baseUrl: "baseUrl",
  apiKey: "apiKey",
  timeoutMs: "timeoutS",
  maxTokens: "maxTokens",
  temperature: "temperature",
  inputPricePerM: "inputPrice",
  outputPricePerM: "outputPrice",
  embeddingDim: "dim",
};
