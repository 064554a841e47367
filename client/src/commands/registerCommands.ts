/** Registers the command table in one loop, each body inside the one wrapper (guardCommand.ts). */
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { commands, quickFixTitles } from './commandTable';
import { guardCommand } from './guardCommand';

interface ContributedCommand {
  command: string;
  title: string;
}

export function registerCommands(ctx: CommandContext): void {
  const contributed: ContributedCommand[] = ctx.host.context.extension.packageJSON?.contributes?.commands ?? [];
  const titles = new Map(contributed.map((c) => [c.command, c.title]));
  for (const [id, body] of Object.entries(commands)) {
    const title = titles.get(id) ?? quickFixTitles[id] ?? id;
    const run = (...args: unknown[]) => body(ctx, ...(args as never[]));
    ctx.host.context.subscriptions.push(
      vscode.commands.registerCommand(id, guardCommand(id, title, ctx.host.output, run)),
    );
  }
}
