"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LiveRegion } from "@/components/ui/live-region";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { MAX_CHUNK_CHARS, type TChunk } from "./doc-types";

const MAX_HEADING = 500;

/** Edits one chunk's heading and text; saving re-indexes that chunk on the server. */
export function ChunkEditDialog({ chunk, trigger }: { chunk: TChunk; trigger: React.ReactNode }) {
  const t = useTranslations("knowledge.docs.chunks.edit");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [heading, setHeading] = useState(chunk.heading ?? "");
  const [content, setContent] = useState(chunk.content);
  const [errors, setErrors] = useState<{ heading?: string; content?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(
    trpc.knowledge.documents.updateChunk.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.knowledge.documents.chunks.pathFilter()),
    }),
  );

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) {
      setHeading(chunk.heading ?? "");
      setContent(chunk.content);
    }
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const h = heading.trim();
    const c = content.trim();
    const found: typeof errors = {};
    if (!c) found.content = v("required");
    else if (c.length > MAX_CHUNK_CHARS) found.content = t("tooLong", { max: MAX_CHUNK_CHARS });
    if (h.length > MAX_HEADING) found.heading = t("tooLong", { max: MAX_HEADING });
    setErrors(found);
    setFormError(null);
    if (found.heading || found.content) {
      document.getElementById(found.heading ? "chunk-heading" : "chunk-content")?.focus();
      return;
    }
    try {
      const changed = {
        ...(h !== (chunk.heading ?? "") ? { heading: h || null } : {}),
        ...(c !== chunk.content ? { content: c } : {}),
      };
      if (Object.keys(changed).length)
        await save.mutateAsync({ tenantId: tenant.tenantId, chunkId: chunk.id, ...changed });
      toast.success(t("saved"));
      setOpen(false);
    } catch (err) {
      const server = { heading: fieldError(err, "heading"), content: fieldError(err, "content") };
      setErrors({ heading: server.heading ?? undefined, content: server.content ?? undefined });
      if (!server.heading && !server.content) setFormError(errorText(err));
    }
  }

  const length = content.trim().length;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("title", { n: chunk.ordinal + 1 })}</DialogTitle>
          <DialogDescription>{t("text")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <Field id="chunk-heading" label={t("heading")} error={errors.heading} hint={t("headingHint")}>
            <Input
              {...fieldProps("chunk-heading", errors.heading, true)}
              value={heading}
              onChange={(e) => setHeading(e.target.value)}
              autoComplete="off"
            />
          </Field>
          <Field
            id="chunk-content"
            label={t("content")}
            error={errors.content}
            hint={t("contentHint", { length, max: MAX_CHUNK_CHARS })}
          >
            <Textarea
              {...fieldProps("chunk-content", errors.content, true)}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={12}
              className="max-h-[55dvh] min-h-40"
              required
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={save.isPending}>
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
