import type { UnitFile } from "../parser";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { accumulated, assignments, booleanOf, effective, unitAnchor, unitTypeOf } from "./semanticAssignments";

export const missingExecStart: RuleInfo = {
  id: "missing-exec-start",
  defaultSeverity: "error",
  description: "A service without ExecStart= that systemd refuses to load (only some Type=oneshot services may go without).",
};

export const multipleExecStart: RuleInfo = {
  id: "multiple-exec-start",
  defaultSeverity: "error",
  description: "More than one ExecStart= in a service that is not Type=oneshot; systemd refuses to load it.",
};

export const dropInExecStartAppend: RuleInfo = {
  id: "drop-in-exec-start-append",
  defaultSeverity: "warning",
  description: "A drop-in that adds an ExecStart= to its parent's instead of replacing it (an empty ExecStart= first replaces).",
};

export const oneshotRestart: RuleInfo = {
  id: "oneshot-restart",
  defaultSeverity: "error",
  description: "Restart=always or on-success on a Type=oneshot service; systemd refuses to load it.",
};

export const oneshotRuntimeMax: RuleInfo = {
  id: "oneshot-runtime-max",
  defaultSeverity: "warning",
  description: "RuntimeMaxSec= on a Type=oneshot service, where systemd ignores it.",
};

export const dbusWithoutBusName: RuleInfo = {
  id: "dbus-without-bus-name",
  defaultSeverity: "error",
  description: "Type=dbus without BusName=; systemd refuses to load the service.",
};

export const pamKillMode: RuleInfo = {
  id: "pam-kill-mode",
  defaultSeverity: "error",
  description: "PAMName= with a KillMode= that leaves processes behind; systemd refuses to load the unit.",
};

export const forkingWithoutPidFile: RuleInfo = {
  id: "forking-without-pid-file",
  defaultSeverity: "hint",
  description: "Type=forking without PIDFile=, so systemd has to guess which process is the daemon.",
};

/** Type= as systemd settles it; undefined in a drop-in that does not set it, where the parent decides. */
function serviceType(file: UnitFile, dropIn: boolean): string | undefined {
  const explicit = effective(file, "Service", "Type")?.value;
  if (explicit || dropIn) return explicit;
  if (effective(file, "Service", "BusName")) return "dbus";
  return accumulated(file, "Service", "ExecStart").length > 0 ? "simple" : "oneshot";
}

function missingStartMessage(file: UnitFile, type: string | undefined): string | undefined {
  const stop = accumulated(file, "Service", "ExecStop").length > 0;
  const successAction = effective(file, "Unit", "SuccessAction");
  const success = successAction !== undefined && successAction.value !== "none";
  if (!stop && !success) return "This service has no ExecStart=, so systemd refuses to load it. Add ExecStart= with the command to run.";
  if (type !== "oneshot") {
    return `Only a Type=oneshot service may go without ExecStart=; systemd refuses to load this Type=${type} service. Add ExecStart= or set Type=oneshot.`;
  }
  if (!success && !booleanOf(effective(file, "Service", "RemainAfterExit"))) {
    return "A Type=oneshot service without ExecStart= needs RemainAfterExit=yes (so that ExecStop= has something to stop); systemd refuses to load it otherwise.";
  }
  return undefined;
}

function execStartFindings(file: UnitFile, type: string | undefined, dropIn: boolean, findings: Finding[]): void {
  const starts = accumulated(file, "Service", "ExecStart");
  if (dropIn && type === undefined) {
    // Without an empty ExecStart= before them, these add to the parent's command.
    if (starts.length > 0 && starts.length === assignments(file, "Service", "ExecStart").length) {
      findings.push({
        rule: dropInExecStartAppend,
        span: starts[0]!.keySpan,
        message:
          "This ExecStart= adds a command to the parent's; unless the parent is Type=oneshot, systemd then refuses to load the service. To replace the command, put an empty ExecStart= line before it.",
      });
    }
    return;
  }
  if (type === "oneshot" || type === undefined) return;
  for (const extra of starts.slice(1)) {
    findings.push({
      rule: multipleExecStart,
      span: extra.keySpan,
      message: `Only a Type=oneshot service may have more than one ExecStart=; systemd refuses to load this Type=${type} service. Use ExecStartPre=/ExecStartPost= for the other commands, or Type=oneshot.`,
    });
  }
}

