/**
 * The exit statuses systemd gives a service's process when setting it up failed before the
 * program ran (systemd.exec(5), "Process Exit Codes"), with the directives whose setting the step
 * carries out: the failure is theirs.
 */
export interface SetupStep {
  /** As systemd names it: 203 is "EXEC". */
  name: string;
  /** What systemd was doing, in words for the user. */
  doing: string;
  /** The directives behind the step, the likeliest first. */
  directives: readonly string[];
}

const step = (name: string, doing: string, ...directives: string[]): SetupStep => ({ name, doing, directives });

/** Directives that set up the service's own view of the file system. */
export const NAMESPACE_DIRECTIVES = [
  "ReadWritePaths",
  "ReadOnlyPaths",
  "InaccessiblePaths",
  "ExecPaths",
  "NoExecPaths",
  "BindPaths",
  "BindReadOnlyPaths",
  "TemporaryFileSystem",
  "RootDirectory",
  "RootImage",
  "MountImages",
  "ExtensionImages",
  "ExtensionDirectories",
  "PrivateTmp",
  "PrivateDevices",
  "ProtectSystem",
  "ProtectHome",
] as const;

export const SETUP_STEPS: Readonly<Record<number, SetupStep>> = {
  200: step("CHDIR", "changing to the working directory", "WorkingDirectory"),
  201: step("NICE", "setting the scheduling priority", "Nice"),
  202: step("FDS", "closing or passing file descriptors", "Sockets"),
  203: step("EXEC", "executing the program", "ExecStart"),
  204: step("MEMORY", "allocating memory"),
  205: step("LIMITS", "setting resource limits", "LimitNOFILE", "LimitNPROC", "LimitCORE", "LimitMEMLOCK", "LimitSTACK", "LimitAS"),
  206: step("OOM_ADJUST", "setting the OOM score", "OOMScoreAdjust"),
  207: step("SIGNAL_MASK", "setting the signal mask"),
  208: step("STDIN", "setting up standard input", "StandardInput", "TTYPath"),
  209: step("STDOUT", "setting up standard output", "StandardOutput", "StandardError"),
  210: step("CHROOT", "changing the root directory", "RootDirectory", "RootImage"),
  211: step("IOPRIO", "setting the I/O priority", "IOSchedulingClass", "IOSchedulingPriority"),
  212: step("TIMERSLACK", "setting the timer slack", "TimerSlackNSec"),
  213: step("SECUREBITS", "setting the secure bits", "SecureBits"),
  214: step("SETSCHEDULER", "setting the CPU scheduling policy", "CPUSchedulingPolicy", "CPUSchedulingPriority"),
  215: step("CPUAFFINITY", "setting the CPU affinity", "CPUAffinity"),
  216: step("GROUP", "looking up the group", "Group", "SupplementaryGroups"),
  217: step("USER", "looking up the user", "User"),
  218: step("CAPABILITIES", "setting the capabilities", "AmbientCapabilities", "CapabilityBoundingSet"),
  219: step("CGROUP", "setting up the control group", "Delegate", "Slice"),
  220: step("SETSID", "creating a new session"),
  221: step("CONFIRM", "asking for confirmation"),
  222: step("STDERR", "setting up standard error", "StandardError"),
  224: step("PAM", "opening the PAM session", "PAMName"),
  225: step("NETWORK", "setting up the network namespace", "PrivateNetwork", "NetworkNamespacePath", "JoinsNamespaceOf"),
  226: step("NAMESPACE", "setting up the mount namespace", ...NAMESPACE_DIRECTIVES),
  227: step("NO_NEW_PRIVILEGES", "setting no new privileges", "NoNewPrivileges"),
  228: step("SECCOMP", "installing the system call filter", "SystemCallFilter", "SystemCallArchitectures"),
  229: step("SELINUX_CONTEXT", "setting the SELinux context", "SELinuxContext"),
  230: step("PERSONALITY", "setting the execution domain", "Personality", "LockPersonality"),
  231: step("APPARMOR_PROFILE", "setting the AppArmor profile", "AppArmorProfile"),
  232: step("ADDRESS_FAMILIES", "restricting the socket address families", "RestrictAddressFamilies"),
  233: step("RUNTIME_DIRECTORY", "creating the runtime directory", "RuntimeDirectory"),
  235: step("CHOWN", "changing the owner of the socket or directory", "User", "Group"),
  236: step("SMACK_PROCESS_LABEL", "setting the SMACK label", "SmackProcessLabel"),
  237: step("KEYRING", "setting up the kernel keyring", "KeyringMode"),
  238: step("STATE_DIRECTORY", "creating the state directory", "StateDirectory"),
  239: step("CACHE_DIRECTORY", "creating the cache directory", "CacheDirectory"),
  240: step("LOGS_DIRECTORY", "creating the logs directory", "LogsDirectory"),
  241: step("CONFIGURATION_DIRECTORY", "creating the configuration directory", "ConfigurationDirectory"),
  242: step("NUMA", "setting the NUMA policy", "NUMAPolicy", "NUMAMask"),
  243: step(
    "CREDENTIALS",
    "setting up the credentials",
    "LoadCredential",
    "LoadCredentialEncrypted",
    "SetCredential",
    "SetCredentialEncrypted",
  ),
  245: step("BPF", "attaching the BPF programs", "IPAddressDeny", "IPAddressAllow", "SocketBindDeny", "RestrictNetworkInterfaces"),
};
