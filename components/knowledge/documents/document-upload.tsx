"use client";

import { useQueryClient } from "@tanstack/react-query";
import { FileUp, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LiveRegion } from "@/components/ui/live-region";
import { toast } from "@/components/ui/toast";
import { ACCEPT, extensionOf, FORMAT_LABELS, MAX_DOCUMENT_BYTES } from "./doc-types";
import { useDocumentProblemText } from "./document-failure";

type TProblem = { file: string; message: string };

/** POST /api/knowledge/documents; resolves with the server's message when it refuses the file. */
async function uploadOne(tenantId: string, file: File): Promise<string | null> {
  const form = new FormData();
  form.set("tenantId", tenantId);
  form.set("file", file);
  const res = await fetch("/api/knowledge/documents", { method: "POST", body: form });
  if (res.ok) return null;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `HTTP ${res.status}`;
}

export type TUpload = ReturnType<typeof useDocumentUpload>;

/**
 * Upload by button or by dropping files on the zone. Files are checked here first (type, empty, 20 MB)
 * so the common mistakes get a clear message without a round trip; what the server refuses is shown
 * in the UI's language (document-failure.ts). Parsing happens in the background: the list shows each
 * document's progress.
 */
export function useDocumentUpload() {
  const t = useTranslations("knowledge.docs.upload");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<TProblem[]>([]);
  const problemText = useDocumentProblemText();
  const tf = useTranslations("knowledge.docs.failure");
  const refusal = (message: string) => {
    const p = problemText(message);
    return p.detail ? `${p.text} ${tf("detail", { detail: p.detail })}` : p.text;
  };

  function check(file: File): string | null {
    if (!FORMAT_LABELS[extensionOf(file.name)]) return t("badType");
    if (file.size === 0) return t("empty");
    if (file.size > MAX_DOCUMENT_BYTES) return t("tooLarge", { max: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    return null;
  }

  async function send(files: FileList | File[] | null) {
    if (!files?.length || busy) return;
    setBusy(true);
    setProblems([]);
    const found: TProblem[] = [];
    let sent = 0;
    try {
      for (const file of Array.from(files)) {
        const problem = check(file);
        if (problem) {
          found.push({ file: file.name, message: problem });
          continue;
        }
        try {
          const refused = await uploadOne(tenant.tenantId, file);
          if (refused) found.push({ file: file.name, message: refusal(refused) });
          else sent++;
        } catch {
          found.push({ file: file.name, message: t("network") });
        }
      }
    } finally {
      setBusy(false);
      setProblems(found);
    }
    if (sent) {
      toast.success(t("done", { count: sent }));
      await qc.invalidateQueries(trpc.knowledge.documents.list.pathFilter());
    }
  }

  return { inputId, input, busy, problems, send, pick: () => input.current?.click() };
}

/** The one file input (both the header button and the drop zone open it) and the problems list. */
export function UploadInput({ upload }: { upload: TUpload }) {
  const t = useTranslations("knowledge.docs.upload");
  return (
    <input
      ref={upload.input}
      id={upload.inputId}
      type="file"
      multiple
      accept={ACCEPT}
      aria-label={t("fileLabel")}
      className="sr-only"
      tabIndex={-1}
      onChange={(e) => {
        void upload.send(e.target.files);
        e.target.value = ""; // the same file can be picked again
      }}
    />
  );
}

export function UploadProblems({ upload }: { upload: TUpload }) {
  const t = useTranslations("knowledge.docs.upload");
  return (
    <LiveRegion>
      {upload.problems.length > 0 && (
        <Alert variant="destructive" title={t("failed")} data-testid="upload-problems">
          <ul className="grid gap-1">
            {upload.problems.map((p, i) => (
              <li key={i} className="break-words">
                <span className="font-medium">{p.file}</span>: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </LiveRegion>
  );
}

export function UploadButton({ upload }: { upload: TUpload }) {
  const t = useTranslations("knowledge.docs.upload");
  return (
    <Button loading={upload.busy} onClick={upload.pick}>
      <Upload aria-hidden />
      {t("button")}
    </Button>
  );
}

export function UploadZone({ upload }: { upload: TUpload }) {
  const t = useTranslations("knowledge.docs.upload");
  const [dragging, setDragging] = useState(false);
  return (
    <label
      htmlFor={upload.inputId}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDragEnter={() => setDragging(true)}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void upload.send(e.dataTransfer.files);
      }}
      className={cn(
        "hidden min-h-24 cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed border-input bg-muted/40 px-4 py-5 text-center transition-colors hover:border-ring/60 hover:bg-accent/50",
        dragging && "border-primary bg-primary-soft/60",
        upload.busy && "pointer-events-none opacity-70",
        "sm:flex", // phones have no drag and drop: the upload button is enough there
      )}
    >
      <FileUp className="size-6 text-muted-foreground" aria-hidden />
      <span className="text-sm font-medium">
        {upload.busy ? t("uploading") : dragging ? t("dropActive") : t("drop")}
      </span>
      <span className="text-[13px] text-muted-foreground">{t("hint")}</span>
    </label>
  );
}
