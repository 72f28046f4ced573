import { dataOf, quickFix, type Fix } from "./fixContext";

/** malformed-line on `Restart on-failure`: the assignment the rule recognised (`Restart=on-failure`). */
export const insertEquals: Fix = (context) => {
  const meant = dataOf(context.diagnostic).meant;
  if (typeof meant !== "string") return [];
  return [quickFix(context, `Change to ${meant}`, [{ range: context.diagnostic.range, newText: meant }], true)];
};
