import type { DeployPlan } from "./plan";
import { toYaml, type YamlValue } from "./yaml";

/** The task name whose output is a unit's journal, so the results can find it. */
export const JOURNAL_TASK = "Journal of ";

/** The lines of a unit's journal a failed start reports. */
const JOURNAL_LINES = 20;

/** The tasks that enable and start (or restart) one unit, and on failure read its journal, then fail with systemd's reason. */
function runUnit(unit: string, plan: DeployPlan): YamlValue {
  const changed = `'${unit}' in unitsmith_changed`;
  const user = plan.scope === "user";
  return {
    name: `Run ${unit}`,
    block: [
      {
        name: `Enable and start ${unit}, restarting it when its files changed`,
        "ansible.builtin.systemd_service": {
          name: unit,
          enabled: true,
          state: `{{ 'restarted' if ${changed} else 'started' }}`,
          ...(user && { scope: "user" }),
        },
        // A dry run cannot start a unit whose file it did not copy.
        when: `not (ansible_check_mode and ${changed})`,
      },
    ],
    rescue: [
      {
        name: `${JOURNAL_TASK}${unit}`,
        "ansible.builtin.command": {
          argv: ["journalctl", ...(user ? ["--user"] : []), `--unit=${unit}`, `--lines=${JOURNAL_LINES}`, "--no-pager", "--output=short"],
        },
        register: "unitsmith_journal",
        changed_when: false,
        check_mode: false,
      },
      { name: `${unit} did not start`, "ansible.builtin.fail": { msg: "{{ ansible_failed_result.msg }}" } },
    ],
  };
}

/** systemd-sysusers and systemd-tmpfiles --create on the placed files: both leave what is already right alone. */
function applyLineFormats(plan: DeployPlan): YamlValue[] {
  const user = plan.scope === "user";
  const apply = (name: string, argv: string[]): YamlValue => ({
    name,
    "ansible.builtin.command": { argv },
    // Neither says whether it changed anything; the copy before it does.
    changed_when: false,
  });
  return [
    ...(plan.sysusers.length > 0 ? [apply("Make the system users", ["systemd-sysusers", ...plan.sysusers])] : []),
    ...(plan.tmpfiles.length > 0
      ? [
          apply("Make the files and directories of tmpfiles.d", [
            "systemd-tmpfiles",
            ...(user ? ["--user"] : []),
            "--create",
            ...plan.tmpfiles,
          ]),
        ]
      : []),
  ];
}

/**
 * A playbook for the plan, readable on its own: copy the files (ansible.builtin.copy), reload
 * systemd when a unit file changed, make the users and files of sysusers.d and tmpfiles.d, then
 * enable and start each unit (ansible.builtin.systemd_service), restarting those whose files
 * changed. It targets every host; `--limit` picks the group.
 */
export function deployPlaybook(plan: DeployPlan): string {
  const user = plan.scope === "user";
  const tasks: YamlValue[] = [
    ...(plan.directories.length > 0
      ? [
          {
            name: "Make the directories",
            "ansible.builtin.file": { path: "{{ item }}", state: "directory", mode: "0755" },
            loop: plan.directories,
          },
        ]
      : []),
    {
      name: "Put the files in place",
      "ansible.builtin.copy": { src: "{{ item.src }}", dest: "{{ item.dest }}", mode: "0644" },
      loop: plan.files.map((file) => ({ src: file.src, dest: file.dest, unit: file.unit })),
      register: "unitsmith_files",
    },
    {
      name: "Note the units whose files changed",
      "ansible.builtin.set_fact": {
        unitsmith_changed: "{{ unitsmith_files.results | selectattr('changed') | map(attribute='item.unit') | select | list }}",
      },
    },
    {
      name: "Reload systemd",
      "ansible.builtin.systemd_service": { daemon_reload: true, ...(user && { scope: "user" }) },
      when: "unitsmith_changed | length > 0",
    },
    ...applyLineFormats(plan),
    ...plan.run.map((unit) => runUnit(unit, plan)),
  ];
  const units = [...new Set(plan.files.map((file) => file.unit).filter((unit) => unit !== ""))].join(", ");
  const play = [{ name: `Deploy ${units}${user ? " for the remote account" : ""}`, hosts: "all", gather_facts: false, tasks }];
  return `# Written by unitsmith deploy. Run it with:\n#   ansible-playbook --inventory INVENTORY --limit GROUP [--check] --diff THIS_FILE\n${toYaml(play)}`;
}
