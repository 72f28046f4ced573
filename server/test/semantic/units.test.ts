import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lines, messages, semantic } from "./semanticLint";

const SYSTEM = "/etc/systemd/system";
const USER = "/home/alice/.config/systemd/user";

describe("mount rules", () => {
  const check = (path: string, text: string) => semantic(path, text, ["mount-where-mismatch", "mount-without-what"]);

  it("refuse a mount or automount whose name is not its escaped Where=", () => {
    assert.deepEqual(check("srv-data.mount", lines("[Mount]", "What=/dev/sdb1", "Where=/srv/data")), []);
    assert.deepEqual(check("srv-my\\x2ddata.mount", lines("[Mount]", "What=/dev/sdb1", "Where=/srv/my-data/")), []);
    assert.deepEqual(check("srv-my-data.mount", lines("[Mount]", "What=/dev/sdb1", "Where=/srv/my-data")), ["3:mount-where-mismatch"]);
    assert.match(
      messages("data.mount", lines("[Mount]", "What=/dev/sdb1", "Where=/srv/data"), "mount-where-mismatch")[0]!,
      /must be named srv-data\.mount/,
    );
    assert.deepEqual(check("srv-data.automount", lines("[Automount]", "Where=/srv/data")), []);
    assert.deepEqual(check("data.automount", lines("[Automount]", "Where=/srv/data")), ["2:mount-where-mismatch"]);
  });

  it("refuse a mount without What=, but not a drop-in of one", () => {
    assert.deepEqual(check("srv-data.mount", lines("[Mount]", "Where=/srv/data")), ["1:mount-without-what"]);
    assert.deepEqual(check(`${SYSTEM}/srv-data.mount.d/opts.conf`, lines("[Mount]", "Options=noatime")), []);
  });
});

describe("user unit rules", () => {
  const check = (path: string, text: string) => semantic(path, text, ["user-in-user-unit", "system-target-in-user-unit"]);
  const service = lines(
    "[Unit]",
    "After=network-online.target",
    "[Service]",
    "ExecStart=/bin/a",
    "User=bob",
    "[Install]",
    "WantedBy=multi-user.target",
  );

  it("flag User= and system targets in a user unit", () => {
    assert.deepEqual(check(`${USER}/a.service`, service), [
      "2:system-target-in-user-unit",
      "5:user-in-user-unit",
      "7:system-target-in-user-unit",
    ]);
    assert.match(messages(`${USER}/a.service`, service, "system-target-in-user-unit")[1]!, /Use WantedBy=default\.target/);
  });

  it("say nothing for system units or units whose scope the path does not tell", () => {
    assert.deepEqual(check(`${SYSTEM}/a.service`, service), []);
    assert.deepEqual(check("a.service", service), []);
    assert.deepEqual(check(`${USER}/a.service`, lines("[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=default.target")), []);
  });
});

describe("instance specifiers", () => {
  const check = (path: string, text: string) => semantic(path, text, ["instance-specifier-outside-template"]);
  const text = lines("[Unit]", "Description=Worker %i", "[Service]", "ExecStart=/bin/work %I --literal %%i");

  it("flag %i and %I in a unit without an instance, and only them", () => {
    assert.deepEqual(check("worker.service", text), ["2:instance-specifier-outside-template", "4:instance-specifier-outside-template"]);
    assert.deepEqual(check("worker.service", lines("[Service]", "ExecStart=/bin/work %n %j %p")), []);
  });

  it("accept them in templates, instances and drop-ins of either", () => {
    assert.deepEqual(check("worker@.service", text), []);
    assert.deepEqual(check("worker@a.service", text), []);
    assert.deepEqual(check(`${SYSTEM}/worker@.service.d/x.conf`, text), []);
    assert.deepEqual(check(`${SYSTEM}/worker@a.service.d/x.conf`, text), []);
    assert.deepEqual(check(`${SYSTEM}/service.d/x.conf`, text), [], "a drop-in for every service may meet templates");
    assert.deepEqual(check(`${SYSTEM}/worker.service.d/x.conf`, text).length, 2);
  });
});

