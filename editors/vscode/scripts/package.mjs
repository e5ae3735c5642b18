// `npm run package [-- --target TRIPLE] [-- --out FILE]`: builds the server in release mode,
// strips it into server/ (where the extension looks first) and packages the extension with
// vsce for the VS Code platform that matches the server (tadqiq.vsix unless --out says).
//
// - The server is found where cargo put it: `cargo metadata` names the target directory, so
//   CARGO_TARGET_DIR and .cargo/config.toml's build.target-dir are honoured.
// - --target TRIPLE builds for another platform (`rustup target add TRIPLE` and a linker for
//   it first) and marks the .vsix for that platform (x86_64-unknown-linux-gnu → linux-x64).
//   This machine's own triple builds as plain `cargo build --release` does, reusing that build.
// - TADQIQ_BIN=path packages an already built binary instead of running cargo.
// - The copy in server/ is stripped (symbols and debug information: the release profile keeps
//   line tables for backtraces, 40 MB of them) with `strip`, or $STRIP, or `llvm-strip`; an
//   ELF server is checked afterwards. No binary, or one that cannot be stripped, is an error:
//   a .vsix without a working server is never written.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const extension = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(extension, "../..");

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

// Rust's target triples and the VS Code platform a server built for each runs on.
const platforms = {
  "x86_64-unknown-linux-gnu": "linux-x64",
  "aarch64-unknown-linux-gnu": "linux-arm64",
  "armv7-unknown-linux-gnueabihf": "linux-armhf",
  "x86_64-unknown-linux-musl": "alpine-x64",
  "aarch64-unknown-linux-musl": "alpine-arm64",
  "x86_64-apple-darwin": "darwin-x64",
  "aarch64-apple-darwin": "darwin-arm64",
  "x86_64-pc-windows-msvc": "win32-x64",
  "aarch64-pc-windows-msvc": "win32-arm64",
  "x86_64-pc-windows-gnu": "win32-x64",
};

function parseArgs(argv) {
  const args = { target: undefined, out: "tadqiq.vsix" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--target") args.target = value();
    else if (flag === "--out") args.out = path.resolve(value());
    else fail(`unknown argument ${argv[i]} (known: --target TRIPLE, --out FILE)`);
  }
  return args;
}

function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { cwd: repo, encoding: "utf8", ...options });
  } catch (error) {
    if (error.code === "ENOENT") fail(`${command} is not installed or not on the PATH`);
    fail(`${command} ${args.join(" ")} failed${error.status === undefined ? `: ${error.message}` : ` (exit ${error.status})`}`);
  }
}

let host;
function hostTriple() {
  if (host === undefined) {
    let version;
    try {
      version = execFileSync("rustc", ["-vV"], { encoding: "utf8" });
    } catch {
      return (host = nodeTriple()); // TADQIQ_BIN on a machine without Rust
    }
    host = /^host: (\S+)$/m.exec(version)?.[1] ?? fail("rustc -vV names no host triple");
  }
  return host;
}

/** The triple of the machine node runs on, for TADQIQ_BIN without --target. */
function nodeTriple() {
  const arch = { x64: "x86_64", arm64: "aarch64" }[process.arch];
  const os = { linux: "unknown-linux-gnu", darwin: "apple-darwin", win32: "pc-windows-msvc" }[process.platform];
  return arch && os ? `${arch}-${os}` : fail(`no VS Code platform for ${process.platform}-${process.arch}; give --target`);
}

