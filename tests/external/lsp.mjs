// Drives the YAML language server the way an editor does (JSON-RPC over
// stdio): the schema mapped to *.yml in the settings, each file opened, its
// diagnostics awaited; then a completion request inside `answers:`.
//
//   node lsp.mjs SCHEMA YAML_VERSION EXPECT_FILE
//
// EXPECT_FILE has one line per file: `PATH` (no diagnostics expected) or
// `PATH LINE` (a diagnostic expected on that 1-based line, and no other).
// Exits 1 when a file's diagnostics differ from what is expected.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [schema, yamlVersion, expectFile] = process.argv.slice(2);
const require = createRequire(path.join(process.env.EXTERNAL_WORK, "package.json"));
const server = require.resolve("yaml-language-server/bin/yaml-language-server");

const settings = {
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    yamlVersion,
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(path.resolve(schema)).href]: ["*.yml"] },
  },
};

const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const replies = new Map();
const diagnostics = new Map();

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => replies.set(id, resolve));
}
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    if (message.method && message.id !== undefined) {
      // The server asks for its settings, as it does of an editor.
      const result =
        message.method === "workspace/configuration"
          ? message.params.items.map((item) => settings[item.section] ?? null)
          : null;
      send({ id: message.id, result });
    } else if (message.id !== undefined) {
      replies.get(message.id)?.(message.result);
    } else if (message.method === "textDocument/publishDiagnostics") {
      diagnostics.get(message.params.uri)?.(message.params.diagnostics);
    }
  }
});
// A server that dies or never answers must not hang the check.
const deadline = setTimeout(() => {
  console.error("lsp: the YAML language server did not answer within 120 s");
  process.exit(1);
}, 120_000);

await request("initialize", {
  processId: process.pid,
  rootUri: null,
  capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
});
send({ method: "initialized", params: {} });
send({ method: "workspace/didChangeConfiguration", params: { settings } });

let wrong = 0;
const expectations = readFileSync(expectFile, "utf8").trim().split("\n");
for (const expectation of expectations) {
  const [file, line] = expectation.split(" ");
  const uri = pathToFileURL(path.resolve(file)).href;
  const published = new Promise((resolve) => diagnostics.set(uri, resolve));
  const text = readFileSync(file, "utf8");
  send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
  const found = (await published).map((d) => `${d.range.start.line + 1}: ${d.message}`);
  const ok = line === undefined ? found.length === 0 : found.length > 0 && found.every((d) => d.startsWith(`${line}: `));
  console.log(`yaml-language-server (YAML ${yamlVersion}) ${ok ? "as expected" : "WRONG"}: ${path.basename(file)} ${JSON.stringify(found)}`);
  if (!ok) wrong++;
}

// Completion: inside an empty `answers:` mapping the editor offers the keys.
const uri = pathToFileURL(path.resolve(path.dirname(expectFile), "completion.yml")).href;
send({
  method: "textDocument/didOpen",
  params: { textDocument: { uri, languageId: "yaml", version: 1, text: "title: T\nanswers:\n  \n" } },
});
const completion = await request("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 2 } });
const labels = (completion?.items ?? completion ?? []).map((item) => item.label);
const keysOffered = ["problem", "target_market", "metrics"].every((key) => labels.includes(key));
console.log(`yaml-language-server (YAML ${yamlVersion}) completion under answers: ${keysOffered ? "offers" : "LACKS"} the question keys: ${labels.join(", ")}`);
if (!keysOffered) wrong++;

await request("shutdown", null);
send({ method: "exit" });
clearTimeout(deadline);
process.exit(wrong === 0 ? 0 : 1);
