// The extension's decisions, under plain Node: which binary, which documents, which settings,
// and that the manifest contributes what the server reads.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import { RESTART_KEYS, documentSelector, resolveServer, serverSettings } from "../config";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { markdownDescription?: string; default?: unknown }> };
  };
};

/** A folder with executables at the given relative paths. */
function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tadqiq-vscode-"));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "#!/bin/sh\n");
    fs.chmodSync(path.join(root, file), 0o755);
  }
  return root;
}

test("the bundled binary is used when nothing is configured", () => {
  const root = tree(["ext/server/tadqiq", "bin/tadqiq"]);
  const choice = resolveServer({
    extensionPath: path.join(root, "ext"),
    configured: "",
    platform: "linux",
    pathEnv: path.join(root, "bin"),
  });
  assert.deepEqual(choice, { command: path.join(root, "ext/server/tadqiq"), from: "bundled" });
});

test("without a bundled binary, tadqiq on the PATH", () => {
  const root = tree(["bin/tadqiq"]);
  const choice = resolveServer({
    extensionPath: path.join(root, "ext"),
    configured: "  ",
    platform: "linux",
    pathEnv: ["/nonexistent", "", path.join(root, "bin")].join(":"),
  });
  assert.deepEqual(choice, { command: path.join(root, "bin/tadqiq"), from: "PATH" });
});

test("tadqiq.path wins over the bundled binary; relative paths are read from the workspace", () => {
  const root = tree(["ext/server/tadqiq", "work/target/release/tadqiq"]);
  const lookup = { extensionPath: path.join(root, "ext"), platform: "linux" as const, pathEnv: "" };
  assert.deepEqual(resolveServer({ ...lookup, configured: path.join(root, "work/target/release/tadqiq") }), {
    command: path.join(root, "work/target/release/tadqiq"),
    from: "tadqiq.path",
  });
  assert.deepEqual(
    resolveServer({ ...lookup, configured: "target/release/tadqiq", workspaceFolder: path.join(root, "work") }),
    { command: path.join(root, "work/target/release/tadqiq"), from: "tadqiq.path" },
  );
});

test("a bare command name in tadqiq.path is looked up on the PATH", () => {
  const root = tree(["bin/tadqiq-nightly"]);
  const choice = resolveServer({
    extensionPath: root,
    configured: "tadqiq-nightly",
    platform: "linux",
    pathEnv: path.join(root, "bin"),
  });
  assert.deepEqual(choice, { command: path.join(root, "bin/tadqiq-nightly"), from: "tadqiq.path" });
});

test("a wrong tadqiq.path is an error naming it, not a silent fallback", () => {
  const root = tree(["ext/server/tadqiq"]);
  assert.throws(
    () =>
      resolveServer({
        extensionPath: path.join(root, "ext"),
        configured: "/opt/nowhere/tadqiq",
        platform: "linux",
        pathEnv: "",
      }),
    /tadqiq\.path is "\/opt\/nowhere\/tadqiq", but \/opt\/nowhere\/tadqiq is not an executable file/,
  );
  // A file that exists but may not be run.
  fs.writeFileSync(path.join(root, "plain"), "");
  fs.chmodSync(path.join(root, "plain"), 0o644);
  assert.throws(
    () => resolveServer({ extensionPath: root, configured: path.join(root, "plain"), platform: "linux", pathEnv: "" }),
    /is not an executable file/,
  );
});

test("no server anywhere says how to get one", () => {
  assert.throws(
    () => resolveServer({ extensionPath: tree([]), configured: "", platform: "linux", pathEnv: "/nonexistent" }),
    /cargo install --path \..*set tadqiq\.path/,
  );
});

test("Windows looks for tadqiq.exe with ; between PATH entries", () => {
  const root = tree(["a/tadqiq.exe"]);
  const seen: string[] = [];
  const choice = resolveServer({
    extensionPath: path.join(root, "ext"),
    configured: "",
    platform: "win32",
    pathEnv: `${path.join(root, "b")};${path.join(root, "a")}`,
    isExecutable: (file) => {
      seen.push(file);
      return fs.existsSync(file);
    },
  });
  assert.equal(choice.command, path.join(root, "a/tadqiq.exe"));
  assert.deepEqual(seen, [
    path.join(root, "ext/server/tadqiq.exe"),
    path.join(root, "b/tadqiq.exe"),
    path.join(root, "a/tadqiq.exe"),
  ]);
});

test("documents: plain text, Markdown and the user's globs, once each", () => {
  assert.deepEqual(documentSelector([" **/*.article ", "", "**/*.article", 7, "wire/**"]), [
    { scheme: "file", language: "plaintext" },
    { scheme: "file", language: "markdown" },
    { scheme: "file", pattern: "**/*.article" },
    { scheme: "file", pattern: "wire/**" },
  ]);
});

test("server settings carry the server's names and defaults", () => {
  const values: Record<string, unknown> = { rules: { "name-variant": "off" }, debounceMs: 0, published: " 2021-12-09 " };
  assert.deepEqual(serverSettings({ get: <T>(key: string) => values[key] as T | undefined }), {
    rules: { "name-variant": "off" },
    debounceMs: 0,
    inlayHints: false,
    published: "2021-12-09",
  });
  assert.deepEqual(serverSettings({ get: () => undefined }), {
    rules: {},
    debounceMs: 150,
    inlayHints: false,
    published: null,
  });
  assert.equal(serverSettings({ get: <T>() => "" as T }).published, null);
});

test("a language chosen is sent; auto leaves it to the locale VS Code sends", () => {
  const language = (value: unknown) =>
    serverSettings({ get: <T>(key: string) => (key === "language" ? (value as T) : undefined) });
  assert.equal(language("ar").language, "ar");
  assert.equal(language("en").language, "en");
  assert.ok(!("language" in language("auto")));
  assert.ok(!("language" in language(undefined)));
});

test("the manifest contributes every server setting, described, and the client-side ones", () => {
  const properties = manifest.contributes.configuration.properties;
  const chosen = serverSettings({ get: <T>(key: string) => (key === "language" ? ("ar" as T) : undefined) });
  const serverKeys = Object.keys(chosen).map((key) => `tadqiq.${key}`);
  const clientKeys = [...RESTART_KEYS, "tadqiq.trace.server"];
  assert.deepEqual(Object.keys(properties).sort(), [...serverKeys, ...clientKeys].sort());
  for (const [key, property] of Object.entries(properties)) {
    assert.ok((property.markdownDescription ?? "").length > 20, `${key} needs a description`);
  }
  assert.equal(properties["tadqiq.debounceMs"].default, 150);
});

test("the manifest activates on plain text and Markdown and offers restart, log and report", () => {
  assert.ok(manifest.activationEvents.includes("onLanguage:plaintext"));
  assert.ok(manifest.activationEvents.includes("onLanguage:markdown"));
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), ["tadqiq.restart", "tadqiq.showLog", "tadqiq.showReport"]);
  assert.equal(manifest.main, "./out/extension.js");
});