// The section names of an ELF file, from its section header table; undefined if not ELF.
function elfSections(file) {
  const data = fs.readFileSync(file);
  if (data.length < 64 || data.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const wide = data[4] === 2;
  const little = data[5] === 1;
  const u16 = (at) => (little ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const u32 = (at) => (little ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const addr = (at) => (wide ? Number(little ? data.readBigUInt64LE(at) : data.readBigUInt64BE(at)) : u32(at));
  const shoff = addr(wide ? 0x28 : 0x20);
  const shentsize = u16(wide ? 0x3a : 0x2e);
  const shnum = u16(wide ? 0x3c : 0x30);
  const shstrndx = u16(wide ? 0x3e : 0x32);
  const header = (i) => shoff + i * shentsize;
  const offsetOf = (i) => addr(header(i) + (wide ? 0x18 : 0x10));
  const names = offsetOf(shstrndx);
  const sections = [];
  for (let i = 0; i < shnum; i++) {
    const start = names + u32(header(i));
    const end = data.indexOf(0, start);
    sections.push(data.toString("latin1", start, end));
  }
  return sections;
}

function strip(file, triple) {
  if (triple.endsWith("-windows-msvc")) {
    return; // the MSVC linker keeps debug information in a .pdb beside the .exe, not inside it
  }
  // The system's strip reads its own kind of binary: same processor, same operating system.
  const kind = (t) => [t.split("-")[0], ["linux", "darwin", "windows"].find((os) => t.includes(os))].join(" ");
  const native = kind(triple) === kind(hostTriple());
  const candidates = [process.env.STRIP, native ? "strip" : undefined, "llvm-strip"].filter(Boolean);
  const before = fs.statSync(file).size;
  let stripped = false;
  for (const tool of candidates) {
    try {
      // No options: every symbol and all debug information, for GNU, LLVM and Apple strip.
      execFileSync(tool, [file], { stdio: ["ignore", "ignore", "pipe"] });
      stripped = true;
      break;
    } catch (error) {
      if (error.code !== "ENOENT") fail(`${tool} ${file} failed: ${String(error.stderr ?? error.message).trim()}`);
    }
  }
  if (!stripped) {
    fail(`no strip for ${triple} (tried ${candidates.join(", ")}); set STRIP to one that reads its binaries`);
  }
  const sections = elfSections(file);
  // .debug_gdb_scripts stays: a few bytes rustc places in the loaded image for debuggers.
  const left = (sections ?? []).filter(
    (name) => name === ".symtab" || (name.startsWith(".debug") && name !== ".debug_gdb_scripts"),
  );
  if (left.length > 0) fail(`${file} still has ${left.join(", ")} after stripping`);
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  console.log(`package: server stripped, ${mb(before)} MB → ${mb(fs.statSync(file).size)} MB`);
}

const args = parseArgs(process.argv.slice(2));
// A failure below must not leave an older package looking like this one.
fs.rmSync(path.resolve(extension, args.out), { force: true });
let binary = process.env.TADQIQ_BIN;
const triple = args.target ?? (binary ? nodeTriple() : hostTriple());
const platform = platforms[triple] ?? fail(`no VS Code platform for ${triple}; known: ${Object.keys(platforms).join(", ")}`);
if (!binary) {
  const cross = triple !== hostTriple();
  if (cross) {
    let installed = "";
    try {
      installed = execFileSync("rustup", ["target", "list", "--installed"], { encoding: "utf8" });
    } catch {
      installed = triple; // no rustup: let cargo say what is missing
    }
    if (!installed.split("\n").includes(triple)) {
      fail(`Rust's standard library for ${triple} is not installed: rustup target add ${triple} (and a linker for it)`);
    }
  }
  const build = ["build", "--release", "--locked", "--bin", "tadqiq"];
  if (cross) build.push("--target", triple);
  run("cargo", build, { stdio: "inherit" });
  const metadata = JSON.parse(run("cargo", ["metadata", "--format-version", "1", "--no-deps"]));
  const exe = triple.includes("-windows-") ? "tadqiq.exe" : "tadqiq";
  binary = path.join(metadata.target_directory, cross ? triple : "", "release", exe);
}
if (!fs.existsSync(binary) || !fs.statSync(binary).isFile()) {
  fail(`no server binary at ${binary}`);
}
console.log(`package: server ${binary} for ${platform}`);

const server = path.join(extension, "server");
const exe = platform.startsWith("win32-") ? "tadqiq.exe" : "tadqiq";
fs.rmSync(server, { recursive: true, force: true });
fs.mkdirSync(server);
fs.copyFileSync(binary, path.join(server, exe));
fs.chmodSync(path.join(server, exe), 0o755);
strip(path.join(server, exe), triple);

const vsce = path.join(extension, "node_modules/@vscode/vsce/vsce");
if (!fs.existsSync(vsce)) fail("vsce is not installed; run npm ci first");
run(process.execPath, [vsce, "package", "--out", args.out, "--skip-license", "--target", platform], {
  cwd: extension,
  stdio: "inherit",
});
