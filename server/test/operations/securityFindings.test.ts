import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parseUnitFile } from "../../src/language/parser";
import { hardeningDirective } from "../../src/language/quickFixes/hardeningDirectives";
import { hardeningEdit, SECURITY_SOURCE, securityCodeActions, securityDiagnostics } from "../../src/language/quickFixes/securityFindings";
import type { SecurityFinding } from "../../src/protocol/operationResults";
import { parseSecurityJson } from "../../src/systemd/securityOutput";

// The unit security.json was recorded from.
const unit = "[Unit]\nDescription=Demo\n\n[Service]\nExecStart=/usr/bin/sleep infinity\nPrivateTmp=yes\nNoNewPrivileges=no\n";
const parsed = parseSecurityJson(readFileSync(join(__dirname, "../systemd/fixtures/security.json"), "utf8"));
const findings: SecurityFinding[] = parsed.ok ? parsed.findings : [];

const apply = (text: string, directive: string) => {
  const edit = hardeningEdit(parseUnitFile(text), hardeningDirective(directive)!);
  return TextDocument.applyEdits(TextDocument.create("file:///a.service", "systemd-unit", 1, text), [edit]);
};

describe("security findings as diagnostics", () => {
  const diagnostics = securityDiagnostics(findings, parseUnitFile(unit));

  test("one diagnostic per failed check, coded by the check's id; passed and inapplicable checks are left out", () => {
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes("NoNewPrivileges="));
    assert.ok(codes.includes("CapabilityBoundingSet=~CAP_SYS_ADMIN"));
    assert.ok(!codes.includes("PrivateTmp="), "PrivateTmp=yes passes");
    assert.ok(!codes.includes("SupplementaryGroups="), "does not apply to a root service");
    assert.equal(diagnostics.length, findings.filter((f) => f.set === false && (f.exposure ?? 0) > 0).length);
    assert.ok(diagnostics.every((d) => d.source === SECURITY_SOURCE));
  });

  test("a check about a directive the file sets sits on that line; the others on [Service]", () => {
    const noNew = diagnostics.find((d) => d.code === "NoNewPrivileges=")!;
    assert.deepEqual(noNew.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 18 } });
    assert.match(
      String(noNew.message),
      /^Service processes may acquire new privileges \(exposure 0\.2\)\. Consider NoNewPrivileges=yes\.$/,
    );
    const network = diagnostics.find((d) => d.code === "PrivateNetwork=")!;
    assert.deepEqual(network.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } });
  });
});

describe("hardening quick fixes", () => {
  test("a directive that is set is changed in place", () => {
    assert.equal(apply(unit, "NoNewPrivileges="), unit.replace("NoNewPrivileges=no", "NoNewPrivileges=yes"));
  });

  test("a missing directive goes after the last entry of [Service]", () => {
    const text = "[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n";
    assert.equal(
      apply(text, "ProtectSystem="),
      "[Service]\nExecStart=/bin/true\nProtectSystem=strict\n\n[Install]\nWantedBy=multi-user.target\n",
    );
  });

  test("lines that add up are added, not replaced", () => {
    const text = "[Service]\nCapabilityBoundingSet=~CAP_SYS_TIME\n";
    assert.equal(
      apply(text, "CapabilityBoundingSet=~CAP_(CHOWN|FSETID|SETFCAP)"),
      `${text.trimEnd()}\nCapabilityBoundingSet=~CAP_CHOWN CAP_FSETID CAP_SETFCAP\n`,
    );
    assert.equal(apply(text, "SystemCallFilter=~@swap"), `${text.trimEnd()}\nSystemCallFilter=~@swap\n`);
  });

  test("a file without [Service] gets one at the end", () => {
    assert.equal(apply("[Unit]\nDescription=x", "PrivateTmp="), "[Unit]\nDescription=x\n\n[Service]\nPrivateTmp=yes\n");
  });

  test("checks without a single safe line get no fix", () => {
    assert.equal(hardeningDirective("RootDirectory=/RootImage="), undefined);
    assert.equal(hardeningDirective("RestrictAddressFamilies=~AF_UNIX"), undefined);
  });

  test("code actions: one Harden this service action with every safe directive; a fix of its own only in place", () => {
    const file = parseUnitFile(unit);
    const diagnostics = securityDiagnostics(findings, file);
    const other = { ...diagnostics[0]!, source: "unitsmith", code: "NoNewPrivileges=" };
    const actions = securityCodeActions("file:///demo.service", file, [...diagnostics, other]);
    const harden = actions.find((action) => action.title.startsWith("Harden this service"))!;
    assert.equal(harden.kind, "quickfix");
    assert.ok(!harden.diagnostics!.includes(other));
    assert.ok(harden.diagnostics!.some((d) => String(d.code).startsWith("RestrictNamespaces=~")));
    // NoNewPrivileges=no is in the file: its finding has a fix of its own, on its line.
    assert.deepEqual(
      actions.filter((action) => action !== harden).map((action) => action.title),
      ["Change to NoNewPrivileges=yes"],
    );
    const hardened = TextDocument.applyEdits(
      TextDocument.create("file:///demo.service", "systemd-unit", 1, unit),
      Object.values(harden.edit!.changes!)[0]!,
    );
    assert.match(hardened, /^NoNewPrivileges=yes$/m);
    assert.match(hardened, /^RestrictNamespaces=yes$/m);
    assert.equal(hardened.match(/^RestrictNamespaces=/gm)?.length, 1);
    assert.doesNotMatch(hardened, /^(PrivateNetwork|IPAddressDeny|PrivateUsers|DynamicUser)=/m, "nothing that may cut the command off");
    assert.ok(!actions.some((action) => action.title.includes("RootDirectory")));
  });

  test("a Node.js service is not offered MemoryDenyWriteExecute=, and its finding says why", () => {
    const node = unit.replace("/usr/bin/sleep infinity", "/usr/bin/node /srv/app/server.js");
    const file = parseUnitFile(node);
    const diagnostics = securityDiagnostics(findings, file);
    const mdwe = diagnostics.find((d) => d.code === "MemoryDenyWriteExecute=")!;
    assert.match(String(mdwe.message), /MemoryDenyWriteExecute=yes could stop this service's command from working/);
    const edits = securityCodeActions("file:///node.service", file, diagnostics).flatMap(
      (action) => Object.values(action.edit!.changes!)[0]!,
    );
    assert.ok(!edits.some((edit) => edit.newText.includes("MemoryDenyWriteExecute")));
    const plain = securityCodeActions("file:///demo.service", parseUnitFile(unit), securityDiagnostics(findings, parseUnitFile(unit)));
    assert.ok(
      plain.some((action) => Object.values(action.edit!.changes!)[0]!.some((edit) => edit.newText.includes("MemoryDenyWriteExecute=yes"))),
    );
  });
});
