import type { LintSeverities } from "../language/diagnostics";
import { allRules } from "../language/rules/registry";
import { DISTRIBUTION_NAMES, TARGET_LIST_PATTERN } from "../language/targets/targetList";

/** One setting as the VS Code manifest declares it (`contributes.configuration.properties`). */
export interface SettingSpec {
  type: "string" | "boolean" | "number";
  default: string | boolean | number;
  description: string;
  enum?: readonly string[];
  pattern?: string;
  minimum?: number;
  scope?: "application" | "machine" | "window" | "resource";
}

const SEVERITIES = ["ignore", "hint", "info", "warning", "error"] as const;

/** Every `unitsmith.*` setting but the per-rule severities. */
const GENERAL_SETTINGS = {
  "unitsmith.trace.server": {
    type: "string",
    enum: ["off", "messages", "verbose"],
    default: "off",
    description: "Log the messages between VS Code and the Unitsmith language server in the Unitsmith output channel.",
    scope: "window",
  },
  "unitsmith.maxFileSizeKB": {
    type: "number",
    default: 2048,
    minimum: 1,
    description: "Files longer than this many KB are not analysed; a single diagnostic says so instead.",
    scope: "resource",
  },
  "unitsmith.systemdVersion": {
    type: "string",
    default: "auto",
    pattern: `^(auto|${TARGET_LIST_PATTERN})$`,
    description: `The systems units are written for: "auto" asks the installed systemd (and, where it can, the list of directives it accepts); a version such as "252" targets that release; a distribution (${DISTRIBUTION_NAMES.join(", ")}) targets the systemd it ships; several, separated by commas ("debian-12, ubuntu-24.04"), must all run the units. Directives, values and command prefixes newer than a target are flagged, naming the targets that lack them.`,
    scope: "resource",
  },
  "unitsmith.verify.onSave": {
    type: "boolean",
    default: true,
    description:
      "Run systemd-analyze verify on a copy of the unit when it is saved and show what systemd reports. Needs systemd-analyze and a trusted workspace.",
    scope: "resource",
  },
  "unitsmith.verify.showEnvironmentNoise": {
    type: "boolean",
    default: true,
    description:
      "Show systemd-analyze findings that depend on this machine rather than on the file (a command or a referenced unit not installed here), as information.",
    scope: "resource",
  },
  "unitsmith.verify.timeoutSeconds": {
    type: "number",
    default: 10,
    minimum: 1,
    description: "Stop systemd-analyze verify after this many seconds.",
    scope: "resource",
  },
  "unitsmith.inlayHints.specifiers": {
    type: "boolean",
    default: false,
    description: "Show what each %-specifier expands to in this file, after the specifier.",
    scope: "resource",
  },
  "unitsmith.inlayHints.timeSpans": {
    type: "boolean",
    default: false,
    description: "Show time spans as systemd prints them, e.g. TimeoutStartSec=90 → 1min 30s.",
    scope: "resource",
  },
  "unitsmith.inlayHints.calendarElapses": {
    type: "boolean",
    default: false,
    description: "Show when each OnCalendar= of a timer next elapses, in the local time zone, after the value.",
    scope: "resource",
  },
  "unitsmith.operations.afterSave": {
    type: "string",
    enum: ["ask", "reloadAndRestart", "reload", "nothing"],
    default: "ask",
    description:
      "After saving a unit file in a systemd unit directory (or a drop-in of one): ask whether to reload systemd and restart the unit, do both, only reload, or do nothing. An override opened with Edit Override is always reloaded.",
    scope: "resource",
  },
  "unitsmith.userUnitFiles": {
    type: "string",
    default: "",
    description:
      'Globs, separated by commas, of the unit files in the workspace written for the user manager (systemctl --user), such as "examples/user/**, **/*.user.service". Completion, hovers, inlay hints and checks then treat them as user units: %h is your home directory. A file in a unit directory keeps the scope of its directory.',
    scope: "resource",
  },
  "unitsmith.hosts": {
    type: "string",
    default: "",
    description:
      'Other machines to operate from the systemd Units view, separated by commas: ssh destinations such as "web1" (a Host of ~/.ssh/config) or "alice@db.example.org". Add " (sudo)" after a host to run its system-scope commands through sudo -n there. Keys and host keys stay in your ssh configuration; Unitsmith stores no secret. Containers that machinectl list shows appear on their own.',
    scope: "machine",
  },
  "unitsmith.format.keepSpacesAroundEquals": {
    type: "boolean",
    default: false,
    description: "Formatting keeps the spaces around = as written instead of writing Key=Value.",
    scope: "resource",
  },
} as const satisfies Record<string, SettingSpec>;

/** The severity setting of every rule, `unitsmith.lint.<rule id>`. */
const LINT_SETTINGS: Readonly<Record<string, SettingSpec>> = {
  ...Object.fromEntries(
    allRules.map((rule) => [
      `unitsmith.lint.${rule.id}`,
      {
        type: "string",
        enum: SEVERITIES,
        default: rule.defaultSeverity,
        description: `${rule.description} Severity of rule ${rule.id}, or "ignore" to turn it off.`,
        scope: "resource",
      } satisfies SettingSpec,
    ]),
  ),
};

/** The single source of every `unitsmith.*` setting: package.json and the Settings type are made from it. */
export const settingsSchema: Readonly<Record<string, SettingSpec>> = { ...GENERAL_SETTINGS, ...LINT_SETTINGS };

type GeneralSettings = typeof GENERAL_SETTINGS;

/** The value a setting holds: one of its enum's members, or its type. */
type ValueOf<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: "boolean" }
    ? boolean
    : S extends { type: "number" }
      ? number
      : string;

/** `"a.b.c"` with value V is `{ a: { b: { c: V } } }`. */
type Nested<K extends string, V> = K extends `${infer Head}.${infer Rest}` ? { [P in Head]: Nested<Rest, V> } : { [P in K]: V };

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The validated settings as the server reads them: `unitsmith.verify.onSave` is `settings.verify.onSave`. */
export type Settings = Intersection<
  {
    [K in keyof GeneralSettings]: K extends `unitsmith.${infer Path}` ? Nested<Path, ValueOf<GeneralSettings[K]>> : never;
  }[keyof GeneralSettings]
> & { lint: LintSeverities };
