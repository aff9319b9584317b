import { z } from "zod";

// A canned reply is inserted in the workbench composer by typing "/" + its shortcut, so a shortcut is
// one word: no spaces, only letters (CJK included), digits, "-" and "_". A leading "/" typed out of
// habit is dropped rather than refused.

export const SHORTCUT_MAX = 32;
export const CONTENT_MAX = 2000;
const SHORTCUT_RE = /^[\p{L}\p{N}_-]+$/u;

export const ZShortcut = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\//, ""))
  .pipe(
    z
      .string()
      .min(1, "Shortcut is required")
      .max(SHORTCUT_MAX, `Shortcut is longer than ${SHORTCUT_MAX} characters`)
      .regex(SHORTCUT_RE, "Use letters, digits, - or _ only (no spaces)"),
  );

export const ZContent = z
  .string()
  .trim()
  .min(1, "Content is required")
  .max(CONTENT_MAX, `Content is longer than ${CONTENT_MAX} characters`);

export const ZListCannedRepliesInput = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ZCreateCannedReplyInput = z.object({ shortcut: ZShortcut, content: ZContent });

export const ZUpdateCannedReplyInput = z.object({
  shortcut: ZShortcut.optional(),
  content: ZContent.optional(),
});

export const ZCannedReplyView = z.object({
  id: z.string(),
  shortcut: z.string(),
  content: z.string(),
  updatedAt: z.date(),
});
export type TCannedReplyView = z.infer<typeof ZCannedReplyView>;
