import { parseArgs } from "node:util";
import { DataDirBusyError } from "../db/data-dir-lock.js";
import { formatRedactedError } from "../db/redact-error.js";
import { seedDemo } from "../seed/demo.js";
import { backupCommand } from "./backup.js";
import { filesMigrateCommand } from "./files-migrate.js";
import { parseCommand } from "./parse.js";
import { restoreCommand } from "./restore.js";
import { CliError, withDatabase } from "./runtime.js";
import { serve } from "./serve.js";
import { tenantParentCommand } from "./tenant.js";
import { createUserCommand, resetPasswordCommand } from "./user.js";

interface Command {
  usage: string;
  help: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>["options"];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

const env = `环境变量：DATABASE_URL（PostgreSQL 连接串；不设则用内置数据库）、DATA_DIR（默认 ./data）、PORT（默认 3000）、FILE_STORE（disk、postgres 或 s3://存储桶/前缀；不设时有 DATABASE_URL 存数据库，否则存 DATA_DIR/files）`;

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
  "tenant parent": {
    usage: "duban tenant parent --tenant wafangdian (--parent dalian | --none)",
    help: "平台管理：设置教育局的上级（省 → 市 → 县，最多三级，不能成环）；设置后上级督查室可向其下达任务并查看汇总。--none 取消上级。",
    options: { tenant: { type: "string" }, parent: { type: "string" }, none: { type: "boolean" } },
    run: async (v) => {
      if (!v.tenant) throw new CliError("缺少 --tenant");
      if (!v.parent === !v.none) throw new CliError("请给出 --parent 或 --none 之一");
      await tenantParentCommand({ tenant: String(v.tenant), parent: v.none ? null : String(v.parent) });
    },
  },
  backup: {
    usage: "duban backup FILE [--without-secret-key]",
    help:
      "把数据库（全部表）、上传的文件（DATA_DIR/files）和密钥文件 DATA_DIR/secret.key 写入一个备份文件（gzip 压缩的 JSON 行，含清单：格式版本、迁移级别、各表行数、文件 sha256）。\n" +
      "PostgreSQL：服务运行时即可备份，所有表取自同一个快照，备份中的记录不会缺文件。\n" +
      "内置数据库（PGlite）：只能由一个进程打开，备份时请先停止服务，备份完成后再启动（服务运行时执行会被拒绝并说明占用的进程）。\n" +
      "密钥文件默认放入备份，否则已保存的渠道密码（SMTP、机器人密钥）恢复后无法解密；因此备份文件与密码同等敏感（文件权限 600）。\n" +
      "--without-secret-key 不放密钥文件（请另行保管密钥）；用 DUBAN_SECRET_KEY 提供密钥时密钥本就不在数据目录中。\n" +
      `写入先用临时文件，完整后才改名为 FILE。\n${env}`,
    options: { "without-secret-key": { type: "boolean" } },
    run: async (v, positionals) =>
      backupCommand({ file: positionals[0], withoutSecretKey: Boolean(v["without-secret-key"]) }),
  },
  restore: {
    usage: "duban restore FILE [--force]",
    help:
      "从 duban backup 的备份文件恢复数据库、文件和密钥文件。先完整校验备份（各表行数、文件 sha256、整体校验值），不完整或损坏的备份被拒绝且不做任何修改；\n" +
      "来自更新版本（迁移级别更高）的备份被拒绝；目标数据库已有数据时拒绝，除非加 --force（删除现有全部数据并换成备份内容）。\n" +
      "恢复时先把数据库结构迁移到备份时的级别，在一个事务中按依赖顺序写入全部行并重置序列，再迁移到当前版本。\n" +
      "备份中的 secret.key 写入数据目录；已有不同的密钥文件时，原文件改名保存为 secret.key.before-restore-时间戳。\n" +
      `内置数据库请在服务停止时恢复。\n${env}`,
    options: { force: { type: "boolean" } },
    run: async (v, positionals) => restoreCommand({ file: positionals[0], force: Boolean(v.force) }),
  },
  "files migrate": {
    usage: "duban files migrate --to <disk|postgres|s3://存储桶/前缀>",
    help:
      "把数据库引用的全部文件从当前文件存储（FILE_STORE，未设置时按默认规则）复制到目标存储，逐个流式复制并校验 sha256。\n" +
      "可中断后重跑：目标中已有且校验通过的文件跳过。源存储缺少文件时，不复制任何文件并列出缺少的文件。原存储中的文件不删除。\n" +
      "完成后设置 FILE_STORE 为目标并重启所有服务进程。目标为 s3:// 时用 S3_ENDPOINT、S3_REGION、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY、S3_FORCE_PATH_STYLE。\n" +
      `PostgreSQL 部署可在服务运行时执行，切换前再执行一次以复制期间新增的文件；内置数据库请先停止服务。\n${env}`,
    options: { to: { type: "string" } },
    run: async (v) => filesMigrateCommand({ to: v.to as string | undefined }),
  },
  parse: {
    usage: "duban parse FILE [--json]",
    help: "读取工作要点文件（.docx、.xlsx、.pdf 或 .txt，最大 20 MB）并解析为计划草稿：默认打印章节、任务、指标（◆）和节点（◇）的树；--json 时输出 PlanDraft JSON。不连接数据库。",
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
    // A failed query's parameters (password hashes, whole files) stay out of the terminal and its logs.
    console.error(known ? `错误：${(err as Error).message}` : formatRedactedError(err));
    return 1;
  }
}
