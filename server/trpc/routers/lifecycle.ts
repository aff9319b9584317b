import { z } from "zod";
import {
  loadLifecycleSettings,
  saveLifecycleSettings,
  ZLifecycleSettingsPatch,
} from "../../services/lifecycle/lifecycle-settings";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";

// The conversation lifecycle thresholds per conversation type (Tenant.settings.lifecycle; see
// docs/jobs.md): minutes of quiet before a conversation is IDLE, DORMANT and EXPIRED.

const ZThresholdsView = z.object({ idle: z.number(), dormant: z.number(), expired: z.number() });
const ZLifecycleSettingsView = z.object({
  CHAT: ZThresholdsView,
  CONSULT: ZThresholdsView,
  BUSINESS: ZThresholdsView,
});

export const lifecycleRouter = createRouter({
  settings: tenantProcedure("tenant.read")
    .output(ZLifecycleSettingsView)
    .query(({ ctx }) => loadLifecycleSettings(ctx.tenant.id)),

  updateSettings: tenantProcedure("tenant.update")
    .input(ZLifecycleSettingsPatch)
    .output(ZLifecycleSettingsView)
    .mutation(({ ctx, input }) => {
      const { CHAT, CONSULT, BUSINESS } = input;
      return saveLifecycleSettings(ctx.tenant.id, actorOf(ctx), { CHAT, CONSULT, BUSINESS });
    }),
});
