"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError, parseError } from "@/components/common/trpc-error";
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
import { CONTENT_MAX, SHORTCUT_MAX, SHORTCUT_RE, type TCannedReply } from "./support-types";

type TErrors = Partial<Record<"shortcut" | "content", string>>;

/** Adds a canned reply, or edits `item`; opened by `trigger`, which gets the focus back on close. */
export function CannedReplyDialog({ item, trigger }: { item?: TCannedReply; trigger: React.ReactNode }) {
  const t = useTranslations("supportSettings.canned.form");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [shortcut, setShortcut] = useState("");
  const [content, setContent] = useState("");
  const [errors, setErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries(trpc.cannedReplies.list.pathFilter());
  const create = useMutation(trpc.cannedReplies.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.cannedReplies.update.mutationOptions({ onSuccess: refresh }));

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) {
      setShortcut(item?.shortcut ?? ""); // start from the row as it is now
      setContent(item?.content ?? "");
    }
    setErrors({});
    setFormError(null);
  }

  function validate(s: string, c: string): TErrors {
    const found: TErrors = {};
    if (!s) found.shortcut = v("required");
    else if (s.length > SHORTCUT_MAX) found.shortcut = t("tooLong", { max: SHORTCUT_MAX });
    else if (!SHORTCUT_RE.test(s)) found.shortcut = t("shortcutInvalid");
    if (!c) found.content = v("required");
    else if (c.length > CONTENT_MAX) found.content = t("tooLong", { max: CONTENT_MAX });
    return found;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const s = shortcut.trim().replace(/^\//, "");
    const c = content.trim();
    const found = validate(s, c);
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`canned-${first}`)?.focus();
    try {
      if (item) {
        await update.mutateAsync({
          tenantId: tenant.tenantId,
          cannedReplyId: item.id,
          shortcut: s,
          content: c,
        });
        toast.success(t("saved"));
      } else {
        await create.mutateAsync({ tenantId: tenant.tenantId, shortcut: s, content: c });
        toast.success(t("created"));
      }
      setOpen(false);
    } catch (err) {
      const taken = parseError(err).code === "CONFLICT";
      const server: TErrors = {
        shortcut: taken ? t("shortcutTaken") : (fieldError(err, "shortcut") ?? undefined),
        content: fieldError(err, "content") ?? undefined,
      };
      setErrors(server);
      if (!server.shortcut && !server.content) setFormError(errorText(err));
      else document.getElementById(server.shortcut ? "canned-shortcut" : "canned-content")?.focus();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{item ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{item ? t("editText") : t("createText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <Field id="canned-shortcut" label={t("shortcut")} error={errors.shortcut} hint={t("shortcutHint")}>
            <div className="relative sm:max-w-xs">
              <span
                className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 font-mono text-sm text-muted-foreground"
                aria-hidden
              >
                /
              </span>
              <Input
                {...fieldProps("canned-shortcut", errors.shortcut, true)}
                value={shortcut}
                onChange={(e) => setShortcut(e.target.value)}
                maxLength={SHORTCUT_MAX + 1}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                className="pl-6 font-mono"
                required
              />
            </div>
          </Field>
          <Field
            id="canned-content"
            label={t("content")}
            error={errors.content}
            hint={t("contentHint", { count: content.trim().length, max: CONTENT_MAX })}
          >
            <Textarea
              {...fieldProps("canned-content", errors.content, true)}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={6}
              className="max-h-[50dvh] min-h-32"
              required
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {item ? t("submitEdit") : t("submitCreate")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
