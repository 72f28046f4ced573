import type { EntryNode, UnitFile } from "../parser";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { accumulated, anySet, unitTypeOf } from "./semanticAssignments";

export const networkOnlineNotWanted: RuleInfo = {
  id: "network-online-not-wanted",
  defaultSeverity: "warning",
  description: "An enabled unit ordered After=network-online.target that does not pull the target in, so it may not wait for the network.",
};

export const networkOnlineNotOrdered: RuleInfo = {
  id: "network-online-not-ordered",
  defaultSeverity: "warning",
  description: "An enabled unit that pulls in network-online.target without After=, so it starts without waiting for the network.",
};

export const NETWORK_ONLINE = "network-online.target";
const PULLING = ["Wants", "Requires", "BindsTo", "Requisite"];

/** The first assignment in effect of `key` that names network-online.target. */
function naming(file: UnitFile, key: string): EntryNode | undefined {
  return accumulated(file, "Unit", key).find((entry) => entry.value.split(/\s+/).includes(NETWORK_ONLINE));
}

/**
 * Only units enabled at boot are judged: a unit that merely orders itself after the target, such as
 * a job started by a timer, may rightly rely on something else having pulled it in.
 */
function enabledAtBoot(file: UnitFile): boolean {
  return anySet(file, "Install", ["WantedBy", "RequiredBy", "UpheldBy"]);
}

export const dependencyRules: RuleFamily = {
  rules: [networkOnlineNotWanted, networkOnlineNotOrdered],
  check({ file, kind }: RuleContext): Finding[] {
    if (!unitTypeOf(kind) || kind.dropIn || kind.scope === "user" || !enabledAtBoot(file)) return [];
    const after = naming(file, "After");
    const pulling = PULLING.map((key) => naming(file, key)).find((entry) => entry !== undefined);
    if (after && !pulling) {
      return [
        {
          rule: networkOnlineNotWanted,
          span: after.valueSpan,
          message: `After=${NETWORK_ONLINE} only orders: nothing here starts the target, so the unit may start before the network is up. Add Wants=${NETWORK_ONLINE}.`,
        },
      ];
    }
    if (pulling && !after) {
      return [
        {
          rule: networkOnlineNotOrdered,
          span: pulling.valueSpan,
          message: `${pulling.key}=${NETWORK_ONLINE} starts the target but does not wait for it: the unit starts alongside, before the network is up. Add After=${NETWORK_ONLINE}.`,
        },
      ];
    }
    return [];
  },
};
