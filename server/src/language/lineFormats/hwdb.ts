/**
 * hwdb: records of one or more match lines (in the first column) followed by indented
 * `KEY=value` property lines, records separated by empty lines, as systemd-hwdb compiles them.
 */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, quotedText } from "./lines";
import { invalidField, malformedEntry } from "./rules";

const PREFIXES: Readonly<Record<string, string>> = {
  "evdev:": "input devices by bus, vendor, product and name (evdev:input:b…v…p…, evdev:name:…)",
  "mouse:": "pointing devices, for MOUSE_DPI and the like",
  "keyboard:": "keyboards (older form; evdev: is preferred)",
  "usb:": "USB devices by vendor and product (usb:v…p…)",
  "pci:": "PCI devices by vendor and device (pci:v…d…)",
  "acpi:": "ACPI devices by their ID",
  "bluetooth:": "Bluetooth vendors",
  "sensor:": "accelerometers and other sensors, for ACCEL_MOUNT_MATRIX",
  "id-input:": "how a device counts as an input device (ID_INPUT_*)",
  "ieee1394:": "FireWire devices",
  "OUI:": "network hardware vendors by MAC address prefix",
};

const PROPERTIES: Readonly<Record<string, string>> = {
  KEYBOARD_KEY_: "map a scan code (hex, after the _) to a key name such as leftctrl, or to ! for a release event",
  MOUSE_DPI: "the mouse's resolution in dots per inch, e.g. 800@125 (at a report rate)",
  MOUSE_WHEEL_CLICK_ANGLE: "how many degrees one wheel click turns",
  ACCEL_MOUNT_MATRIX: "how the accelerometer is mounted, a 3×3 matrix",
  ID_VENDOR_FROM_DATABASE: "the vendor's name",
  ID_MODEL_FROM_DATABASE: "the model's name",
  ID_INPUT: "the device is an input device (1)",
  ID_INPUT_KEYBOARD: "the device is a keyboard (1)",
  ID_INPUT_MOUSE: "the device is a mouse (1)",
  ID_INPUT_TOUCHPAD: "the device is a touchpad (1)",
  EVDEV_ABS_00: "overrides of the X axis: min:max:resolution:fuzz:flat",
  EVDEV_ABS_01: "overrides of the Y axis: min:max:resolution:fuzz:flat",
};

/** Property lines start with a space; systemd-hwdb takes a line starting with a tab for a match. */
const isIndented = (line: string) => line.startsWith(" ");

function noProperties(lines: readonly string[], match: number): LineFinding {
  const text = lines[match]!;
  const tab = text.startsWith("\t") ? " (a line starting with a tab is read as a match: indent properties with a space)" : "";
  return finding(invalidField, match, 0, text.length, `A match with no property lines after it${tab}: systemd-hwdb ignores the record.`);
}

function check(lines: readonly string[]): LineFinding[] {
  const findings: LineFinding[] = [];
  let state: "none" | "match" | "data" = "none";
  let lastMatch = 0;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line]!;
    if (text.startsWith("#")) continue;
    if (text.trim() === "") {
      if (state === "match") findings.push(noProperties(lines, lastMatch));
      state = "none";
      continue;
    }
    if (!isIndented(text)) {
      if (state === "data") {
        findings.push(
          finding(
            malformedEntry,
            line,
            0,
            text.length,
            `A match line after the properties, with no empty line before it: systemd-hwdb ignores the record ${quotedText(text)} ends.`,
          ),
        );
        state = "none";
        continue;
      }
      state = "match";
      lastMatch = line;
      continue;
    }
    const start = text.search(/\S/);
    if (state === "none") {
      findings.push(
        finding(malformedEntry, line, start, text.length, "A property line must follow a match line; systemd-hwdb ignores this one."),
      );
      continue;
    }
    state = "data";
    const equals = text.indexOf("=");
    if (equals < 0)
      findings.push(finding(malformedEntry, line, start, text.length, "A property line is KEY=value; systemd-hwdb ignores this one."));
    else if (equals === start)
      findings.push(finding(invalidField, line, start, equals + 1, "The property has no key; systemd-hwdb ignores it."));
  }
  if (state === "match") findings.push(noProperties(lines, lastMatch));
  return findings;
}

function complete(text: string, character: number): LineCompletion[] {
  const before = text.slice(0, character);
  if (!isIndented(before)) return Object.entries(PREFIXES).map(([label, detail]) => ({ label, kind: "type", detail }));
  if (before.includes("=")) return [];
  return Object.entries(PROPERTIES).map(([label, detail]) => ({
    label,
    kind: "key",
    detail,
    insertText: label.endsWith("_") ? label : `${label}=`,
  }));
}

function hover(text: string, character: number): LineHover | undefined {
  if (text.startsWith("#") || text.trim() === "") return undefined;
  if (!isIndented(text)) {
    const prefix = Object.keys(PREFIXES).find((p) => text.startsWith(p));
    return prefix && character <= text.length
      ? {
          start: 0,
          end: text.length,
          summary: `**Match \`${prefix}\`**: ${PREFIXES[prefix]}. Globs (\`*\`, \`?\`, \`[...]\`) match the device's modalias-like string.`,
        }
      : undefined;
  }
  const start = text.search(/\S/);
  const equals = text.indexOf("=");
  if (equals < 0 || character < start || character > equals) return undefined;
  const key = text.slice(start, equals);
  const known = Object.entries(PROPERTIES).find(([name]) => (name.endsWith("_") ? key.startsWith(name) : key === name));
  return known ? { start, end: equals, summary: `**${key}**: ${known[1]}.` } : undefined;
}

export const hwdb: LineFormat = {
  id: "udev-hwdb",
  check,
  complete,
  hover,
  format: (lines) => lines.map((line) => (isIndented(line) && line.trim() !== "" ? ` ${line.trim()}` : line.trimEnd())),
};
