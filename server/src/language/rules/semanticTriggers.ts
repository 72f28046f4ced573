import type { UnitFile } from "../parser";
import type { UnitKind } from "../unitKind";
import { parseUnitName } from "../values/unitName";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { anySet, assignments, booleanOf, effective, typeSection, unitAnchor, unitTypeOf } from "./semanticAssignments";

export const timerWithoutTrigger: RuleInfo = {
  id: "timer-without-trigger",
  defaultSeverity: "error",
  description: "A timer with no OnCalendar=, OnBootSec= or other time setting; systemd refuses to load it.",
};

export const socketWithoutListen: RuleInfo = {
  id: "socket-without-listen",
  defaultSeverity: "error",
  description: "A socket with no ListenStream=, ListenDatagram= or other Listen setting; systemd refuses to load it.",
};

export const pathWithoutWatch: RuleInfo = {
  id: "path-without-watch",
  defaultSeverity: "error",
  description: "A path unit with no PathExists=, PathChanged= or other path to watch; systemd refuses to load it.",
};

export const acceptWithService: RuleInfo = {
  id: "accept-with-service",
  defaultSeverity: "error",
  description: "Service= on a socket with Accept=yes, which starts a template instance per connection; systemd refuses to load it.",
};

export const missingActivatedUnit: RuleInfo = {
  id: "missing-activated-unit",
  defaultSeverity: "hint",
  description: "A timer, socket or path unit whose service is not among the unit files beside it.",
};

const TIMER_SETTINGS = ["OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnCalendar"];
const LISTEN_SETTINGS = [
  "ListenStream",
  "ListenDatagram",
  "ListenSequentialPacket",
  "ListenFIFO",
  "ListenSpecial",
  "ListenNetlink",
  "ListenMessageQueue",
  "ListenUSBFunction",
];
const PATH_SETTINGS = ["PathExists", "PathExistsGlob", "PathChanged", "PathModified", "DirectoryNotEmpty"];

function nothingToTrigger(file: UnitFile, type: string): Omit<Finding, "span"> | undefined {
  switch (type) {
    case "timer":
      if (anySet(file, "Timer", TIMER_SETTINGS) || booleanOf(effective(file, "Timer", "OnClockChange"))) return undefined;
      if (booleanOf(effective(file, "Timer", "OnTimezoneChange"))) return undefined;
      return {
        rule: timerWithoutTrigger,
        message:
          "This timer never elapses: add OnCalendar= (e.g. daily) or a monotonic setting such as OnBootSec=; systemd refuses to load it.",
      };
    case "socket":
      if (anySet(file, "Socket", LISTEN_SETTINGS)) return undefined;
      return {
        rule: socketWithoutListen,
        message:
          "This socket listens on nothing: add ListenStream= (a port or a path) or another Listen setting; systemd refuses to load it.",
      };
    case "path":
      if (anySet(file, "Path", PATH_SETTINGS)) return undefined;
      return {
        rule: pathWithoutWatch,
        message:
          "This path unit watches nothing: add PathExists=, PathChanged=, PathModified= or DirectoryNotEmpty=; systemd refuses to load it.",
      };
    default:
      return undefined;
  }
}

const stemOf = (name: string) => name.slice(0, name.lastIndexOf("."));

/** The unit a timer, path or socket starts, as systemd picks it; undefined when specifiers make it unknowable here. */
function activatedUnit(file: UnitFile, kind: UnitKind, type: string): string | undefined {
  let explicit: string | undefined;
  if (type === "socket") {
    if (booleanOf(effective(file, "Socket", "Accept"))) return `${stemOf(kind.name).replace(/@.*$/, "")}@.service`;
    explicit = effective(file, "Socket", "Service")?.value;
  } else {
    // The first Unit= wins; systemd ignores the later ones.
    explicit = assignments(file, typeSection(type), "Unit")[0]?.value;
  }
  const name = explicit ?? `${stemOf(kind.name)}.service`;
  return name.includes("%") ? undefined : name;
}

/** Whether a unit file for `name` is among the siblings: itself, or its template for an instance. */
function present(name: string, siblings: ReadonlySet<string>): boolean {
  if (siblings.has(name)) return true;
  const parsed = parseUnitName(name);
  return parsed.ok && parsed.unit.kind === "instance" && siblings.has(`${parsed.unit.prefix}@.${parsed.unit.type}`);
}

export const triggerRules: RuleFamily = {
  rules: [timerWithoutTrigger, socketWithoutListen, pathWithoutWatch, acceptWithService, missingActivatedUnit],
  check({ file, kind, siblingUnits }: RuleContext): Finding[] {
    const type = unitTypeOf(kind);
    if (type !== "timer" && type !== "socket" && type !== "path") return [];
    if (kind.dropIn) return [];
    const findings: Finding[] = [];
    const anchor = unitAnchor(file, typeSection(type));
    if (!anchor) return findings;
    const empty = nothingToTrigger(file, type);
    if (empty) findings.push({ ...empty, span: anchor });
    const service = effective(file, "Socket", "Service");
    if (type === "socket" && service && booleanOf(effective(file, "Socket", "Accept"))) {
      findings.push({
        rule: acceptWithService,
        span: service.keySpan,
        message: `With Accept=yes every connection starts an instance of ${stemOf(kind.name)}@.service; systemd refuses Service= here. Remove Service= and name the template after the socket.`,
      });
    }
    const activated = siblingUnits && activatedUnit(file, kind, type);
    if (activated && !present(activated, siblingUnits)) {
      const setting = type === "socket" ? "Service=" : "Unit=";
      const alternative = activated.endsWith("@.service") ? "" : ` or name the unit to start in ${setting}`;
      findings.push({
        rule: missingActivatedUnit,
        span: anchor,
        message: `This ${type} starts ${activated}, but no unit file of that name is in this directory or workspace. Create ${activated}${alternative}.`,
      });
    }
    return findings;
  },
};
