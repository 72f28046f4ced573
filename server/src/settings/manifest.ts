import { settingsSchema } from "./schema";

/** The `contributes.configuration` block of the VS Code manifest, generated from the schema. */
export function manifestConfiguration() {
  return { title: "Unitsmith", properties: settingsSchema };
}