describe("network-online.target", () => {
  const check = (path: string, text: string) => semantic(path, text, ["network-online-not-wanted", "network-online-not-ordered"]);
  const unit = (...deps: string[]) => lines("[Unit]", ...deps, "[Service]", "ExecStart=/bin/a", "[Install]", "WantedBy=multi-user.target");

  it("flag an enabled unit that orders after it without pulling it in, and the reverse", () => {
    assert.deepEqual(check("a.service", unit("After=network.target network-online.target")), ["2:network-online-not-wanted"]);
    assert.deepEqual(check("a.service", unit("Wants=network-online.target")), ["2:network-online-not-ordered"]);
    assert.deepEqual(check("a.service", unit("After=network-online.target", "Wants=network-online.target")), []);
    assert.deepEqual(check("a.service", unit("After=network-online.target", "Requires=network-online.target")), []);
  });

  it("leave units that are not enabled at boot, drop-ins and user units alone", () => {
    assert.deepEqual(check("a.service", lines("[Unit]", "After=network-online.target", "[Service]", "ExecStart=/bin/a")), []);
    assert.deepEqual(
      check(`${SYSTEM}/a.service.d/net.conf`, lines("[Unit]", "After=network-online.target", "[Install]", "WantedBy=b")),
      [],
    );
    assert.deepEqual(check(`${USER}/a.service`, unit("After=network-online.target")), []);
  });
});

describe("[Install]", () => {
  const check = (path: string, text: string) => semantic(path, text, ["install-without-target"]);

  it("flag an [Install] section that gives systemctl enable nothing to do, suggesting the usual target", () => {
    const text = lines("[Service]", "ExecStart=/bin/a", "[Install]", "DefaultInstance=x");
    assert.deepEqual(check("a.service", text), ["3:install-without-target"]);
    assert.match(messages("a.service", text, "install-without-target")[0]!, /WantedBy=multi-user\.target/);
    assert.match(messages(`${USER}/a.service`, text, "install-without-target")[0]!, /WantedBy=default\.target/);
    assert.match(messages("a.timer", lines("[Timer]", "OnCalendar=daily", "[Install]"), "install-without-target")[0]!, /timers\.target/);
  });

  it("accept any installing directive, and no [Install] at all", () => {
    for (const setting of ["WantedBy=multi-user.target", "RequiredBy=b.target", "UpheldBy=b.target", "Alias=b.service", "Also=b.socket"]) {
      assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a", "[Install]", setting)), [], setting);
    }
    assert.deepEqual(check("a.service", lines("[Service]", "ExecStart=/bin/a")), []);
  });
});

describe("duplicate directives", () => {
  const check = (path: string, text: string) => semantic(path, text, ["duplicate-directive"]);

  it("flag the earlier assignments of a single-value directive, which have no effect", () => {
    const text = lines("[Service]", "ExecStart=/bin/a", "Restart=always", "User=a", "Restart=on-failure");
    assert.deepEqual(check("a.service", text), ["3:duplicate-directive"]);
    assert.match(messages("a.service", text, "duplicate-directive")[0]!, /Restart= is set again on line 5/);
    assert.deepEqual(check("a.service", lines("[Unit]", "Description=A", "[Unit]", "Description=B")), ["2:duplicate-directive"]);
  });

  it("do not count lists, empty resets, X- keys or different sections", () => {
    assert.deepEqual(
      check("a.service", lines("[Unit]", "After=a.service", "After=b.service", "[Service]", "Environment=A=1", "Environment=B=2")),
      [],
    );
    assert.deepEqual(check("a.service", lines("[Service]", "Restart=", "Restart=always")), []);
    assert.deepEqual(check("a.service", lines("[Service]", "X-Tag=1", "X-Tag=2")), []);
    assert.deepEqual(check("a.socket", lines("[Socket]", "KillMode=mixed", "[Service]", "KillMode=mixed")).length, 0);
  });

  it("say that Unit= of a timer keeps the first unit and ignores the later ones", () => {
    const text = lines("[Timer]", "OnCalendar=daily", "Unit=a.service", "Unit=b.service");
    assert.deepEqual(check("a.timer", text), ["4:duplicate-directive"]);
    assert.match(messages("a.timer", text, "duplicate-directive")[0]!, /already set on line 3: systemd starts the first unit named/);
  });
});
