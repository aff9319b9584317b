import type { z } from "zod";
import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type {
  TCannedReplyView,
  ZCreateCannedReplyInput,
  ZListCannedRepliesInput,
  ZUpdateCannedReplyInput,
} from "./canned-reply-schemas";

// Canned replies of a tenant (PRODUCT.md §10): agents search them from the composer, admins edit
// them in the support settings. Shortcuts are unique per tenant (a database constraint, so two
// admins saving the same shortcut at once get one row and one CONFLICT).

const VIEW_SELECT = { id: true, shortcut: true, content: true, updatedAt: true } as const;

/**
 * Replies whose shortcut or content contains `search` (case-insensitive). Shortcut matches come
 * first, those starting with the search before the others, because the composer searches by what the
 * agent typed after "/".
 */
export async function listCannedReplies(
  tenantId: string,
  input: z.infer<typeof ZListCannedRepliesInput>,
): Promise<TCannedReplyView[]> {
  const client = await db();
  const search = input.search || undefined;
  const rows = await client.cannedReply.findMany({
    where: {
      tenantId,
      ...(search
        ? {
            OR: [
              { shortcut: { contains: search, mode: "insensitive" as const } },
              { content: { contains: search, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: [{ shortcut: "asc" }],
    take: input.limit,
    select: VIEW_SELECT,
  });
  if (!search) return rows;
  const needle = search.toLowerCase();
  const rank = (r: TCannedReplyView) => {
    const s = r.shortcut.toLowerCase();
    return s === needle ? 0 : s.startsWith(needle) ? 1 : s.includes(needle) ? 2 : 3;
  };
  return rows
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

function conflictOnShortcut(e: unknown): never {
  if (isUniqueViolation(e))
    throw new AppError("CONFLICT", "A canned reply with this shortcut already exists", "shortcut");
  throw e;
}

export async function createCannedReply(
  tenantId: string,
  actor: TActor,
  input: z.infer<typeof ZCreateCannedReplyInput>,
): Promise<TCannedReplyView> {
  const client = await db();
  try {
    return await client.$transaction(async (tx) => {
      const row = await tx.cannedReply.create({
        data: { tenantId, shortcut: input.shortcut, content: input.content, createdById: actor.actorId },
        select: VIEW_SELECT,
      });
      await recordAudit(tx, {
        tenantId,
        ...actor,
        action: "canned_reply.created",
        targetType: "canned_reply",
        targetId: row.id,
        data: { shortcut: row.shortcut },
      });
      return row;
    });
  } catch (e) {
    conflictOnShortcut(e);
  }
}

export async function updateCannedReply(
  tenantId: string,
  actor: TActor,
  cannedReplyId: string,
  input: z.infer<typeof ZUpdateCannedReplyInput>,
): Promise<TCannedReplyView> {
  const client = await db();
  try {
    return await client.$transaction(async (tx) => {
      const res = await tx.cannedReply.updateMany({
        where: { id: cannedReplyId, tenantId },
        data: {
          ...(input.shortcut !== undefined ? { shortcut: input.shortcut } : {}),
          ...(input.content !== undefined ? { content: input.content } : {}),
        },
      });
      if (res.count === 0) throw notFound("Canned reply");
      const row = await tx.cannedReply.findFirstOrThrow({
        where: { id: cannedReplyId, tenantId },
        select: VIEW_SELECT,
      });
      await recordAudit(tx, {
        tenantId,
        ...actor,
        action: "canned_reply.updated",
        targetType: "canned_reply",
        targetId: row.id,
        data: { shortcut: row.shortcut, fields: Object.keys(input) },
      });
      return row;
    });
  } catch (e) {
    conflictOnShortcut(e);
  }
}

export async function deleteCannedReply(tenantId: string, actor: TActor, cannedReplyId: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const row = await tx.cannedReply.findFirst({
      where: { id: cannedReplyId, tenantId },
      select: { shortcut: true },
    });
    const res = await tx.cannedReply.deleteMany({ where: { id: cannedReplyId, tenantId } });
    if (!row || res.count === 0) throw notFound("Canned reply");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "canned_reply.deleted",
      targetType: "canned_reply",
      targetId: cannedReplyId,
      data: { shortcut: row.shortcut },
    });
    return { ok: true as const };
  });
}
