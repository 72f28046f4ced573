import { USER_DEFAULT_TARGET } from "../rules/semanticScope";
import { rangeOf } from "./edits";
import { dataOf, quickFix, stringsIn, type Fix } from "./fixContext";

const MAX_SUGGESTIONS = 3;

/** invalid-value: each valid word the value rule found close to what was written. */
export const replaceInvalidValue: Fix = (context) => {
  const suggestions = stringsIn(dataOf(context.diagnostic).suggestions).slice(0, MAX_SUGGESTIONS);
  return suggestions.map((suggestion) =>
    quickFix(context, `Change to "${suggestion}"`, [{ range: context.diagnostic.range, newText: suggestion }], suggestions.length === 1),
  );
};

/** oneshot-restart: the restart policy a oneshot service may have. */
export const restartOnFailure: Fix = (context) => [
  quickFix(context, "Change to Restart=on-failure", [{ range: context.diagnostic.range, newText: "on-failure" }]),
];

/** system-target-in-user-unit, in [Install]: the user manager's default.target instead of the system target. */
export const userDefaultTarget: Fix = (context) => {
  const { file, entry, section } = context;
  const target = dataOf(context.diagnostic).target;
  if (!entry || section?.name !== "Install" || typeof target !== "string") return [];
  const words = entry.value.split(/\s+/).map((word) => (word === target ? USER_DEFAULT_TARGET : word));
  const value = [...new Set(words)].join(" ");
  return [
    quickFix(
      context,
      `Change ${target} to ${USER_DEFAULT_TARGET}`,
      [{ range: rangeOf(file, entry.valueSpan.start, entry.valueSpan.end), newText: value }],
      true,
    ),
  ];
};
