import type { Scope } from "./unitKind";

/** A unit systemd itself gives a meaning to (systemd.special(7)), in the project's own words. */
export interface SpecialUnit {
  name: string;
  description: string;
  /** Only in this manager; absent: both the system and the user manager know it. */
  scope?: Scope;
}

const system = (name: string, description: string): SpecialUnit => ({ name, description, scope: "system" });
const user = (name: string, description: string): SpecialUnit => ({ name, description, scope: "user" });
const both = (name: string, description: string): SpecialUnit => ({ name, description });

export const SPECIAL_UNITS: readonly SpecialUnit[] = [
  system("-.mount", "The root file system"),
  system("-.slice", "The root slice, parent of every other slice"),
  both("basic.target", "Basic system: file systems, sockets, timers and paths are up"),
  system("blockdev@.target", "Reached when a block device is set up; instances are named after the device"),
  system("bluetooth.target", "Pulled in when a Bluetooth adapter appears"),
  system("boot-complete.target", "Marks a boot as successful; order health checks before it"),
  system("cryptsetup-pre.target", "Order units before it to run them before any encrypted volume is set up"),
  system("cryptsetup.target", "Local encrypted volumes are set up"),
  system("ctrl-alt-del.target", "Started when Ctrl+Alt+Del is pressed on the console"),
  both("dbus.service", "The D-Bus message bus: the system bus, or in a user manager the session bus"),
  both("dbus.socket", "The D-Bus bus socket: the system bus, or in a user manager the session bus"),
  both("default.target", "The target started at boot (an alias, usually of multi-user.target or graphical.target)"),
  system("display-manager.service", "Alias of the display manager that graphical.target starts"),
  system("emergency.target", "Emergency shell on the console, with almost nothing else started"),
  both("exit.target", "Stops the manager (for a container or a user manager) like a shutdown"),
  system("factory-reset.target", "Started to reset the system to its factory state"),
  system("final.target", "The last target of a shutdown, for services that must run very late"),
  system("first-boot-complete.target", "Reached once the first boot of a new system completed"),
  system("getty-pre.target", "Order units before it to run them before any login prompt appears"),
  system("getty.target", "Login prompts on the text consoles"),
  system("graphical.target", "Multi-user system with a graphical login"),
  user("graphical-session.target", "Active while a graphical user session runs"),
  user("graphical-session-pre.target", "Services that must run before the graphical session starts"),
  system("halt.target", "Halts the system"),
  system("hibernate.target", "Hibernates the system"),
  system("hybrid-sleep.target", "Suspends and hibernates the system at once"),
  system("initrd-fs.target", "In the initrd: the file systems of the real root are mounted"),
  system("initrd-root-device.target", "In the initrd: the root device is available"),
  system("initrd-root-fs.target", "In the initrd: the real root file system is mounted on /sysroot"),
  system("initrd-usr-fs.target", "In the initrd: /usr of the real root is mounted"),
  system("initrd.target", "The default target of the initrd"),
  system("integritysetup-pre.target", "Order units before it to run them before integrity devices are set up"),
  system("integritysetup.target", "Local integrity-protected devices are set up"),
  system("kbrequest.target", "Started when Alt+ArrowUp is pressed on the console"),
  system("kexec.target", "Reboots into a new kernel with kexec"),
  system("local-fs-pre.target", "Order units before it to run them before local file systems are mounted"),
  system("local-fs.target", "Local file systems are mounted"),
  system("machine.slice", "Slice of virtual machines and containers"),
  system("machines.target", "Containers and virtual machines started at boot"),
  system("multi-user.target", "Multi-user system without a graphical login; where most services are enabled"),
  system("network-online.target", "The network is configured and up; pull it in with Wants= and order after it"),
  system("network-pre.target", "Order units before it to run them before any network is configured"),
  system("network.target", "The network management stack has started (not: the network is up)"),
  system("nss-lookup.target", "Host name resolution is available"),
  system("nss-user-lookup.target", "User and group name lookups are available"),
  both("paths.target", "Path units that are started at boot"),
  both("poweroff.target", "Powers the system off"),
  both("printer.target", "Pulled in when a printer appears"),
  system("reboot.target", "Reboots the system"),
  system("remote-cryptsetup.target", "Encrypted volumes reached over the network are set up"),
  system("remote-fs-pre.target", "Order units before it to run them before remote file systems are mounted"),
  system("remote-fs.target", "Remote file systems are mounted"),
  system("remote-veritysetup.target", "Verity devices reached over the network are set up"),
  system("rescue.target", "Single-user rescue shell with the base system up"),
  system("rpcbind.target", "The RPC port mapper is available"),
  both("shutdown.target", "Stops units at shutdown; services conflict with it by default"),
  system("sigpwr.target", "Started when the power fails (SIGPWR)"),
  system("sleep.target", "Pulled in by every suspend and hibernate target"),
  both("slices.target", "Slices that are set up at boot"),
  both("smartcard.target", "Pulled in when a smart card reader appears"),
  both("sockets.target", "Socket units that listen from boot"),
  both("sound.target", "Pulled in when a sound card appears"),
  system("suspend-then-hibernate.target", "Suspends, then hibernates after a delay"),
  system("suspend.target", "Suspends the system"),
  system("swap.target", "Swap devices are active"),
  system("sysinit.target", "Early boot: file systems, swap and kernel settings are set up"),
  system("syslog.socket", "The socket a syslog daemon receives messages on"),
  system("system-update-cleanup.service", "Removes the offline update marker after a failed update"),
  system("system-update-pre.target", "Order units before it to run them before an offline update"),
  system("system-update.target", "Boots into offline system update mode"),
  system("system.slice", "Slice of system services"),
  system("time-set.target", "The system clock has been set from a local source"),
  system("time-sync.target", "The system clock is synchronised with a time server"),
  both("timers.target", "Timer units that are started at boot"),
  system("umount.target", "Unmounts file systems at shutdown"),
  system("usb-gadget.target", "Pulled in when the machine works as a USB gadget"),
  system("user.slice", "Slice of user sessions and user managers"),
  system("veritysetup-pre.target", "Order units before it to run them before verity devices are set up"),
  system("veritysetup.target", "Local verity-protected devices are set up"),
  user("app.slice", "Slice of the user's applications"),
  user("background.slice", "Slice of low-priority user background tasks"),
  user("session.slice", "Slice of the user services that make up the session"),
  user("xdg-desktop-autostart.target", "Starts the XDG autostart applications of the session"),
];

export function specialUnitsFor(scope: Scope): SpecialUnit[] {
  return SPECIAL_UNITS.filter((unit) => unit.scope === undefined || unit.scope === scope);
}
