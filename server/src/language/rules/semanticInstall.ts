import type { UnitKind } from "../unitKind";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { anySet, firstSection, unitTypeOf } from "./semanticAssignments";

export const installWithoutTarget: RuleInfo = {
  id: "install-without-target",
  defaultSeverity: "warning",
  description: "An [Install] section without WantedBy=, RequiredBy=, UpheldBy=, Alias= or Also=, so systemctl enable does nothing.",
};

const INSTALLING = ["WantedBy", "RequiredBy", "UpheldBy", "Alias", "Also"];

/** The target a unit of this type and scope is usually enabled into, where there is one obvious choice. */
export function usualInstallTarget(kind: UnitKind): string | undefined {
  switch (unitTypeOf(kind)) {
    case "service":
    case "target":
      return kind.scope === "user" ? "default.target" : "multi-user.target";
    case "timer":
      return "timers.target";
    case "socket":
      return "sockets.target";
    case "path":
      return "paths.target";
    default:
      return undefined;
  }
}

export const installRules: RuleFamily = {
  rules: [installWithoutTarget],
  check({ file, kind }: RuleContext): Finding[] {
    if (!unitTypeOf(kind) || kind.dropIn) return [];
    const install = firstSection(file, "Install");
    if (!install || anySet(file, "Install", INSTALLING)) return [];
    const target = usualInstallTarget(kind);
    const advice = target
      ? ` Add WantedBy=${target} so that enabling starts it with ${target}`
      : " Add WantedBy= with the target that should start it";
    return [
      {
        rule: installWithoutTarget,
        span: install.header.nameSpan,
        message: `This [Install] section names no target, so systemctl enable has nothing to do.${advice}, or remove the section if the unit is only started by others.`,
      },
    ];
  },
};
