// The project's own reading of systemd's parser functions: which kind of value each one takes,
// and whether repeating the directive accumulates. Enum words are not listed here; they come
// from the C string tables (EnumTables), by parser or by the table named in `table`.
import type { ValueSpec } from "../../server/src/language/schema/generated/types";

export type KindRule =
  | (ValueSpec & { list?: true })
  /** Words from the named C string table (`<table>_table[]`). */
  | { kind: "enum"; table: string; acceptsBoolean?: true; multiple?: true; prefixes?: string[]; numbers?: number; list?: true }
  /** An enum parser whose words EnumTables reads from its definition. */
  | { kind: "enum"; fromParser: true; numbers?: number; list?: true };

const UINT = (bits: number): KindRule => ({ kind: "integer", min: 0, max: 2 ** bits - 1 });
const SECONDS: KindRule = { kind: "timespan", infinity: true };
const LIST = <T extends KindRule>(rule: T): T => ({ ...rule, list: true });

/** Rules by parser function, shared by units and networkd. */
export const PARSER_KINDS: Record<string, KindRule> = {
  // generic conf-parser.c parsers
  config_parse_bool: { kind: "boolean" },
  config_parse_tristate: { kind: "tristate" },
  config_parse_string: { kind: "string" },
  config_parse_strv: LIST({ kind: "stringList" }),
  config_parse_int: { kind: "integer" },
  config_parse_long: { kind: "integer" },
  config_parse_unsigned: { kind: "integer", min: 0 },
  config_parse_uint8: UINT(8),
  config_parse_uint16: UINT(16),
  config_parse_uint32: UINT(32),
  config_parse_iec_size: { kind: "bytes" },
  config_parse_iec_size_long: { kind: "bytes" },
  config_parse_si_uint64: { kind: "integer", min: 0 },
  config_parse_uint64: { kind: "integer", min: 0 },
  config_parse_int32: { kind: "integer", min: -(2 ** 31), max: 2 ** 31 - 1 },
  config_parse_iec_uint64: { kind: "bytes" },
  config_parse_iec_uint64_infinity: { kind: "bytes", infinity: true },
  config_parse_path: { kind: "path" },
  config_parse_path_or_ignore: { kind: "path" },
  config_parse_calendar: { kind: "calendar" },
  config_parse_sec: SECONDS,
  config_parse_sec_fix_0: SECONDS,
  config_parse_sec_def_infinity: SECONDS,
  config_parse_nsec: { kind: "timespan", unit: "ns" },
  config_parse_mode: { kind: "mode" },
  config_parse_signal: { kind: "signal" },
  config_parse_permille: { kind: "permille" },
  config_parse_ifname: { kind: "interfaceName" },
  config_parse_ifnames: LIST({ kind: "interfaceName" }),
  config_parse_hw_addr: { kind: "macAddress" },
  config_parse_hw_addrs: LIST({ kind: "macAddress" }),
  config_parse_ether_addrs: LIST({ kind: "macAddress" }),
  config_parse_in_addr_non_null: { kind: "ipAddress" },
  config_parse_in_addr_prefixes: LIST({ kind: "ipPrefixList" }),
  config_parse_ip_port: { kind: "port" },
  config_parse_mtu: { kind: "bytes" },
  config_parse_hostname: { kind: "hostname" },
  config_parse_dns_name: { kind: "hostname" },
  config_parse_cpu_set: { kind: "cpuSet" },
  // The string lookups with a numeric fallback take numbers up to the table's maximum.
  config_parse_log_level: { kind: "enum", table: "log_level", numbers: 7 },
  // PID 1's LogLevel=: the same words, read by a parser that also sets the level at once
  config_parse_level2: { kind: "enum", table: "log_level", numbers: 7 },
  config_parse_log_facility: { kind: "enum", table: "log_facility_unshifted", numbers: 23 },
  config_parse_warn_compat: { kind: "string" },
  config_parse_net_condition: LIST({ kind: "condition", argument: "string" }),
  config_parse_match_strv: LIST({ kind: "stringList" }),
  config_parse_match_ifnames: LIST({ kind: "interfaceName" }),
  config_parse_match_property: LIST({ kind: "stringList" }),

  // [Unit]
  config_parse_unit_deps: LIST({ kind: "unitList" }),
  config_parse_obsolete_unit_deps: LIST({ kind: "unitList" }),
  config_parse_unit_mounts_for: LIST({ kind: "pathList" }),
  config_parse_documentation: LIST({ kind: "documentation" }),
  config_parse_unit_condition_path: LIST({ kind: "condition", argument: "path" }),
  config_parse_unit_condition_string: LIST({ kind: "condition", argument: "string" }),
  config_parse_job_mode: { kind: "enum", fromParser: true },
  config_parse_job_mode_isolate: { kind: "boolean" },
  config_parse_job_timeout_sec: SECONDS,
  config_parse_job_running_timeout_sec: SECONDS,
  config_parse_emergency_action: { kind: "enum", table: "emergency_action" },
  config_parse_exit_status: { kind: "integer", min: 0, max: 255 },
  config_parse_reboot_parameter: { kind: "string" },
  config_parse_collect_mode: { kind: "enum", fromParser: true },

  // [Install], parsed by src/shared/install.c
  config_parse_alias: LIST({ kind: "unitList" }),
  config_parse_also: LIST({ kind: "unitList" }),
  config_parse_default_instance: { kind: "specifierString" },

  // paths and strings with specifiers
  config_parse_unit_string_printf: { kind: "specifierString" },
  config_parse_unit_path_printf: { kind: "path" },
  config_parse_unit_path_strv_printf: LIST({ kind: "pathList" }),
  config_parse_working_directory: { kind: "path", optional: true, home: true },
  config_parse_pid_file: { kind: "path" },
  config_parse_mount_node: { kind: "specifierString" },
  config_parse_colon_separated_paths: { kind: "string" },
  config_parse_namespace_path_strv: LIST({ kind: "pathList", markers: "-+" }),
  config_parse_bind_paths: LIST({ kind: "stringList" }),
  config_parse_temporary_filesystems: LIST({ kind: "stringList" }),

  config_parse_ip_filter_bpf_progs: LIST({ kind: "pathList" }),

  // [Service] and other exec units
  config_parse_exec: LIST({ kind: "exec" }),
  config_parse_service_timeout: SECONDS,
  config_parse_service_timeout_abort: SECONDS,
  config_parse_service_sockets: LIST({ kind: "unitList", unitTypes: ["socket"] }),
  config_parse_set_status: LIST({ kind: "exitStatusList" }),
  config_parse_bus_name: { kind: "string" },
  config_parse_service_refresh_on_reload: {
    kind: "enum",
    values: ["extensions", "credentials"],
    acceptsBoolean: true,
    multiple: true,
  },
  config_parse_open_file: LIST({ kind: "string" }),
  config_parse_luo_sessions: LIST({ kind: "stringList" }),

  // execution context
  config_parse_user_group_compat: { kind: "user" },
  config_parse_user_group_strv_compat: LIST({ kind: "group", multiple: true }),
  config_parse_exec_nice: { kind: "integer", min: -20, max: 19 },
  config_parse_exec_oom_score_adjust: { kind: "integer", min: -1000, max: 1000 },
  config_parse_exec_io_priority: { kind: "integer", min: 0, max: 7 },
  config_parse_exec_cpu_sched_prio: { kind: "integer", min: 0, max: 99 },
  config_parse_exec_cpu_affinity: LIST({ kind: "cpuSet", keywords: ["numa"] }),
  config_parse_numa_mask: { kind: "cpuSet", keywords: ["all"] },
  config_parse_exec_io_class: { kind: "enum", fromParser: true, numbers: 2147483647 },
  config_parse_exec_cpu_sched_policy: { kind: "enum", fromParser: true, numbers: 2147483647 },
  config_parse_exec_coredump_filter: LIST({ kind: "stringList" }),
  config_parse_environ: LIST({ kind: "environment" }),
  config_parse_unit_env_file: LIST({ kind: "environmentFile" }),
  config_parse_pass_environ: LIST({ kind: "stringList" }),
  config_parse_unset_environ: LIST({ kind: "stringList" }),
  config_parse_exec_input_text: LIST({ kind: "specifierString" }),
  config_parse_exec_input_data: LIST({ kind: "string" }),
  config_parse_tty_size: { kind: "integer", min: 0, max: 65535 },
  config_parse_log_extra_fields: LIST({ kind: "environment" }),
  config_parse_log_filter_patterns: LIST({ kind: "stringList" }),
  config_parse_log_namespace: { kind: "string" },
  config_parse_capability_set: LIST({ kind: "capabilities" }),
  config_parse_exec_secure_bits: {
    kind: "enum",
    values: ["keep-caps", "keep-caps-locked", "no-setuid-fixup", "no-setuid-fixup-locked", "noroot", "noroot-locked"],
    multiple: true,
  },
  config_parse_syscall_filter: LIST({ kind: "syscallFilter", errno: true }),
  config_parse_syscall_archs: LIST({ kind: "syscallArchitectures" }),
  config_parse_syscall_errno: { kind: "errno" },
  config_parse_syscall_log: LIST({ kind: "syscallFilter" }),
  config_parse_namespace_flags: LIST({ kind: "stringList" }),
  config_parse_address_families: LIST({ kind: "addressFamilies" }),
  config_parse_restrict_filesystems: LIST({ kind: "stringList" }),
  config_parse_rlimit: { kind: "rlimit" },
  config_parse_protect_hostname: { kind: "enum", table: "protect_hostname", prefixes: ["yes:", "private:"] },
  config_parse_exec_mount_propagation_flag: { kind: "enum", values: ["shared", "slave", "private"] },
  config_parse_personality: { kind: "enum", table: "architecture" },
  config_parse_exec_quota: { kind: "string" },
  config_parse_set_credential: LIST({ kind: "string" }),
  config_parse_load_credential: LIST({ kind: "string" }),
  config_parse_import_credential: LIST({ kind: "stringList" }),
  config_parse_exec_selinux_context: { kind: "string" },
  config_parse_exec_apparmor_profile: { kind: "string" },
  config_parse_exec_smack_process_label: { kind: "string" },
  config_parse_exec_root_hash: { kind: "string" },
  config_parse_exec_root_hash_sig: { kind: "string" },
  config_parse_root_image_options: LIST({ kind: "stringList" }),
  config_parse_extension_images: LIST({ kind: "stringList" }),
  config_parse_mount_images: LIST({ kind: "stringList" }),
  config_parse_image_policy: { kind: "string" },
  config_parse_bpf_delegate_commands: LIST({ kind: "stringList" }),
  config_parse_bpf_delegate_maps: LIST({ kind: "stringList" }),
  config_parse_bpf_delegate_programs: LIST({ kind: "stringList" }),
  config_parse_bpf_delegate_attachments: LIST({ kind: "stringList" }),

  // resource control
  config_parse_unit_slice: { kind: "unit", unitTypes: ["slice"] },
  config_parse_unit_cpu_set: { kind: "cpuSet" },
  config_parse_cg_cpu_weight: { kind: "integer", min: 1, max: 10000, keywords: ["idle"] },
  config_parse_cg_weight: { kind: "integer", min: 1, max: 10000 },
  config_parse_cpu_quota: { kind: "percent", unbounded: true },
  config_parse_memory_limit: { kind: "bytes", infinity: true, percent: true },
  config_parse_tasks_max: { kind: "integer", min: 1, percent: true, keywords: ["infinity"] },
  config_parse_device_allow: LIST({ kind: "deviceAllow" }),
  config_parse_io_device_weight: LIST({ kind: "ioDeviceWeight" }),
  config_parse_io_limit: LIST({ kind: "ioDeviceLimit" }),
  config_parse_io_device_latency: LIST({ kind: "ioDeviceLatency" }),
  config_parse_delegate: LIST({ kind: "enum", table: "cgroup_controller", acceptsBoolean: true, multiple: true }),
  config_parse_delegate_subgroup: { kind: "string" },
  config_parse_disable_controllers: LIST({ kind: "enum", table: "cgroup_controller", multiple: true }),
  config_parse_managed_oom_mem_pressure_limit: { kind: "percent" },
  config_parse_managed_oom_mem_pressure_duration_sec: SECONDS,
  config_parse_managed_oom_rules: LIST({ kind: "stringList" }),
  config_parse_bpf_foreign_program: LIST({ kind: "string" }),
  config_parse_cgroup_socket_bind: LIST({ kind: "stringList" }),
  config_parse_restrict_network_interfaces: LIST({ kind: "stringList" }),
  config_parse_cgroup_nft_set: LIST({ kind: "stringList" }),
  config_parse_bind_network_interface: { kind: "interfaceName" },
  config_parse_concurrency_max: { kind: "integer", min: 1, keywords: ["infinity"] },

  // [Socket]
  config_parse_socket_listen: LIST({ kind: "string" }),
  config_parse_socket_protocol: { kind: "enum", values: ["udplite", "sctp", "mptcp"] },
  config_parse_socket_bind: { kind: "enum", values: ["default", "both", "ipv6-only"], acceptsBoolean: true },
  config_parse_socket_bindtodevice: { kind: "interfaceName" },
  config_parse_socket_service: { kind: "unit", unitTypes: ["service"] },
  config_parse_fdname: { kind: "string" },
  config_parse_ip_tos: { kind: "enum", fromParser: true, numbers: 255 },
  config_parse_xattr: LIST({ kind: "stringList" }),

  // [Swap], [Timer], [Path]
  config_parse_swap_priority: { kind: "integer", min: -1, max: 32767 },
  config_parse_trigger_unit: { kind: "unit" },
  config_parse_path_spec: LIST({ kind: "path" }),
  config_parse_timer: LIST({ kind: "timespan" }),

  // networkd
  config_parse_stacked_netdev: LIST({ kind: "interfaceName" }),
  config_parse_dns: LIST({ kind: "stringList" }),
  config_parse_domains: LIST({ kind: "stringList" }),
  config_parse_ntp: LIST({ kind: "stringList" }),
  config_parse_timezone: { kind: "string" },
  config_parse_link_group: { kind: "integer", min: 0, max: 2147483647 },
  config_parse_txqueuelen: UINT(32),
  config_parse_ifalias: { kind: "string" },
  config_parse_mud_url: { kind: "string" },
  config_parse_dhcp_request_options: LIST({ kind: "stringList" }),
  config_parse_dhcp_option: LIST({ kind: "string" }),
  config_parse_dhcp_send_option: LIST({ kind: "string" }),
  config_parse_vlanid: { kind: "integer", min: 0, max: 4094 },
  config_parse_port_range: { kind: "string" },
  config_parse_ipv6_flowlabel: { kind: "integer", min: 0, max: 1048575 },
};

