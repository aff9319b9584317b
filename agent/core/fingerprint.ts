import { createHash } from "node:crypto";

export type TFingerprintInput = { chatId: string; senderId: string; text: string; sentAt: string };

/**
 * Identifies "the same WeChat message seen twice" (a UI re-read, a window re-render, a restart) without
 * a stable message id, which WeChat's UI does not expose. Two identical texts from the same sender in
 * the same chat within one time bucket collapse into one — the accepted price for never replying twice.
 */
export function fingerprintMessage(input: TFingerprintInput, bucketMs: number): string {
  const bucket = Math.floor(Date.parse(input.sentAt) / bucketMs);
  return createHash("sha256")
    .update([input.chatId, input.senderId, input.text.trim(), String(bucket)].join("\u0000"))
    .digest("base64url")
    .slice(0, 32);
}
