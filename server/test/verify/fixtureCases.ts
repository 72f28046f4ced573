// Units whose systemd-analyze verify output is recorded in fixtures/recorded.json (see recordFixtures.ts).
import type { UnitText } from "../../src/systemd/verifyStaging";

export interface FixtureCase extends UnitText {
  parent?: UnitText;
}

export interface RecordedRun {
  /** The staging directory of the recorded run; the output names files in it. */
  unitDir: string;
  /** The run's XDG_RUNTIME_DIR. */
  runtimeDir: string;
  exitCode: number;
  stderr: string;
}

export const fixtureCases: Record<string, FixtureCase> = {
  mistakes: {
    path: "/home/dev/app/mistakes.service",
    text: [
      "[Unit]",
      "Description=Many mistakes",
      "Foo=bar",
      "",
      "[Service]",
      "ExecStart=/usr/bin/unitsmith-not-installed --flag",
      "Restart=sometimes",
      "Bogus = 1",
      "TimeoutSec=soon",
      "MemoryLimit=1G",
      "Environment=A=1 B",
      "User=nobody",
      "Restart=some\\",
      "  times",
      "[Frob]",
      "X=1",
      "",
    ].join("\n"),
  },
  fatal: { path: "/home/dev/app/fatal.service", text: "[Unit]\nFoo=1\n[Service]\nExecStart=bin/true\n" },
  header: { path: "/home/dev/app/header.service", text: "[Service\nExecStart=/bin/true\n" },
  refused: { path: "/home/dev/app/refused.service", text: "[Unit]\nDescription=Nothing to run\n[Service]\nType=simple\n" },
  empty: { path: "/home/dev/app/empty.service", text: "" },
  outside: { path: "/home/dev/app/outside.service", text: "Description=Too early\n[Service]\nExecStart=/bin/true\n" },
  socket: { path: "/home/dev/app/listener.socket", text: "[Socket]\nListenStream=8080\n" },
  timer: { path: "/home/dev/app/nightly.timer", text: "[Timer]\nOnCalendar=whenever\nPersistent=maybe\n" },
  template: {
    path: "/home/dev/app/worker@.service",
    text: "[Unit]\nDescription=Worker %i\n[Service]\nExecStart=/usr/bin/unitsmith-worker-%i\nFoo=1\n",
  },
  dropIn: {
    path: "/etc/systemd/system/app.service.d/override.conf",
    text: "[Service]\nNope=1\nExecStart=/bin/false\n",
    parent: { path: "/etc/systemd/system/app.service", text: "[Service]\nExecStart=/bin/true\nParentTypo=1\n" },
  },
  dropInAlone: {
    path: "/etc/systemd/system/solo.service.d/override.conf",
    text: "[Service]\nRestart=sometimes\nNope=1\nExecStart=/usr/bin/unitsmith-not-installed\n",
  },
  user: {
    path: "/home/dev/.config/systemd/user/agent.service",
    text: "[Service]\nExecStart=%t/unitsmith-not-installed\nFoo=1\n[Install]\nWantedBy=default.target\n",
  },
};
