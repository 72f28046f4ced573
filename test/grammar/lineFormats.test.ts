// The TextMate grammars of the line formats: each contributed for its language, and the scopes they give, character by character.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { LINE_FORMAT_LANGUAGES } from "../../server/src/protocol/lineFormatLanguages";
import { loadGrammar, repoRoot, scopesPerChar } from "./tokenizer";

interface Contributes {
  languages: { id: string; filenamePatterns?: string[]; configuration?: string }[];
  grammars: { language?: string; scopeName: string; path: string }[];
}
const manifest = JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")) as {
  contributes: Contributes;
  activationEvents: string[];
};

for (const format of LINE_FORMAT_LANGUAGES) {
  test(`${format.id}: contributed with the server's file patterns, a grammar and activation`, () => {
    const language = manifest.contributes.languages.find((l) => l.id === format.id);
    assert.ok(language, `package.json has no language ${format.id}`);
    assert.deepEqual(language.filenamePatterns, [...format.filenamePatterns]);
    assert.equal(resolve(repoRoot, language.configuration ?? ""), resolve(repoRoot, "line-language-configuration.json"));
    const grammar = manifest.contributes.grammars.find((g) => g.language === format.id);
    assert.ok(grammar, `package.json has no grammar for ${format.id}`);
    assert.equal(JSON.parse(readFileSync(resolve(repoRoot, grammar.path), "utf8")).scopeName, grammar.scopeName);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${format.id}`));
  });
}

/** [line, text, scope]: every character of the first occurrence of text on that line carries the scope (or one beneath it). */
type Expectation = [line: number, text: string, scope: string];

const cases: { language: string; text: string; expect: Expectation[] }[] = [
  {
    language: "systemd-tmpfiles",
    text: "# state\nd! %t/app 0750 svc adm 10d\nL+ /etc/app.conf - - - - /usr/share/app/app.conf",
    expect: [
      [0, "# state", "comment.line.number-sign.tmpfiles"],
      [1, "d", "keyword.other.type.tmpfiles"],
      [1, "!", "storage.modifier.tmpfiles"],
      [1, "%t", "constant.other.placeholder.specifier.tmpfiles"],
      [1, "/app", "string.unquoted.path.tmpfiles"],
      [1, "0750", "constant.numeric.mode.tmpfiles"],
      [1, "svc", "variable.other.user.tmpfiles"],
      [1, "adm", "variable.other.group.tmpfiles"],
      [1, "10d", "constant.numeric.age.tmpfiles"],
      [2, "-", "constant.language.unset.tmpfiles"],
      [2, "/usr/share/app/app.conf", "string.unquoted.argument.tmpfiles"],
    ],
  },
  {
    language: "systemd-sysusers",
    text: 'u app - "App daemon" /var/lib/app /usr/sbin/nologin\nm app adm extra',
    expect: [
      [0, "u", "keyword.other.type.sysusers"],
      [0, "app", "entity.name.account.sysusers"],
      [0, '"App daemon"', "string.quoted.gecos.sysusers"],
      [0, "/var/lib/app", "string.unquoted.path.sysusers"],
      [1, "adm", "constant.numeric.id.sysusers"],
    ],
  },
  {
    language: "udev-rules",
    text: 'ACTION=="add", SUBSYSTEM=="usb", ATTR{idVendor}=="0bda", MODE:="0660", SYMLINK+="usb/%k"',
    expect: [
      [0, "ACTION", "support.type.property-name.udev"],
      [0, "==", "keyword.operator.udev"],
      [0, '"add"', "string.quoted.double.udev"],
      [0, ",", "punctuation.separator.udev"],
      [0, "idVendor", "variable.parameter.attribute.udev"],
      [0, ":=", "keyword.operator.udev"],
      [0, "%k", "constant.other.placeholder.substitution.udev"],
    ],
  },
  {
    language: "udev-hwdb",
    text: "evdev:input:b0003v05ACp*\n KEYBOARD_KEY_70039=leftctrl",
    expect: [
      [0, "evdev:input:b0003v05ACp*", "entity.name.tag.match.hwdb"],
      [1, "KEYBOARD_KEY_70039", "support.type.property-name.hwdb"],
      [1, "leftctrl", "string.unquoted.value.hwdb"],
    ],
  },
  {
    language: "sysctl",
    text: "; tuning\n-net.ipv4.ip_forward = 1",
    expect: [
      [0, "; tuning", "comment.line.semicolon.sysctl"],
      [1, "-", "storage.modifier.ignore-failure.sysctl"],
      [1, "net.ipv4.ip_forward", "support.type.property-name.sysctl"],
      [1, "1", "string.unquoted.value.sysctl"],
    ],
  },
  { language: "systemd-modules-load", text: "br_netfilter", expect: [[0, "br_netfilter", "entity.name.module.modules-load"]] },
  {
    language: "systemd-binfmt",
    text: ":DOSWin:M::MZ::/usr/bin/wine:",
    expect: [
      [0, "DOSWin", "entity.name.rule.binfmt"],
      [0, "M", "keyword.other.type.binfmt"],
      [0, "/usr/bin/wine", "string.unquoted.path.binfmt"],
    ],
  },
  {
    language: "systemd-environment",
    text: "PATH=/opt/app/bin:${PATH}",
    expect: [
      [0, "PATH", "variable.other.environment.environment-d"],
      [0, "${PATH}", "variable.other.expansion.environment-d"],
    ],
  },
  {
    language: "systemd-preset",
    text: "enable getty@.service tty1 tty2\ndisable *",
    expect: [
      [0, "enable", "keyword.control.preset"],
      [0, "getty@.service", "entity.name.unit.preset"],
      [0, "tty1 tty2", "variable.parameter.instances.preset"],
      [1, "*", "entity.name.unit.preset"],
    ],
  },
  {
    language: "os-release",
    text: 'NAME="Debian GNU/Linux"\nID=debian',
    expect: [
      [0, "NAME", "variable.other.key.os-release"],
      [0, '"Debian GNU/Linux"', "string.unquoted.value.os-release"],
      [1, "debian", "string.unquoted.value.os-release"],
    ],
  },
];

for (const { language, text, expect } of cases) {
  test(`${language}: colours each part of a line`, async () => {
    const entry = manifest.contributes.grammars.find((g) => g.language === language)!;
    const grammar = await loadGrammar({}, { path: resolve(repoRoot, entry.path), scopeName: entry.scopeName });
    const lines = text.split("\n");
    const scopes = scopesPerChar(grammar, lines);
    for (const [line, fragment, scope] of expect) {
      const at = lines[line]!.indexOf(fragment);
      assert.ok(at >= 0, `${fragment} on line ${line}`);
      for (let i = at; i < at + fragment.length; i++) {
        const here = scopes[line]![i]!;
        assert.ok(
          here.some((s) => s === scope || s.startsWith(`${scope}.`)),
          `${language} line ${line} "${fragment}" char ${i - at}: ${here.join(" ")} lacks ${scope}`,
        );
      }
    }
  });
}
