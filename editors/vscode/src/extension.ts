// The VS Code side of tadqiq: starts `tadqiq lsp` and hands it plain text and Markdown. All
// checking happens in the server; this file only wires settings, commands and the log.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions } from "vscode-languageclient/node";

import { RESTART_KEYS, documentSelector, resolveServer, serverSettings } from "./config";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
// Restarts run one after another, never interleaved.
let pending: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("tadqiq");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("tadqiq.restart", () => restart(context)),
    vscode.commands.registerCommand("tadqiq.showLog", () => output.show(true)),
    // The server's own command is `tadqiq.report` (registered by the client library); the
    // palette entry asks it for the page and opens what it wrote.
    vscode.commands.registerCommand("tadqiq.showReport", async () => {
      if (client === undefined) {
        void vscode.window.showWarningMessage("tadqiq: the server is not running");
        return;
      }
      try {
        const path = await client.sendRequest<string>("workspace/executeCommand", {
          command: "tadqiq.report",
          arguments: [{ lang: vscode.env.language.startsWith("ar") ? "ar" : "en" }],
        });
        await vscode.env.openExternal(vscode.Uri.file(path));
      } catch (error) {
        void vscode.window.showErrorMessage(`tadqiq: the report was not written: ${describe(error)}`);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_KEYS.some((key) => event.affectsConfiguration(key))) {
        void restart(context);
      }
    }),
  );
  await restart(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

function restart(context: vscode.ExtensionContext): Promise<void> {
  pending = pending.then(stop).then(() => start(context));
  return pending;
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`stopping the server: ${describe(error)}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("tadqiq");
  let command: string;
  try {
    const server = resolveServer({
      extensionPath: context.extensionPath,
      configured: config.get<string>("path") ?? "",
      platform: process.platform,
      pathEnv: process.env.PATH,
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    });
    command = server.command;
    output.appendLine(`starting ${command} lsp (from ${server.from})`);
  } catch (error) {
    report(describe(error));
    return;
  }
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(config.get<unknown[]>("documentSelector") ?? []),
    initializationOptions: serverSettings(config),
    // Setting changes reach the server as workspace/didChangeConfiguration {tadqiq: {…}}.
    synchronize: { configurationSection: "tadqiq" },
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const starting = new LanguageClient("tadqiq", "tadqiq", serverOptions, clientOptions);
  try {
    await starting.start();
    client = starting;
  } catch (error) {
    report(`tadqiq: the server at ${command} did not start: ${describe(error)}`);
  }
}

function report(message: string): void {
  output.appendLine(message);
  void vscode.window.showErrorMessage(message, "Open Settings", "Show Log").then((choice) => {
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "tadqiq.path");
    } else if (choice === "Show Log") {
      output.show(true);
    }
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
