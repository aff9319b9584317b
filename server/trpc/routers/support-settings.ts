import { z } from "zod";
import {
  getSupportSettings,
  saveSupportSettings,
  ZSupportSettingsPatch,
} from "../../services/support-settings/support-settings";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";

const ZSupportSettingsView = z.object({
  sla: z.object({
    firstResponseMinutes: z.object({
      urgent: z.number(),
      high: z.number(),
      normal: z.number(),
      low: z.number(),
    }),
    warnAt: z.number(),
  }),
  notificationEmail: z.string().nullable(),
  vipDirectToHuman: z.boolean(),
});

export const supportSettingsRouter = createRouter({
  get: tenantProcedure("tenant.read")
    .output(ZSupportSettingsView)
    .query(({ ctx }) => getSupportSettings(ctx.tenant.id)),

  update: tenantProcedure("tenant.update")
    .input(ZSupportSettingsPatch)
    .output(ZSupportSettingsView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...patch } = input;
      return saveSupportSettings(ctx.tenant.id, actorOf(ctx), patch);
    }),
});
