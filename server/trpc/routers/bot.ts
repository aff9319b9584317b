import { z } from "zod";
import { loadBotSettings, saveBotSettings, ZBotSettingsPatch } from "../../services/bot/bot-settings";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";

const ZBotSettingsView = z.object({
  botName: z.string(),
  persona: z.string(),
  replyThreshold: z.number(),
  clarifyThreshold: z.number(),
  defaultLanguage: z.enum(["zh-CN", "en"]),
});

export const botRouter = createRouter({
  get: tenantProcedure("tenant.read")
    .output(ZBotSettingsView)
    .query(({ ctx }) => loadBotSettings(ctx.tenant.id)),

  update: tenantProcedure("rules.manage")
    .input(ZBotSettingsPatch)
    .output(ZBotSettingsView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...patch } = input;
      return saveBotSettings(ctx.tenant.id, patch, actorOf(ctx));
    }),
});
