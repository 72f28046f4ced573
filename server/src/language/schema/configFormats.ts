import type { ConfigType } from "../unitKind";
import type { ConfigTable } from "./generated/configTypes";

/** The key table each configuration file kind is read with: system.conf and user.conf share the manager's. */
export function configTableOf(type: ConfigType): ConfigTable {
  return type === "system" || type === "user" ? "manager" : type;
}

const DEFINITIONS: Partial<Record<ConfigType, string>> = {
  nspawn: ".nspawn file",
  dnssd: ".dnssd file",
  repart: "repart.d definition",
  "sysupdate-transfer": "sysupdate.d .transfer file",
  "sysupdate-feature": "sysupdate.d .feature file",
};

/** How messages name the file kind: "journald.conf", ".nspawn file". */
export function configDescription(type: ConfigType): string {
  return DEFINITIONS[type] ?? `${type}.conf`;
}
