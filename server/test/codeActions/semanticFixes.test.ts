import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CodeActionKind, type Diagnostic } from "vscode-languageserver-types";
import { ADD_INSTALL_SECTION_KIND } from "../../src/language/languageService";
import { lines } from "../semantic/semanticLint";
import { documentOf, testService } from "../service";
import { applyAction, applyFix, codesIn, fixesFor } from "./applyFix";

const actionsFor = (path: string, text: string, diagnostics: Diagnostic[], only?: string[]) =>
  testService().codeActions(documentOf(path, text), { diagnostics, ...(only && { only }) });

const USER = "/home/alice/.config/systemd/user";

describe("quick fixes for values", () => {
  it("replace an invalid enum value with the closest valid one", async () => {
    const { text, action } = await applyFix("a.service", lines("[Service]", "ExecStart=/bin/a", "Restart=on-failur"), "invalid-value");
    assert.equal(action.title, 'Change to "on-failure"');
    assert.equal(text, lines("[Service]", "ExecStart=/bin/a", "Restart=on-failure"));
    assert.deepEqual(await codesIn("a.service", text), []);
  });

  it("offer Restart=on-failure for a oneshot service that may not restart always", async () => {
    const { text } = await applyFix(
      "a.service",
      lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=always"),
      "oneshot-restart",
    );
    assert.equal(text, lines("[Service]", "Type=oneshot", "ExecStart=/bin/a", "Restart=on-failure"));
    assert.deepEqual(await codesIn("a.service", text), []);
  });

  it("install a user unit into default.target instead of a system target", async () => {
    const before = lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target timers.target");
    const { text, action } = await applyFix(`${USER}/a.service`, before, "system-target-in-user-unit");
    assert.equal(text, lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=default.target timers.target"));
    assert.equal(action.isPreferred, true);
    assert.deepEqual(await codesIn(`${USER}/a.service`, text), []);
  });
});

describe("quick fixes for semantic rules", () => {
  it("add Wants= beside After=network-online.target, and After= beside Wants=", async () => {
    const tail = ["[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target"];
    const wants = await applyFix("a.service", lines("[Unit]", "After=network-online.target", ...tail), "network-online-not-wanted");
    assert.equal(wants.text, lines("[Unit]", "After=network-online.target", "Wants=network-online.target", ...tail));
    assert.equal(wants.action.isPreferred, true);
    assert.deepEqual(await codesIn("a.service", wants.text), []);
    const after = await applyFix("a.service", lines("[Unit]", "Wants=network-online.target", ...tail), "network-online-not-ordered");
    assert.equal(after.text, lines("[Unit]", "Wants=network-online.target", "After=network-online.target", ...tail));
  });

  it("add the usual target to an empty [Install] section", async () => {
    const { text } = await applyFix("a.timer", lines("[Timer]", "OnCalendar=daily", "", "[Install]"), "install-without-target");
    assert.equal(text, lines("[Timer]", "OnCalendar=daily", "", "[Install]", "WantedBy=timers.target"));
    assert.deepEqual(await codesIn("a.timer", text), []);
  });

  it("remove an overridden duplicate and User= in a user unit", async () => {
    const duplicate = await applyFix(
      "a.service",
      lines("[Service]", "ExecStart=/bin/a", "Restart=always", "Restart=no"),
      "duplicate-directive",
    );
    assert.equal(duplicate.action.title, "Remove this Restart=");
    assert.equal(duplicate.text, lines("[Service]", "ExecStart=/bin/a", "Restart=no"));
    const user = await applyFix(`${USER}/a.service`, lines("[Service]", "ExecStart=/bin/a", "User=bob"), "user-in-user-unit");
    assert.equal(user.text, lines("[Service]", "ExecStart=/bin/a"));
  });

  it("make a drop-in replace the parent's command", async () => {
    const path = "/etc/systemd/system/a.service.d/override.conf";
    const { text } = await applyFix(path, lines("[Service]", "ExecStart=/bin/new"), "drop-in-exec-start-append");
    assert.equal(text, lines("[Service]", "ExecStart=", "ExecStart=/bin/new"));
    assert.deepEqual(await codesIn(path, text), []);
  });

  it("offer no fix where there is no single safe edit", async () => {
    assert.deepEqual(await fixesFor("a.service", lines("[Service]", "Type=simple"), "missing-exec-start"), []);
  });
});

describe("codeActions", () => {
  const text = lines("[Service]", "ExecStart=/bin/a");

  it("ignores diagnostics of other sources and unknown codes", async () => {
    const foreign: Diagnostic = {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } },
      source: "systemd-analyze",
      code: "unknown-directive",
      message: "",
      data: { suggestion: "ExecStop" },
    };
    assert.deepEqual(actionsFor("a.service", text, [foreign]), []);
    assert.deepEqual(actionsFor("a.service", text, [{ ...foreign, source: "unitsmith", code: "no-such-rule" }]), []);
  });

  it("offers an [Install] section as a source action when the client asks for source actions", async () => {
    assert.deepEqual(actionsFor("a.service", text, []), [], "not as a quick fix");
    const [action] = actionsFor("a.service", text, [], [CodeActionKind.Source]);
    assert.equal(action?.kind, ADD_INSTALL_SECTION_KIND);
    assert.equal(applyAction(text, action!), lines("[Service]", "ExecStart=/bin/a", "", "[Install]", "WantedBy=multi-user.target"));
    const user = actionsFor(`${USER}/a.service`, text, [], [CodeActionKind.Source]);
    assert.match(user[0]!.title, /WantedBy=default\.target/);
    assert.deepEqual(actionsFor("a.service", text, [], [CodeActionKind.QuickFix]), []);
    const installed = lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target");
    assert.deepEqual(actionsFor("a.service", installed, [], [CodeActionKind.Source]), []);
  });
});
