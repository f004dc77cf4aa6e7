import { parseArgs } from "node:util";
import { DataDirBusyError } from "../db/data-dir-lock.js";
import { seedDemo } from "../seed/demo.js";
import { parseCommand } from "./parse.js";
import { CliError, withDatabase } from "./runtime.js";
import { serve } from "./serve.js";
import { createUserCommand, resetPasswordCommand } from "./user.js";

interface Command {
  usage: string;
  help: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>["options"];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

const env = `环境变量：DATABASE_URL（PostgreSQL 连接串；不设则用内置数据库）、DATA_DIR（默认 ./data）、PORT（默认 3000）`;

/** Every command, keyed by its words. */
const commands: Record<string, Command> = {
  serve: {
    usage: "duban serve [--demo] [--port 3000]",
    help: `启动 Web 与 API 服务：自动迁移数据库；--demo 时首次启动写入演示数据并打印演示账号。\n${env}`,
    options: { demo: { type: "boolean" }, port: { type: "string" } },
    run: async (v) => serve({ demo: Boolean(v.demo), ...(v.port ? { port: Number(v.port) } : {}) }),
  },
  "db migrate": {
    usage: "duban db migrate",
    help: `把数据库结构升级到最新（服务启动时也会自动执行）。\n${env}`,
    options: {},
    run: async () => {
      await withDatabase(async (database) => console.log(`数据库已是最新结构（${database.kind}）`));
    },
  },
  "seed demo": {
    usage: "duban seed demo [--demo]",
    help: "写入演示教育局（大连市教育局、瓦房店市教育局）、科室、学校、分组和每个角色一个账号；重复执行不会重复写入。\n不带 --demo 时为每个新账号生成随机密码并要求首次登录修改；带 --demo 时密码均为 Duban@2023。",
    options: { demo: { type: "boolean" } },
    run: async (v) => {
      const result = await withDatabase((database, config) =>
        seedDemo(database.db, config, { demo: Boolean(v.demo) }),
      );
      if (!result.created) console.log("演示数据已存在，未做修改。");
      for (const u of result.users) console.log(`  ${u.login.padEnd(10)} ${u.password}  ${u.name}`);
    },
  },
  "user create": {
    usage:
      "duban user create --tenant wafangdian --login zhangsan --name 张三 --roles department [--unit 学前教育科] [--password ...]",
    help: "新建账号；不给 --password 时生成随机密码。首次登录须修改密码。角色：admin leader supervisor department school inspector，可用逗号分隔多个。",
    options: {
      tenant: { type: "string" },
      login: { type: "string" },
      name: { type: "string" },
      roles: { type: "string" },
      unit: { type: "string" },
      password: { type: "string" },
    },
    run: async (v) => {
      for (const key of ["tenant", "login", "name", "roles"])
        if (!v[key]) throw new CliError(`缺少 --${key}`);
      await createUserCommand({
        tenant: String(v.tenant),
        login: String(v.login),
        name: String(v.name),
        roles: String(v.roles),
        unit: v.unit as string | undefined,
        password: v.password as string | undefined,
      });
    },
  },
  "user reset-password": {
    usage: "duban user reset-password --login zhangsan [--password ...]",
    help: "重置密码（不给 --password 时随机生成），结束该账号的所有会话并解除锁定；下次登录须修改密码。",
    options: { login: { type: "string" }, password: { type: "string" } },
    run: async (v) => {
      if (!v.login) throw new CliError("缺少 --login");
      await resetPasswordCommand({ login: String(v.login), password: v.password as string | undefined });
    },
  },
  parse: {
    usage: "duban parse FILE [--json]",
    help: "读取工作要点文件（.docx、.pdf 或 .txt，最大 20 MB）并解析为计划草稿：默认打印章节、任务、指标（◆）和节点（◇）的树；--json 时输出 PlanDraft JSON。不连接数据库。",
    options: { json: { type: "boolean" } },
    run: async (v, positionals) => parseCommand({ file: positionals[0], json: Boolean(v.json) }),
  },
};

/** The overview printed by `duban --help`. */
function overview(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}`);
  return `督办 duban — 命令行\n\n用法：\n${lines.join("\n")}\n\n每个命令都可加 --help 查看说明。`;
}

/** Finds the command named by the first one or two words. */
function findCommand(argv: string[]): [Command, string[]] | null {
  const two = argv.slice(0, 2).join(" ");
  if (commands[two]) return [commands[two], argv.slice(2)];
  const one = argv[0] ?? "";
  if (commands[one]) return [commands[one], argv.slice(1)];
  return null;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const asked = argv.length === 0 || argv[0] === "--help" || argv[0] === "-h";
    (asked ? console.log : console.error)(
      asked ? overview() : `未知命令：${argv.join(" ")}\n\n${overview()}`,
    );
    return asked ? 0 : 1;
  }
  const [command, rest] = found;
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(`${command.usage}\n\n${command.help}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
    await command.run(values as Record<string, string | boolean | undefined>, positionals);
    return 0;
  } catch (err) {
    const known =
      err instanceof CliError ||
      err instanceof DataDirBusyError ||
      (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(known ? `错误：${(err as Error).message}` : err);
    return 1;
  }
}
