import type { DeployPlan } from "./plan";
import { toYaml, type YamlValue } from "./yaml";

/** The task name whose output is a unit's journal, so the results can find it. */
export const JOURNAL_TASK = "Journal of ";

/** The lines of a unit's journal a failed start reports. */
const JOURNAL_LINES = 20;

/** The tasks that enable and start (or restart) one unit, and on failure read its journal, then fail with systemd's reason. */
function runUnit(unit: string): YamlValue {
  const changed = `'${unit}' in unitsmith_changed`;
  return {
    name: `Run ${unit}`,
    block: [
      {
        name: `Enable and start ${unit}, restarting it when its files changed`,
        "ansible.builtin.systemd_service": {
          name: unit,
          enabled: true,
          state: `{{ 'restarted' if ${changed} else 'started' }}`,
        },
        // A dry run cannot start a unit whose file it did not copy.
        when: `not (ansible_check_mode and ${changed})`,
      },
    ],
    rescue: [
      {
        name: `${JOURNAL_TASK}${unit}`,
        "ansible.builtin.command": { argv: ["journalctl", `--unit=${unit}`, `--lines=${JOURNAL_LINES}`, "--no-pager", "--output=short"] },
        register: "unitsmith_journal",
        changed_when: false,
        check_mode: false,
      },
      { name: `${unit} did not start`, "ansible.builtin.fail": { msg: "{{ ansible_failed_result.msg }}" } },
    ],
  };
}

/**
 * A playbook for the plan, readable on its own: copy the files (ansible.builtin.copy), reload
 * systemd when one changed, then enable and start each unit (ansible.builtin.systemd_service),
 * restarting those whose files changed. It targets every host; `--limit` picks the group.
 */
export function deployPlaybook(plan: DeployPlan): string {
  const tasks: YamlValue[] = [
    ...(plan.directories.length > 0
      ? [
          {
            name: "Make the drop-in directories",
            "ansible.builtin.file": { path: "{{ item }}", state: "directory", mode: "0755" },
            loop: plan.directories,
          },
        ]
      : []),
    {
      name: "Put the unit files in place",
      "ansible.builtin.copy": { src: "{{ item.src }}", dest: "{{ item.dest }}", mode: "0644" },
      loop: plan.files.map((file) => ({ src: file.src, dest: file.dest, unit: file.unit })),
      register: "unitsmith_files",
    },
    {
      name: "Note the units whose files changed",
      "ansible.builtin.set_fact": {
        unitsmith_changed: "{{ unitsmith_files.results | selectattr('changed') | map(attribute='item.unit') | list }}",
      },
    },
    { name: "Reload systemd", "ansible.builtin.systemd_service": { daemon_reload: true }, when: "unitsmith_changed | length > 0" },
    ...plan.run.map(runUnit),
  ];
  const units = [...new Set(plan.files.map((file) => file.unit))].join(", ");
  const play = [{ name: `Deploy ${units}`, hosts: "all", gather_facts: false, tasks }];
  return `# Written by unitsmith deploy. Run it with:\n#   ansible-playbook --inventory INVENTORY --limit GROUP [--check] --diff THIS_FILE\n${toYaml(play)}`;
}
