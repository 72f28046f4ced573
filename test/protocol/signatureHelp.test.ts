import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SignatureHelpRequest } from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

describe("signature help for structured values (built server over stdio)", () => {
  let session: LspSession;

  before(async () => {
    const started = await LspSession.start();
    session = started.session;
    assert.ok(started.result.capabilities.signatureHelpProvider?.triggerCharacters?.includes("="));
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  /** The signature and the active parameter's label at the `|` of `line`, in a unit of `type`. */
  const help = async (type: string, section: string, line: string) => {
    const text = `[${section}]\n${line.replace("|", "")}\n`;
    const uri = await session.open(`/tmp/signature-help/unit.${type}`, text);
    const answer = await session.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: line.indexOf("|") },
    });
    const signature = answer?.signatures[answer.activeSignature ?? 0];
    const parameter = signature?.parameters?.[answer?.activeParameter ?? 0]?.label;
    return signature ? `${signature.label} → ${String(parameter)}` : "none";
  };

  const cases: [what: string, type: string, section: string, line: string, expected: string][] = [
    ["a command's prefixes", "service", "Service", "ExecStart=-|", "ExecStart=[PREFIXES]PROGRAM [ARGUMENT...] → [PREFIXES]"],
    ["a command's program", "service", "Service", "ExecStart=-/usr/bin/en|", "ExecStart=[PREFIXES]PROGRAM [ARGUMENT...] → PROGRAM"],
    [
      "a command's arguments",
      "service",
      "Service",
      "ExecStartPre=/bin/echo hi |",
      "ExecStartPre=[PREFIXES]PROGRAM [ARGUMENT...] → [ARGUMENT...]",
    ],
    ["a variable's name", "service", "Service", "Environment=A=1 LOG|", "Environment=NAME=VALUE [NAME=VALUE...] → NAME"],
    ["a variable's value", "service", "Service", "Environment=LOG=de|", "Environment=NAME=VALUE [NAME=VALUE...] → VALUE"],
    [
      "an address prefix",
      "service",
      "Service",
      "IPAddressAllow=10.0.0.0/|",
      "IPAddressAllow=ADDRESS[/PREFIX] | any | localhost | link-local | multicast ... → [/PREFIX]",
    ],
    [
      "a schedule's weekday",
      "timer",
      "Timer",
      "OnCalendar=Mon..F|",
      "OnCalendar=[WEEKDAY] [YEAR-MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE] → [WEEKDAY]",
    ],
    [
      "a schedule's date",
      "timer",
      "Timer",
      "OnCalendar=Mon *-*-|",
      "OnCalendar=[WEEKDAY] [YEAR-MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE] → [YEAR-MONTH-DAY]",
    ],
    [
      "a schedule's time",
      "timer",
      "Timer",
      "OnCalendar=*-*-* 03:|",
      "OnCalendar=[WEEKDAY] [YEAR-MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE] → [HOUR:MINUTE[:SECOND]]",
    ],
    [
      "a schedule's zone",
      "timer",
      "Timer",
      "OnCalendar=*-*-* 03:00 Eur|",
      "OnCalendar=[WEEKDAY] [YEAR-MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE] → [TIMEZONE]",
    ],
    ["a soft limit", "service", "Service", "LimitNOFILE=10|", "LimitNOFILE=SOFT[:HARD] → SOFT"],
    ["a hard limit", "service", "Service", "LimitNOFILE=1024:|", "LimitNOFILE=SOFT[:HARD] → [:HARD]"],
    ["a device", "service", "Service", "IOReadBandwidthMax=/dev/sd|", "IOReadBandwidthMax=DEVICE BYTES|IOPS → DEVICE"],
    ["a device's limit", "service", "Service", "IOReadBandwidthMax=/dev/sda 10|", "IOReadBandwidthMax=DEVICE BYTES|IOPS → BYTES|IOPS"],
    ["nothing for a plain value", "service", "Service", "Description=web|", "none"],
    ["nothing on the key", "service", "Service", "ExecSt|art=/bin/true", "none"],
  ];
  for (const [what, type, section, line, expected] of cases) it(what, async () => assert.equal(await help(type, section, line), expected));
});
