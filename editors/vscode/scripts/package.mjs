// `npm run package`: builds the server in release mode, places it in server/ (where the
// extension looks first), and packages the extension with vsce into tadqiq.vsix for this
// platform. TADQIQ_BIN=path packages an already built binary instead of running cargo.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const extension = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(extension, "../..");
const exe = process.platform === "win32" ? "tadqiq.exe" : "tadqiq";

let binary = process.env.TADQIQ_BIN;
if (!binary) {
  execFileSync("cargo", ["build", "--release", "--locked", "--bin", "tadqiq"], { cwd: repo, stdio: "inherit" });
  binary = path.join(repo, "target", "release", exe);
}
if (!fs.existsSync(binary)) {
  console.error(`package: no server binary at ${binary}`);
  process.exit(1);
}
const server = path.join(extension, "server");
fs.rmSync(server, { recursive: true, force: true });
fs.mkdirSync(server);
fs.copyFileSync(binary, path.join(server, exe));
fs.chmodSync(path.join(server, exe), 0o755);

// The marketplace's platform names; the .vsix carries a native binary, so it is per platform.
const targets = {
  "linux-x64": "linux-x64",
  "linux-arm64": "linux-arm64",
  "darwin-x64": "darwin-x64",
  "darwin-arm64": "darwin-arm64",
  "win32-x64": "win32-x64",
  "win32-arm64": "win32-arm64",
};
const target = targets[`${process.platform}-${process.arch}`];
const args = ["package", "--out", "tadqiq.vsix", "--skip-license"];
if (target) args.push("--target", target);
execFileSync(process.execPath, [path.join(extension, "node_modules/@vscode/vsce/vsce"), ...args], {
  cwd: extension,
  stdio: "inherit",
});
