import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { schemaRules } from "../../src/language/rules/schemaRules";
import { codes as allCodes, lint as lintAll } from "./lint";

// Only this family's findings: the fixtures are short, and other families (a service without
// ExecStart=, say) have their own tests.
const ids = new Set(schemaRules.rules.map((rule) => rule.id));
const ours = (row: string) => ids.has(row.split(" ")[0]!.split(":")[1]!);
const lint = (path: string, text: string, target?: TargetSystemd) => lintAll(path, text, target).filter(ours);
const codes = (path: string, text: string, target?: TargetSystemd) =>
  allCodes(path, text, target).filter((row) => ids.has(row.split(":")[1]!));

describe("schema rules", () => {
  it("accept a correct service, with X- sections and keys", () => {
    const text =
      "[Unit]\nDescription=Web\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/web\nX-Owner=ops\n\n[X-Deploy]\nAnything=goes\n\n[Install]\nWantedBy=multi-user.target\n";
    assert.deepEqual(lint("web.service", text), []);
  });

  it("flag an unknown section, suggesting the close one or the file kind it belongs to", () => {
    const rows = lint("web.service", "[Servce]\nA=1\n[Timer]\nOnCalendar=daily\n");
    assert.equal(rows.length, 2, "entries of an unknown section are not reported one by one");
    assert.match(rows[0]!, /^1:unknown-section Unknown section \[Servce\] .*Did you mean \[Service\]\?/);
    assert.match(rows[1]!, /^3:unknown-section .*\[Timer\] belongs in \.timer files/);
  });

  it("flag unknown directives with a suggestion, case-sensitively as systemd", () => {
    assert.match(lint("a.service", "[Service]\nExecStrat=/bin/true\n")[0]!, /^2:unknown-directive .*Did you mean ExecStart=\?/);
    assert.match(lint("a.service", "[Service]\nexecstart=/bin/true\n")[0]!, /Did you mean ExecStart=\?/);
    assert.match(lint("a.service", "[Service]\nFrobnicate=1\n")[0]!, /Use an X- prefix for keys of your own/);
  });

  it("say where a misplaced directive belongs, in this file or another unit type", () => {
    assert.match(
      lint("a.service", "[Service]\nAfter=b.service\n")[0]!,
      /^2:misplaced-directive After= belongs in \[Unit\], not \[Service\]/,
    );
    assert.match(lint("a.service", "[Service]\nOnCalendar=daily\n")[0]!, /OnCalendar= belongs in \[Timer\] of \.timer units/);
  });

  it("report deprecated and removed directives with their successors", () => {
    assert.match(lint("a.service", "[Service]\nMemoryLimit=1G\n")[0]!, /^2:removed-directive .*Use MemoryMax= instead/);
    assert.match(
      lint("a.service", "[Service]\nStartLimitInterval=10\n")[0]!,
      /^2:deprecated-directive .*Use StartLimitIntervalSec= in \[Unit\] instead/,
    );
    assert.match(lint("a.service", "[Unit]\nBindTo=b.service\n")[0]!, /^2:deprecated-directive .*Use BindsTo= instead/);
  });

  it("know drop-ins by their parent, networkd files and Quadlet files", () => {
    assert.deepEqual(codes("/etc/systemd/system/web.service.d/override.conf", "[Service]\nMemoryMax=1G\n[Timer]\nOnCalendar=daily\n"), [
      "3:unknown-section",
    ]);
    assert.deepEqual(codes("10-eth.network", "[Match]\nName=eth0\n[Network]\nDHCP=yes\nAdress=10.0.0.1/24\n"), ["5:unknown-directive"]);
    assert.deepEqual(
      codes(
        "/etc/containers/systemd/web.container",
        "[Container]\nImage=nginx\nPublishPort=8080:80\n[Service]\nRestart=always\n[Install]\nWantedBy=default.target\n",
      ),
      [],
    );
    assert.deepEqual(codes("/etc/containers/systemd/web.container", "[Container]\nImag=nginx\n"), ["2:unknown-directive"]);
  });

  it("leave files of unknown kind to the syntax rules", () => {
    assert.deepEqual(lint("notes.txt", "[Whatever]\nKey=value\n"), []);
  });

  it("flag directives newer than the target version, and trust the installed systemd's list", () => {
    const text = "[Service]\nExecStart=/bin/true\nMemoryZSwapMax=1G\n";
    assert.deepEqual(codes("a.service", text), []);
    assert.match(
      lint("a.service", text, { version: 240 })[0]!,
      /^3:newer-directive MemoryZSwapMax= needs systemd 2\d\d or newer; the target is systemd 240/,
    );
    const installed = new Map([["Service", new Set(["ExecStart"])]]);
    assert.match(
      lint("a.service", text, { version: 252, knownItems: installed })[0]!,
      /The installed systemd 252 does not know MemoryZSwapMax=/,
    );
    assert.deepEqual(
      codes("a.service", "[Service]\nBrandNewThing=1\n", { knownItems: new Map([["Service", new Set(["BrandNewThing"])]]) }),
      [],
    );
  });
});
