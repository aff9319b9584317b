"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Skeleton } from "@/components/ui/skeleton";
import { AllRulesCard } from "./all-rules-card";
import { BotProfileCard } from "./bot-profile-card";
import { PreviewCard } from "./preview-card";
import { primaryRule, type TRuleList } from "./rule-utils";
import { GroupPolicyCard, RateLimitCard } from "./traffic-rule-cards";
import { TemplatesCard } from "./templates-card";
import { SensitiveCard, TopicsCard, TransferCard } from "./word-rule-cards";
import { WorkingHoursCard } from "./working-hours-card";

export function BotSettingsPage() {
  const tenant = useTenant();
  if (!tenant.can("rules.manage")) return <NoPermission />;
  return <BotSettings />;
}

function BotSettings() {
  const t = useTranslations("botSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const bot = useQuery(trpc.bot.get.queryOptions({ tenantId: tenant.tenantId }));
  const rules = useQuery(trpc.rules.list.queryOptions({ tenantId: tenant.tenantId }));
  if (bot.isError) return <QueryError error={bot.error} onRetry={() => bot.refetch()} />;
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => rules.refetch()} />;
  if (bot.isPending || rules.isPending)
    return (
      <div className="grid gap-6" aria-busy aria-label={t("loading")}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-48 rounded-xl" />
        ))}
      </div>
    );
  return (
    <div className="grid gap-6">
      <BotProfileCard key={bot.dataUpdatedAt} initial={bot.data} />
      <PreviewCard />
      <RuleCards key={rules.dataUpdatedAt} list={rules.data} />
    </div>
  );
}

/** Each card edits its type's primary row; keyed by the list's load time so a save resets the forms. */
function RuleCards({ list }: { list: TRuleList }) {
  const rule = (type: Parameters<typeof primaryRule>[1]) => primaryRule(list.rules, type);
  const effective = list.effective;
  return (
    <>
      <TransferCard rule={rule("TRANSFER_KEYWORD")} effective={effective} />
      <SensitiveCard rule={rule("SENSITIVE_WORD")} />
      <TopicsCard rule={rule("FORBIDDEN_TOPIC")} effective={effective} />
      <GroupPolicyCard rule={rule("GROUP_POLICY")} />
      <RateLimitCard rule={rule("RATE_LIMIT")} effective={effective} />
      <WorkingHoursCard rule={rule("WORKING_HOURS")} effective={effective} />
      <TemplatesCard rule={rule("TEMPLATE")} effective={effective} />
      <AllRulesCard list={list} />
    </>
  );
}
