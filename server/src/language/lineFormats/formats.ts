/** Which line format a document is: by its path, else by the language id its client gives it. */
import { LINE_FORMAT_LANGUAGES, lineFormatLanguageOf, type LineFormatLanguageId } from "../../protocol/lineFormatLanguages";
import { binfmt } from "./binfmt";
import { environmentD } from "./environmentD";
import { hwdb } from "./hwdb";
import type { LineFormat } from "./lineFormat";
import { modulesLoad } from "./modulesLoad";
import { osRelease } from "./osRelease";
import { preset } from "./preset";
import { sysctl } from "./sysctl";
import { sysusers } from "./sysusers";
import { tmpfiles } from "./tmpfiles";
import { udevRules } from "./udevRules";

const FORMATS: Record<LineFormatLanguageId, LineFormat> = {
  "systemd-tmpfiles": tmpfiles,
  "systemd-sysusers": sysusers,
  "udev-rules": udevRules,
  "udev-hwdb": hwdb,
  sysctl,
  "systemd-modules-load": modulesLoad,
  "systemd-binfmt": binfmt,
  "systemd-environment": environmentD,
  "systemd-preset": preset,
  "os-release": osRelease,
};

/** The line format of a file at `path` (a "/"-separated path), or of a document the client says is in `languageId`. */
export function lineFormatOf(path: string, languageId?: string): LineFormat | undefined {
  const id = lineFormatLanguageOf(path) ?? LINE_FORMAT_LANGUAGES.find((language) => language.id === languageId)?.id;
  return id && FORMATS[id];
}
