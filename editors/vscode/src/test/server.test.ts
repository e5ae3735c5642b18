// The real server, started the way the extension starts it (resolveServer, `lsp`, the settings
// it sends), spoken to with vscode-jsonrpc, the library under vscode-languageclient. No VS Code
// is downloaded: this is everything short of the editor's window.
import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";

import { resolveServer, serverSettings } from "../config";

const repo = path.resolve(__dirname, "../../../..");
const sample = path.join(repo, "examples/iraq-withdrawal");

/** Where cargo builds: its own answer, so CARGO_TARGET_DIR and .cargo/config.toml count. */
function cargoTargetDir(): string {
  const metadata = spawnSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: repo, encoding: "utf8" });
  if (metadata.status === 0) {
    return (JSON.parse(metadata.stdout) as { target_directory: string }).target_directory;
  }
  return path.resolve(repo, process.env.CARGO_TARGET_DIR ?? "target");
}

/**
 * The server to start: TADQIQ_BIN if set (it must exist), else the newer of cargo's release
 * and debug builds. None is a failure, never a skip: a passing run has spoken to the server.
 */
function binary(): string {
  const given = process.env.TADQIQ_BIN ?? "";
  if (given !== "") {
    const file = path.resolve(given);
    if (!fs.existsSync(file)) throw new Error(`TADQIQ_BIN is ${given}, but there is no such file`);
    return file;
  }
  const exe = process.platform === "win32" ? "tadqiq.exe" : "tadqiq";
  const target = cargoTargetDir();
  const candidates = ["release", "debug"].map((profile) => path.join(target, profile, exe));
  const built = candidates.filter((file) => fs.existsSync(file));
  if (built.length === 0) {
    throw new Error(`no tadqiq server at ${candidates.join(" or ")}: run cargo build --release, or set TADQIQ_BIN`);
  }
  return built.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

interface Diagnostic {
  code?: string;
  message: string;
  range: { start: { line: number; character: number } };
}

test("the server the extension starts reports the sample's conflict and hovers a name", async () => {
  const built = binary();
  const server = resolveServer({ extensionPath: repo, configured: built, platform: process.platform, pathEnv: "" });
  const child = spawn(server.command, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, Diagnostic[]>();
  const waiters: (() => void)[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(params.uri, params.diagnostics);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.onRequest(() => null); // registrations, configuration pulls: accepted, unused
  connection.listen();
  const until = async (what: string, ok: () => boolean): Promise<void> => {
    const deadline = Date.now() + 20000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };
  try {
    const settings = serverSettings({ get: <T>(key: string) => (key === "debounceMs" ? (0 as T) : undefined) });
    const root = pathToFileURL(sample).href;
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: "iraq-withdrawal" }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: settings,
    });
    await connection.sendNotification("initialized", {});

    const file = path.join(sample, "002_fbc81e4b622b9da9.txt");
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, "utf8");
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text },
    });
    const codes = () => (published.get(uri) ?? []).map((d) => d.code);
    await until("the date-conflict", () => codes().includes("date-conflict"));
    const conflict = (published.get(uri) ?? []).find((d) => d.code === "date-conflict");
    assert.match(conflict?.message ?? "", /كانون الثاني 1998/);

    // JavaScript strings count UTF-16 units, as LSP positions do.
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("قاسم الأعرجي"));
    const character = lines[line].indexOf("قاسم الأعرجي") + 1;
    const hover = await connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line, character },
    });
    assert.match(hover?.contents.value ?? "", /قاسم الأعرجي/);

    // A setting changed in VS Code arrives as {tadqiq: {…}}; turning the rule off clears it.
    await connection.sendNotification("workspace/didChangeConfiguration", {
      settings: { tadqiq: { ...settings, rules: { "date-conflict": "off" } } },
    });
    await until("the conflict to go", () => !codes().includes("date-conflict"));

    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    child.kill();
  }
});
