/**
 * WeChat writes a mention as "@name" followed by U+2005 (four-per-em space); older clients and pasted
 * text use a normal space, or the mention ends the message. Names are compared exactly, so "@小李客服"
 * does not count as a mention of "小李".
 */
export function detectAtMe(text: string, names: (string | undefined)[]): boolean {
  return names.some((name) => {
    if (!name) return false;
    let from = 0;
    for (let i = text.indexOf(`@${name}`, from); i >= 0; i = text.indexOf(`@${name}`, from)) {
      const next = text.charAt(i + name.length + 1);
      if (next === "" || next === "\u2005" || /\s/.test(next)) return true;
      from = i + 1;
    }
    return false;
  });
}