/** Where each of the exec directories lives, for system units (systemd.exec(5)). */
const EXEC_DIRECTORY_BASES: Record<string, string> = {
  RuntimeDirectory: "/run",
  StateDirectory: "/var/lib",
  CacheDirectory: "/var/cache",
  LogsDirectory: "/var/log",
  ConfigurationDirectory: "/etc",
};

/** Rules that depend on the directive as well as the parser. */
export function directiveRule(parser: string, name: string, ltype: string): KindRule | undefined {
  if (parser === "config_parse_timer" && ltype === "TIMER_CALENDAR") return LIST({ kind: "calendar" });
  if (parser === "config_parse_user_group_compat" && name.endsWith("Group")) return { kind: "group" };
  if (parser === "config_parse_socket_listen") {
    if (ltype !== "SOCKET_SOCKET") return LIST({ kind: "path" });
    return LIST({ kind: name === "ListenNetlink" ? "netlinkAddress" : "socketAddress" });
  }
  if (parser === "config_parse_exec_directories") {
    const base = EXEC_DIRECTORY_BASES[name];
    if (!base) throw new Error(`${name}: an exec directory without a known base`);
    // config_parse_exec_directories() refuses the "name:link" form for ConfigurationDirectory= alone.
    return LIST({ kind: "execDirectory", base, ...(name !== "ConfigurationDirectory" && { target: true as const }) });
  }
  return undefined;
}

/**
 * networkd's many per-feature parsers follow naming habits; where the suffix says what the value
 * is, trust it. Suffixed parsers that need more care are listed in PARSER_KINDS and win.
 */
const BY_SUFFIX: [RegExp, KindRule][] = [
  [/_bool(ean)?$/, { kind: "boolean" }],
  [/_tristate$/, { kind: "tristate" }],
  [/_u8$/, UINT(8)],
  [/_(u32|uint32)$/, UINT(32)],
  [/_u?sec$/, { kind: "timespan" }],
];

export function ruleBySuffix(parser: string): KindRule | undefined {
  return BY_SUFFIX.find(([pattern]) => pattern.test(parser))?.[1];
}