function oneshotFindings(file: UnitFile, findings: Finding[]): void {
  const restart = effective(file, "Service", "Restart");
  if (restart && (restart.value === "always" || restart.value === "on-success")) {
    findings.push({
      rule: oneshotRestart,
      span: restart.valueSpan,
      message: `Restart=${restart.value} is not allowed for a Type=oneshot service; systemd refuses to load it. Use Restart=on-failure, or another Type=.`,
    });
  }
  const runtimeMax = effective(file, "Service", "RuntimeMaxSec");
  if (runtimeMax && runtimeMax.value !== "infinity") {
    findings.push({
      rule: oneshotRuntimeMax,
      span: runtimeMax.keySpan,
      message:
        "RuntimeMaxSec= has no effect on a Type=oneshot service; systemd ignores it. Limit the run time with TimeoutStartSec= instead.",
    });
  }
}

function typeFindings(file: UnitFile, type: string | undefined, dropIn: boolean, findings: Finding[]): void {
  const typeEntry = effective(file, "Service", "Type");
  if (!typeEntry || dropIn) return;
  if (type === "dbus" && !effective(file, "Service", "BusName")) {
    findings.push({
      rule: dbusWithoutBusName,
      span: typeEntry.valueSpan,
      message: "Type=dbus needs BusName= with the D-Bus name the service takes; systemd refuses to load the service without it.",
    });
  }
  if (type === "forking" && !effective(file, "Service", "PIDFile")) {
    // GuessMainPID= set either way says the author knows how the daemon is found.
    if (effective(file, "Service", "GuessMainPID")) return;
    findings.push({
      rule: forkingWithoutPidFile,
      span: typeEntry.valueSpan,
      message:
        "With Type=forking and no PIDFile=, systemd guesses which process is the daemon. If the daemon writes a PID file, name it in PIDFile=; if it can stay in the foreground, prefer Type=exec or Type=notify; if guessing is right, say so with GuessMainPID=yes.",
    });
  }
}

/** PAM sessions need the whole control group killed at stop; services may also use mixed. */
function pamFindings(file: UnitFile, section: string, findings: Finding[]): void {
  if (!effective(file, section, "PAMName")) return;
  const killMode = effective(file, section, "KillMode");
  const allowed = section === "Service" ? ["control-group", "mixed"] : ["control-group"];
  if (!killMode || allowed.includes(killMode.value)) return;
  findings.push({
    rule: pamKillMode,
    span: killMode.valueSpan,
    message: `With PAMName= set, KillMode= must be ${allowed.join(" or ")}; systemd refuses to load the unit with KillMode=${killMode.value}.`,
  });
}

export const serviceRules: RuleFamily = {
  rules: [
    missingExecStart,
    multipleExecStart,
    dropInExecStartAppend,
    oneshotRestart,
    oneshotRuntimeMax,
    dbusWithoutBusName,
    pamKillMode,
    forkingWithoutPidFile,
  ],
  check({ file, kind }: RuleContext): Finding[] {
    const type = unitTypeOf(kind);
    const findings: Finding[] = [];
    if (type === "socket" || type === "mount") pamFindings(file, type === "socket" ? "Socket" : "Mount", findings);
    if (type !== "service") return findings;
    const dropIn = kind.dropIn !== undefined;
    const settled = serviceType(file, dropIn);
    if (!dropIn && accumulated(file, "Service", "ExecStart").length === 0) {
      const anchor = unitAnchor(file, "Service");
      const message = anchor && missingStartMessage(file, settled);
      if (anchor && message) findings.push({ rule: missingExecStart, span: anchor, message });
    }
    execStartFindings(file, settled, dropIn, findings);
    if (settled === "oneshot") oneshotFindings(file, findings);
    typeFindings(file, settled, dropIn, findings);
    pamFindings(file, "Service", findings);
    return findings;
  },
};
