/**
 * Containers reachable over ssh, for the remote-host and fleet tests. The lab is a private network
 * namespace made for the test: one veth pair per container (10.217.N.1 in the lab, 10.217.N.2 in
 * the container, whose own network is private), and nothing on any other address. Commands that
 * play "the operator's machine" run with `prefix`: inside the lab's network namespace and in a
 * mount namespace where /root is a temporary home holding the test's key, ~/.ssh/config and
 * known_hosts, so ssh, `systemctl --host` and ansible read them exactly as they would the user's.
 *
 *   const lab = await createSshLab([web1, web2]);
 *   lab.hosts[0].address                     // "10.217.1.2"
 *   await lab.authorize(web1, "root");       // the test key may log in as root
 *   lab.writeSshConfig("Host web1\n  HostName 10.217.1.2\n  User root\n");
 *   await lab.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Container } from "./container";
import { pollUntil } from "./poll";
import { runProcess } from "./process";

export interface SshLab {
  /** The lab's end of each container's link, in the order given. */
  readonly hosts: { container: Container; address: string }[];
  /** The argv prefix that runs a command as the operator: in the lab, with the temporary home. */
  readonly prefix: string[];
  /** The operator's home as seen from outside the lab (it is /root inside). */
  readonly home: string;
  /** Lets the test's key log in to `user` of the container. */
  authorize(container: Container, user: string, home?: string): Promise<void>;
  /** Replaces ~/.ssh/config; a `Host *` block that accepts new host keys comes first. */
  writeSshConfig(text: string): void;
  /** An address in the lab where a TCP listener accepts connections and never says a word: a host that hangs. */
  silentHost(): Promise<string>;
  stop(): Promise<void>;
}

async function check(argv: string[], what: string): Promise<string> {
  const result = await runProcess(argv, { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`${what}: ${argv.join(" ")} exited ${result.code}: ${result.stderr.trim()}`);
  return result.stdout;
}

export async function createSshLab(containers: Container[]): Promise<SshLab> {
  const id = randomBytes(3).toString("hex");
  const netns = `unitsmith-lab-${id}`;
  const home = mkdtempSync(join(tmpdir(), `unitsmith-lab-${id}-`));
  const children: ChildProcess[] = [];
  await check(["ip", "netns", "add", netns], "making the lab's network namespace");
  const stop = async () => {
    for (const child of children) child.kill("SIGKILL");
    await runProcess(["ip", "netns", "delete", netns], { timeoutMs: 30_000 });
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await check(["ip", "-n", netns, "link", "set", "lo", "up"], "lo in the lab");
    const hosts = [];
    for (const [index, container] of containers.entries()) {
      const n = index + 1;
      const [outside, inside] = [`ul${id}${n}a`, `ul${id}${n}b`];
      const inContainer = ["nsenter", "-t", String(container.pid), "-n", "--"];
      await check(
        ["ip", "link", "add", outside, "netns", netns, "type", "veth", "peer", "name", inside, "netns", String(container.pid)],
        "veth",
      );
      await check(["ip", "-n", netns, "addr", "add", `10.217.${n}.1/24`, "dev", outside], "lab address");
      await check(["ip", "-n", netns, "link", "set", outside, "up"], "lab link");
      await check([...inContainer, "ip", "addr", "add", `10.217.${n}.2/24`, "dev", inside], "container address");
      await check([...inContainer, "ip", "link", "set", inside, "up"], "container link");
      await check([...inContainer, "ip", "link", "set", "lo", "up"], "container lo");
      hosts.push({ container, address: `10.217.${n}.2` });
    }

    // The operator: a process in the lab's network and a private mount namespace, /root replaced by `home`.
    const operator = spawn("ip", ["netns", "exec", netns, "unshare", "--mount", "--propagation", "private", "--", "sleep", "infinity"], {
      stdio: "ignore",
    });
    children.push(operator);
    const pid = String(operator.pid);
    // ip and unshare exec in place: once the pid runs sleep, both namespaces are set up.
    await pollUntil("the lab's operator process", Date.now() + 30_000, () =>
      readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "sleep" ? true : undefined,
    );
    mkdirSync(join(home, ".ssh"), { mode: 0o700 });
    await check(["nsenter", "-t", pid, "-m", "--", "mount", "--bind", home, "/root"], "the operator's home");
    const prefix = ["nsenter", "-t", pid, "-m", "-n", "--"];
    await check([...prefix, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "unitsmith-lab", "-f", "/root/.ssh/id_ed25519"], "key");
    const publicKey = readFileSync(join(home, ".ssh", "id_ed25519.pub"), "utf8");

    for (const { container } of hosts) {
      const ssh = await container.run(["systemctl", "is-active", "ssh.service"]);
      if (ssh.stdout.trim() !== "active") throw new Error(`sshd is not running in ${container.machine}: ${ssh.stdout}${ssh.stderr}`);
    }

    return {
      hosts,
      prefix,
      home,
      async authorize(container, user, userHome = user === "root" ? "/root" : `/home/${user}`) {
        await container.run(["install", "-d", "-m", "0700", "-o", user, "-g", user, "--", `${userHome}/.ssh`]);
        await container.writeFile(`${userHome}/.ssh/authorized_keys`, publicKey);
        await container.run(["chown", `${user}:${user}`, "--", `${userHome}/.ssh/authorized_keys`]);
      },
      writeSshConfig(text) {
        const header = "Host *\n  StrictHostKeyChecking accept-new\n  UserKnownHostsFile /root/.ssh/known_hosts\n\n";
        writeFileSync(join(home, ".ssh", "config"), header + text, { mode: 0o600 });
      },
      async silentHost() {
        const address = "10.217.250.1";
        await check(["ip", "-n", netns, "addr", "add", `${address}/32`, "dev", "lo"], "the silent host's address");
        const script = `require("node:net").createServer(() => {}).listen(22, ${JSON.stringify(address)}, () => console.log("listening"))`;
        const listener = spawn("ip", ["netns", "exec", netns, process.execPath, "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        children.push(listener);
        await new Promise<void>((resolve, reject) => {
          listener.stdout?.once("data", () => resolve());
          listener.once("exit", (code) => reject(new Error(`the silent listener exited (${code})`)));
        });
        return address;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
