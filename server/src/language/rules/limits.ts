import type { RuleInfo } from "./rule";

export const fileTooLarge: RuleInfo = {
  id: "file-too-large",
  defaultSeverity: "warning",
  description: "The file is longer than unitsmith.maxFileSizeKB; it is not analysed.",
};

export function fileTooLargeMessage(length: number, limitKB: number): string {
  const sizeKB = Math.ceil(length / 1024);
  return `This file is ${sizeKB} KB, more than the ${limitKB} KB that Unitsmith analyses (setting unitsmith.maxFileSizeKB). No other checks ran. systemd unit files are rarely larger than a few KB.`;
}
