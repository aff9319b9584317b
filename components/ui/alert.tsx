import { cva, type VariantProps } from "class-variance-authority";
import { AlertTriangle, CheckCircle2, Info } from "lucide-react";
import type * as React from "react";
import { cn } from "./cn";

const alertVariants = cva(
  "flex gap-3 rounded-lg border px-3.5 py-3 text-[13px] [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-border bg-muted/60 text-foreground [&>svg]:text-muted-foreground",
        destructive: "border-destructive/30 bg-destructive-soft text-destructive-soft-foreground",
        success: "border-success/30 bg-success-soft text-success-soft-foreground",
        warning: "border-transparent bg-warning-soft text-warning-soft-foreground",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const ICONS = { info: Info, destructive: AlertTriangle, success: CheckCircle2, warning: AlertTriangle };

/**
 * An inline message. Not role="alert" by default (Next already renders one for route announcements);
 * pass `live` so async results are announced through a polite live region instead.
 */
export function Alert({
  className,
  variant = "info",
  title,
  live,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & { title?: React.ReactNode; live?: boolean }) {
  const Icon = ICONS[variant ?? "info"];
  return (
    <div
      data-slot="alert"
      aria-live={live ? "polite" : undefined}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      <Icon aria-hidden />
      <div className="grid min-w-0 gap-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className="leading-relaxed [&_p]:leading-relaxed">{children}</div>}
      </div>
    </div>
  );
}
