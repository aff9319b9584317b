import { z } from "zod";
import { publicUrl } from "../../public-url";
import {
  loadWidgetSettings,
  saveWidgetSettings,
  ZWidgetSettingsPatch,
  type TWidgetSettings,
} from "../../services/widget/widget-settings";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";

// The widget's appearance and allowed origins (settings page "网页挂件 / Web widget"). The view also
// carries the server's public address, so the page can show the exact embed code to copy.

const ZLocalized = z.object({ "zh-CN": z.string(), en: z.string() });
const ZWidgetSettingsView = z.object({
  settings: z.object({
    enabled: z.boolean(),
    color: z.string(),
    position: z.enum(["right", "left"]),
    theme: z.enum(["light", "dark", "auto"]),
    title: ZLocalized,
    welcome: ZLocalized,
    allowedOrigins: z.array(z.string()),
    handoffButton: z.boolean(),
  }),
  publicUrl: z.string(),
});

const view = (settings: TWidgetSettings) => ({ settings, publicUrl: publicUrl() });

export const widgetSettingsRouter = createRouter({
  get: tenantProcedure("tenant.read")
    .output(ZWidgetSettingsView)
    .query(async ({ ctx }) => view(await loadWidgetSettings(ctx.tenant.id))),

  update: tenantProcedure("tenant.update")
    .input(ZWidgetSettingsPatch)
    .output(ZWidgetSettingsView)
    .mutation(async ({ ctx, input }) => {
      const { tenantId: _t, ...patch } = input;
      return view(await saveWidgetSettings(ctx.tenant.id, patch, actorOf(ctx)));
    }),
});
