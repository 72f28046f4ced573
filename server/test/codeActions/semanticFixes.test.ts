import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CodeActionKind, type Diagnostic } from "vscode-languageserver-types";
import { ADD_INSTALL_SECTION_KIND, codeActions } from "../../src/language/codeActions";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";
import { lines } from "../semantic/semanticLint";
import { applyAction, applyFix, codesIn, fixesFor, URI } from "./applyFix";

const USER = "/home/alice/.config/systemd/user";

describe("quick fixes for values", () => {
  it("replace an invalid enum value with the closest valid one", () => {
    const { text, action } = applyFix("a.service", lines("[Service]", "ExecStart=/bin/a", "Restart=on-failur"), "invalid-value");
    assert.equal(action.title, 'Change to "on-failure"');
    assert.equal(text, lines("[Service]", "ExecStart=/bin/a", "Restart=on-failure"));
    assert.deepEqual(codesIn("a.service", text), []);
  });

  it("offer Restart=on-failure for a oneshot service that may not restart always", () => {
    const { text } = applyFix("a.service", lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=always"), "oneshot-restart");
    assert.equal(text, lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=on-failure"));
    assert.deepEqual(codesIn("a.service", text), []);
  });

  it("install a user unit into default.target instead of a system target", () => {
    const before = lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target timers.target");
    const { text, action } = applyFix(`${USER}/a.service`, before, "system-target-in-user-unit");
    assert.equal(text, lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=default.target timers.target"));
    assert.equal(action.isPreferred, true);
    assert.deepEqual(codesIn(`${USER}/a.service`, text), []);
  });
});

describe("quick fixes for semantic rules", () => {
  it("add Wants= beside After=network-online.target, and After= beside Wants=", () => {
    const tail = ["[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target"];
    const wants = applyFix("a.service", lines("[Unit]", "After=network-online.target", ...tail), "network-online-not-wanted");
    assert.equal(wants.text, lines("[Unit]", "After=network-online.target", "Wants=network-online.target", ...tail));
    assert.equal(wants.action.isPreferred, true);
    assert.deepEqual(codesIn("a.service", wants.text), []);
    const after = applyFix("a.service", lines("[Unit]", "Wants=network-online.target", ...tail), "network-online-not-ordered");
    assert.equal(after.text, lines("[Unit]", "Wants=network-online.target", "After=network-online.target", ...tail));
  });

  it("add the usual target to an empty [Install] section", () => {
    const { text } = applyFix("a.timer", lines("[Timer]", "OnCalendar=daily", "", "[Install]"), "install-without-target");
    assert.equal(text, lines("[Timer]", "OnCalendar=daily", "", "[Install]", "WantedBy=timers.target"));
    assert.deepEqual(codesIn("a.timer", text), []);
  });

  it("remove an overridden duplicate and User= in a user unit", () => {
    const duplicate = applyFix("a.service", lines("[Service]", "ExecStart=/bin/a", "Restart=always", "Restart=no"), "duplicate-directive");
    assert.equal(duplicate.action.title, "Remove this Restart=");
    assert.equal(duplicate.text, lines("[Service]", "ExecStart=/bin/a", "Restart=no"));
    const user = applyFix(`${USER}/a.service`, lines("[Service]", "ExecStart=/bin/a", "User=bob"), "user-in-user-unit");
    assert.equal(user.text, lines("[Service]", "ExecStart=/bin/a"));
  });

  it("make a drop-in replace the parent's command", () => {
    const path = "/etc/systemd/system/a.service.d/override.conf";
    const { text } = applyFix(path, lines("[Service]", "ExecStart=/bin/new"), "drop-in-exec-start-append");
    assert.equal(text, lines("[Service]", "ExecStart=", "ExecStart=/bin/new"));
    assert.deepEqual(codesIn(path, text), []);
  });

  it("offer no fix where there is no single safe edit", () => {
    assert.deepEqual(fixesFor("a.service", lines("[Service]", "Type=simple"), "missing-exec-start"), []);
  });
});

describe("codeActions", () => {
  const file = parseUnitFile(lines("[Service]", "ExecStart=/bin/a"));

  it("ignores diagnostics of other sources and unknown codes", () => {
    const foreign: Diagnostic = {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } },
      source: "systemd-analyze",
      code: "unknown-directive",
      message: "",
      data: { suggestion: "ExecStop" },
    };
    assert.deepEqual(codeActions(file, unitKind("a.service"), [foreign], URI), []);
    assert.deepEqual(codeActions(file, unitKind("a.service"), [{ ...foreign, source: "unitsmith", code: "no-such-rule" }], URI), []);
  });

  it("offers an [Install] section as a source action when the client asks for source actions", () => {
    assert.deepEqual(codeActions(file, unitKind("a.service"), [], URI), [], "not as a quick fix");
    const [action] = codeActions(file, unitKind("a.service"), [], URI, [CodeActionKind.Source]);
    assert.equal(action?.kind, ADD_INSTALL_SECTION_KIND);
    assert.equal(applyAction(file.text, action!), lines("[Service]", "ExecStart=/bin/a", "", "[Install]", "WantedBy=multi-user.target"));
    const user = codeActions(file, unitKind(`${USER}/a.service`), [], URI, [CodeActionKind.Source]);
    assert.match(user[0]!.title, /WantedBy=default\.target/);
    assert.deepEqual(codeActions(file, unitKind("a.service"), [], URI, [CodeActionKind.QuickFix]), []);
    const installed = parseUnitFile(lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target"));
    assert.deepEqual(codeActions(installed, unitKind("a.service"), [], URI, [CodeActionKind.Source]), []);
  });
});
