import manifest from "../../../../package.json";

/** The id VS Code knows the extension by, taken from the manifest it was loaded from. */
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const languageId = "systemd-unit";
