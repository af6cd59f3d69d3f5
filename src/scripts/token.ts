import { type AuthSettings, signDevelopmentToken } from "../auth/token-verifier";
import { loadConfig } from "../config/config";
import { DEMO_USERS, findDemoUser, organisationNameOf } from "../demo/demo-users";

/**
 * `npm run token -- <login>` prints a bearer token for a demo user; `--list` lists them.
 * It reads only the demo users' data, never the database: the running server may hold the
 * embedded database, and PGlite must not be opened by two processes.
 */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE = "Usage: npm run token -- <login>   (npm run token -- --list shows the demo users)";

export async function tokenCommand(args: readonly string[], auth: AuthSettings): Promise<CommandResult> {
  const [login] = args;
  if (!login || args.length > 1) return { stdout: "", stderr: USAGE, exitCode: 1 };
  if (login === "--list") {
    const lines = DEMO_USERS.map((user) => `${user.login} ${user.role} ${organisationNameOf(user)}`);
    return { stdout: lines.join("\n"), stderr: "", exitCode: 0 };
  }
  const user = findDemoUser(login);
  if (!user) {
    return { stdout: "", stderr: `No demo user "${login}". \`npm run token -- --list\` shows the demo users.`, exitCode: 1 };
  }
  return { stdout: await signDevelopmentToken(auth, user.login), stderr: "", exitCode: 0 };
}

async function main(): Promise<void> {
  try {
    const result = await tokenCommand(process.argv.slice(2), loadConfig().auth);
    if (result.stdout) console.log(result.stdout);
    if (result.stderr) console.error(result.stderr);
    process.exitCode = result.exitCode;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (require.main === module) void main();
