/**
 * An Ansible stdout callback that prints one JSON object per task result (host, task, status,
 * message, diff, command output, loop items), so the deploy reads results rather than screen text.
 * ansible-core ships no such callback; this one is written next to the playbook for each run.
 */
export const CALLBACK_NAME = "unitsmith_events";

export const CALLBACK_SOURCE = `# Written by unitsmith deploy for one run of ansible-playbook.
import json
import sys

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
    name: ${CALLBACK_NAME}
    type: stdout
    short_description: one JSON line per task result
    description: Prints each task result as a JSON object on a line of its own.
"""

KEPT = ("msg", "diff", "stdout", "stderr", "rc")


def kept(result):
    return {key: result[key] for key in KEPT if key in result}


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "stdout"
    CALLBACK_NAME = "${CALLBACK_NAME}"

    def emit(self, status, result):
        event = {"host": result._host.get_name(), "task": result._task.get_name(), "status": status}
        event.update(kept(result._result))
        items = result._result.get("results")
        if isinstance(items, list):
            event["results"] = [
                dict(kept(item), item=item.get("item"), changed=bool(item.get("changed")), failed=bool(item.get("failed") or item.get("unreachable")))
                for item in items
                if isinstance(item, dict)
            ]
        sys.stdout.write(json.dumps(event, default=str) + "\\n")
        sys.stdout.flush()

    def v2_runner_on_ok(self, result):
        self.emit("changed" if result._result.get("changed") else "ok", result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self.emit("ignored" if ignore_errors else "failed", result)

    def v2_runner_on_skipped(self, result):
        self.emit("skipped", result)

    def v2_runner_on_unreachable(self, result):
        self.emit("unreachable", result)
`;
