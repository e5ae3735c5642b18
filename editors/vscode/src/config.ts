// What the extension decides before it talks to VS Code: which binary to start, which
// documents to hand the server, which settings to send. No `vscode` import here, so the unit
// tests run under plain Node.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Settings that change how the server is started, so changing them restarts it. The others
 * reach the running server as `workspace/didChangeConfiguration`. */
export const RESTART_KEYS = ["tadqiq.path", "tadqiq.documentSelector"] as const;

export interface ServerChoice {
  command: string;
  /** Where it came from, for the log. */
  from: "tadqiq.path" | "bundled" | "PATH";
}

export interface Lookup {
  /** The extension's install folder; a packaged extension carries `server/tadqiq` there. */
  extensionPath: string;
  /** `tadqiq.path`, possibly empty. */
  configured: string;
  platform: NodeJS.Platform;
  /** The `PATH` environment variable. */
  pathEnv: string | undefined;
  /** A relative `tadqiq.path` is read from the first workspace folder. */
  workspaceFolder?: string;
  isExecutable?: (file: string) => boolean;
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "tadqiq.exe" : "tadqiq";
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, l: Lookup, executable: (file: string) => boolean): string | undefined {
  const separator = l.platform === "win32" ? ";" : ":";
  for (const dir of (l.pathEnv ?? "").split(separator)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The server to start: `tadqiq.path` when the user set one (an explicit choice wins over what
 * the extension ships), else the bundled binary, else `tadqiq` on the `PATH`. Throws an error
 * that says what to do when there is none.
 */
export function resolveServer(l: Lookup): ServerChoice {
  const executable = l.isExecutable ?? isExecutable;
  const configured = l.configured.trim();
  if (configured !== "") {
    let file = configured.replace(/^~(?=$|[\\/])/, os.homedir());
    const bare = !file.includes("/") && !file.includes("\\");
    if (bare) {
      // A command name such as `tadqiq-nightly`, looked up like a shell would.
      const found = onPath(file, l, executable) ?? onPath(file + (l.platform === "win32" ? ".exe" : ""), l, executable);
      if (found === undefined) {
        throw new Error(`tadqiq.path is "${configured}", but no such command is on the PATH.`);
      }
      return { command: found, from: "tadqiq.path" };
    }
    if (!path.isAbsolute(file) && l.workspaceFolder !== undefined) {
      file = path.resolve(l.workspaceFolder, file);
    }
    if (!executable(file)) {
      throw new Error(`tadqiq.path is "${configured}", but ${file} is not an executable file.`);
    }
    return { command: file, from: "tadqiq.path" };
  }
  const bundled = path.join(l.extensionPath, "server", binaryName(l.platform));
  if (executable(bundled)) {
    return { command: bundled, from: "bundled" };
  }
  const found = onPath(binaryName(l.platform), l, executable);
  if (found !== undefined) {
    return { command: found, from: "PATH" };
  }
  throw new Error(
    "tadqiq: no server to start. This build of the extension carries no binary and `tadqiq` is not on the PATH; " +
      "install it (`cargo install --path .` in the tadqiq repository) or set tadqiq.path.",
  );
}

export interface Selector {
  scheme: string;
  language?: string;
  pattern?: string;
}

/** Plain text and Markdown files, plus the user's globs (`tadqiq.documentSelector`). */
export function documentSelector(globs: readonly unknown[]): Selector[] {
  const selector: Selector[] = [
    { scheme: "file", language: "plaintext" },
    { scheme: "file", language: "markdown" },
  ];
  const seen = new Set<string>();
  for (const glob of globs) {
    if (typeof glob !== "string") continue;
    const pattern = glob.trim();
    if (pattern === "" || seen.has(pattern)) continue;
    seen.add(pattern);
    selector.push({ scheme: "file", pattern });
  }
  return selector;
}

/** Reads one setting under `tadqiq.`; VS Code's WorkspaceConfiguration fits. */
export interface Settings {
  get<T>(key: string): T | undefined;
}

/** The server's settings (`initializationOptions`), under the names the server reads. */
export function serverSettings(config: Settings): Record<string, unknown> {
  const published = config.get<string | null>("published");
  const language = config.get<string>("language");
  return {
    rules: config.get<Record<string, string>>("rules") ?? {},
    debounceMs: config.get<number>("debounceMs") ?? 150,
    inlayHints: config.get<boolean>("inlayHints") ?? false,
    published: typeof published === "string" && published.trim() !== "" ? published.trim() : null,
    // `auto` sends nothing: the server then follows the locale the client sends in `initialize`.
    ...(language === "ar" || language === "en" ? { language } : {}),
  };
}
