// Each language named in itself, so people can find theirs whatever the current UI language is.
export const LANGUAGE_NAMES: Record<string, string> = { "zh-CN": "简体中文", en: "English" };
