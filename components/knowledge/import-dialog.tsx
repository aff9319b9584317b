"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, FileSpreadsheet, Upload } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
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
import { LiveRegion } from "@/components/ui/live-region";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast";
import { type TImportError, useImportErrorText } from "./import-errors";
import { ImportPreview } from "./import-preview";
import { MAX_IMPORT_BYTES, type TImportPreview } from "./types";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1)); // drop the "data:<type>;base64," prefix
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Import Q&A from a spreadsheet: pick or drop a file, see what the server makes of it, then import. */
export function ImportDialog({ trigger }: { trigger: React.ReactNode }) {
  const t = useTranslations("knowledge.import");
  const common = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => (busy && !o ? undefined : setOpen(o))}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("text")}</DialogDescription>
        </DialogHeader>
        <ImportFlow onBusy={setBusy} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

type TFile = { name: string; size: number; contentBase64: string };

// Mounted with the dialog's content, so every opening starts from an empty state.
function ImportFlow({ onBusy, onDone }: { onBusy: (busy: boolean) => void; onDone: () => void }) {
  const t = useTranslations("knowledge.import");
  const common = useTranslations("common");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const importError = useImportErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<TFile | null>(null);
  const [result, setResult] = useState<TImportPreview | null>(null);
  const [error, setError] = useState<TImportError | null>(null);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const preview = useMutation(trpc.knowledge.import.preview.mutationOptions());
  const commit = useMutation(trpc.knowledge.import.commit.mutationOptions());
  const checking = reading || preview.isPending;

  async function choose(files: FileList | null) {
    if (!files?.length || checking || commit.isPending) return;
    setError(null);
    setFile(null);
    setResult(null);
    commit.reset();
    const f = files[0];
    if (files.length > 1) return setError({ text: t("errors.oneFile") });
    if (!/\.(csv|xlsx)$/i.test(f.name)) return setError({ text: t("errors.wrongType") });
    if (f.size === 0) return setError({ text: t("errors.empty") });
    if (f.size > MAX_IMPORT_BYTES) return setError({ text: t("errors.tooLarge") });
    setReading(true);
    onBusy(true);
    try {
      let contentBase64: string;
      try {
        contentBase64 = await readBase64(f);
      } catch {
        return setError({ text: t("errors.readFailed") });
      }
      const res = await preview.mutateAsync({ tenantId: tenant.tenantId, fileName: f.name, contentBase64 });
      setFile({ name: f.name, size: f.size, contentBase64 });
      setResult(res);
    } catch (err) {
      setError(importError(err));
    } finally {
      setReading(false);
      onBusy(false);
    }
  }

  async function onImport() {
    if (!file) return;
    setError(null);
    onBusy(true);
    try {
      const res = await commit.mutateAsync({
        tenantId: tenant.tenantId,
        fileName: file.name,
        contentBase64: file.contentBase64,
      });
      const counts = { created: res.created, updated: res.updated, rejected: res.rejected.length };
      toast.success(res.rejected.length ? t("doneRejected", counts) : t("done", counts));
      void qc.invalidateQueries(trpc.knowledge.qa.list.pathFilter());
      onDone();
    } catch (err) {
      setError(importError(err));
    } finally {
      onBusy(false);
    }
  }

  function downloadTemplate() {
    const blob = new Blob([`\uFEFF${t("templateRows")}`], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = t("templateFile");
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
      : `${format.number(Math.max(bytes / 1024, 0.1), { maximumFractionDigits: 1 })} KB`;

  return (
    <div className="grid min-w-0 gap-4">
      {/* one file input for both the drop zone and "choose another file"; reset so the same file can be picked again */}
      <input
        ref={input}
        id="qa-import-file"
        type="file"
        accept={ACCEPT}
        aria-label={t("fileLabel")}
        aria-describedby="qa-import-limits"
        className="peer sr-only"
        disabled={checking || commit.isPending}
        onChange={(e) => {
          void choose(e.target.files);
          e.target.value = "";
        }}
      />
      {!result && (
        <div className="grid gap-2 peer-focus-visible:[&>label]:border-ring peer-focus-visible:[&>label]:ring-3 peer-focus-visible:[&>label]:ring-ring/25">
          <label
            htmlFor="qa-import-file"
            onDragEnter={(e) => (e.preventDefault(), setDragging(true))}
            onDragOver={(e) => (e.preventDefault(), (e.dataTransfer.dropEffect = "copy"))}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
            }}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void choose(e.dataTransfer.files);
            }}
            aria-busy={checking || undefined}
            className={cn(
              "flex min-h-40 cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-input bg-muted/40 px-4 py-8 text-center transition-colors hover:border-ring/60 hover:bg-accent/50",
              dragging && "border-primary bg-primary-soft/60",
              checking && "pointer-events-none opacity-80",
            )}
          >
            <span className="flex size-10 items-center justify-center rounded-full bg-card text-muted-foreground shadow-xs">
              {checking ? <Spinner className="size-5" /> : <Upload className="size-5" aria-hidden />}
            </span>
            <span className="text-sm font-medium">
              {checking ? t("reading") : dragging ? t("dropActive") : t("drop")}
            </span>
            <span id="qa-import-limits" className="text-[13px] text-muted-foreground">
              {t("limits")}
            </span>
          </label>
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <p className="text-[13px] text-muted-foreground">{t("idHint")}</p>
            <Button type="button" variant="link" size="sm" onClick={downloadTemplate}>
              <Download aria-hidden />
              {t("template")}
            </Button>
          </div>
        </div>
      )}

      <LiveRegion>
        {error && (
          <Alert variant="destructive">
            <p>{error.text}</p>
            {error.detail && <p className="mt-1 text-xs break-words opacity-80">{error.detail}</p>}
          </Alert>
        )}
      </LiveRegion>

      {result && file && (
        <>
          <div className="flex flex-wrap items-center gap-3 rounded-lg border bg-muted/40 px-3 py-2.5">
            <FileSpreadsheet className="size-5 shrink-0 text-success" aria-hidden />
            <div className="grid min-w-0 flex-1 leading-tight">
              <span className="truncate text-sm font-medium">{file.name}</span>
              <span className="text-xs text-muted-foreground">
                {result.format.toUpperCase()} · {size(file.size)}
              </span>
            </div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              loading={checking}
              disabled={commit.isPending}
              onClick={() => input.current?.click()}
            >
              {t("changeFile")}
            </Button>
          </div>
          <ImportPreview result={result} />
          {result.validCount === 0 && <Alert variant="warning">{t("nothingValid")}</Alert>}
        </>
      )}

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={commit.isPending}>
            {common("cancel")}
          </Button>
        </DialogClose>
        {result && (
          <Button
            type="button"
            onClick={onImport}
            loading={commit.isPending}
            disabled={result.validCount === 0 || checking}
          >
            {commit.isPending ? t("importing") : t("submit", { count: result.validCount })}
          </Button>
        )}
      </DialogFooter>
    </div>
  );
}
