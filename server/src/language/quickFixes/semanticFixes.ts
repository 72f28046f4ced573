import { NETWORK_ONLINE } from "../rules/semanticDependencies";
import { usualInstallTarget } from "../rules/semanticInstall";
import { addToSection, deleteEntry, insertAfter, insertBefore } from "./edits";
import { quickFix, type Fix } from "./fixContext";

/** network-online-not-wanted / -not-ordered: the missing half of the pair, beside the half that is there. */
export function addBeside(key: "Wants" | "After"): Fix {
  return (context) => {
    const { file, entry } = context;
    if (!entry) return [];
    const line = `${key}=${NETWORK_ONLINE}`;
    return [quickFix(context, `Add ${line}`, [insertAfter(file, entry, line)], true)];
  };
}

/** install-without-target: WantedBy= with the target units of this type and scope are usually enabled into. */
export const addInstallTarget: Fix = (context) => {
  const { file, kind, schema } = context;
  const target = usualInstallTarget(kind);
  if (!target || !schema) return [];
  const line = `WantedBy=${target}`;
  return [quickFix(context, `Add ${line}`, [addToSection(file, "Install", line, schema.sections)], true)];
};

/** duplicate-directive and user-in-user-unit: the assignment that has no effect, removed. */
export const removeEntry: Fix = (context) => {
  const { file, entry } = context;
  return entry ? [quickFix(context, `Remove this ${entry.key}=`, [deleteEntry(file, entry)])] : [];
};

/** drop-in-exec-start-append: an empty ExecStart= first, so the drop-in replaces the parent's command. */
export const resetExecStart: Fix = (context) => {
  const { file, entry } = context;
  if (!entry) return [];
  return [
    quickFix(context, "Replace the parent's command: add an empty ExecStart= first", [insertBefore(file, entry, "ExecStart=")], true),
  ];
};
