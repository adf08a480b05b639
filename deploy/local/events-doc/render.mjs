#!/usr/bin/env node
// Renders docs/events/asyncapi.yaml, with the JSON Schemas its messages reference, into docs/events/README.md: the
// page integrators read (topics, keys, headers, payload fields, examples, how to consume). The AsyncAPI document is
// the source; this page is generated from it and checked for staleness by deploy/local/test.d/events-doc.
//
//   node render.mjs [--check]      writes docs/events/README.md, or with --check exits 1 when it is stale
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const eventsDir = join(root, "docs", "events");
const source = join(eventsDir, "asyncapi.yaml");
const target = join(eventsDir, "README.md");

function resolveRef(doc, value) {
  let v = value;
  for (let i = 0; i < 10 && v && typeof v.$ref === "string" && v.$ref.startsWith("#/"); i++) {
    v = v.$ref.slice(2).split("/").reduce((node, key) => (node == null ? undefined : node[key]), doc);
  }
  return v;
}

function refName(value) {
  return value && typeof value.$ref === "string" ? value.$ref.split("/").pop() : undefined;
}

function cell(text) {
  return String(text ?? "").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ").trim();
}

/** Prose from the documents: angle brackets would be read as HTML outside code spans. */
function esc(text) {
  return String(text ?? "").split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part
    : part.replace(/</g, "&lt;").replace(/>/g, "&gt;"))).join("").trim();
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.enum) return schema.enum.map((e) => `\`${e}\``).join(", ");
  if (schema.const !== undefined) return `\`${schema.const}\``;
  const t = Array.isArray(schema.type) ? schema.type.join(" or ") : schema.type ?? (schema.$ref ? "object" : "");
  if (t === "array" && schema.items) return `array of ${typeOf(schema.items)}`;
  return t + (schema.format ? ` (${schema.format})` : "");
}

/** Top-level and one level of nested object fields of a JSON Schema, as table rows. */
function fieldRows(schema, prefix = "", depth = 0) {
  const rows = [];
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    rows.push(`| \`${prefix}${name}\` | ${cell(typeOf(prop))} | ${required.has(name) ? "yes" : ""} | ${cell(prop.description)} |`);
    const objectLike = prop.properties && depth < 1;
    if (objectLike) rows.push(...fieldRows(prop, `${prefix}${name}.`, depth + 1));
  }
  return rows;
}

function render() {
  const doc = parse(readFileSync(source, "utf8"));
  const channels = Object.entries(doc.channels ?? {}).map(([id, c]) => [id, resolveRef(doc, c)]);
  const operations = Object.entries(doc.operations ?? {}).map(([id, op]) => ({ id, ...op }));
  const opsOf = (channelId, action) => operations.filter((op) => refName(op.channel) === channelId && op.action === action);
  const headersSchema = doc.components?.schemas?.cloudEventHeaders;
  const out = [];
  out.push("<!-- Generated from asyncapi.yaml by `./suite events-doc` (deploy/local/events-doc). Do not edit: edit",
    "     asyncapi.yaml or the schemas and regenerate; `./suite test` fails while this page is stale. -->", "");
  out.push(`# ${doc.info.title} (AsyncAPI ${doc.asyncapi}, version ${doc.info.version})`, "");
  out.push(esc(doc.info.description), "");
  out.push("Source of truth: [asyncapi.yaml](asyncapi.yaml) and the JSON Schemas beside it. Operators: dead letters, lag " +
    "and replay are in [../operations.md](../operations.md).", "");

  out.push("## Topics", "");
  out.push("| Topic | Published by | Consumed by | Key | Payload |", "| --- | --- | --- | --- | --- |");
  for (const [id, c] of channels) {
    const messages = Object.values(c.messages ?? {}).map((m) => resolveRef(doc, m));
    const payload = messages.map((m) => (m.payload?.$ref ? `[${m.name}](${m.payload.$ref})` : m.name)).join(", ");
    const key = messages.map((m) => m.bindings?.kafka?.key?.description).find(Boolean)
      ?? (messages.some((m) => m.name === "DeadLetter") ? "the original record's key" : "");
    out.push(`| [\`${c.address}\`](#${c.address.replace(/[^a-z0-9-]/g, "")}) | ${cell(opsOf(id, "send").map((o) => o.summary).join(" "))} | ` +
      `${cell(opsOf(id, "receive").map((o) => o.summary).join(" ")) || (c.address.includes(".dlq.") ? "operators, with `./suite dlq`" : "(none declared)")} | ${cell(key)} | ${payload} |`);
  }
  out.push("");

  if (headersSchema) {
    out.push("## Headers", "");
    out.push("Every event record carries CloudEvents binary-mode headers (dead letters keep the original record's " +
      "headers and add SmallRye's `dead-letter-*` ones):", "");
    out.push("| Header | Type | Required | Meaning |", "| --- | --- | --- | --- |");
    const required = new Set(headersSchema.required ?? []);
    for (const [name, h] of Object.entries(headersSchema.properties ?? {})) {
      out.push(`| \`${name}\` | ${cell(typeOf(h))} | ${required.has(name) ? "yes" : ""} | ${cell(h.description)} |`);
    }
    out.push("");
  }

  for (const [id, c] of channels) {
    out.push(`## ${c.address}`, "");
    if (c.description) out.push(esc(c.description), "");
    for (const op of opsOf(id, "send")) out.push(`- **Published**: ${op.summary}`);
    for (const op of opsOf(id, "receive")) out.push(`- **Consumed**: ${op.summary}`);
    out.push("");
    for (const ref of Object.values(c.messages ?? {})) {
      const m = resolveRef(doc, ref);
      const key = m.bindings?.kafka?.key;
      out.push(`### ${m.name}`, "");
      if (m.description) out.push(esc(m.description), "");
      out.push(`- Content type: \`${m.contentType ?? doc.defaultContentType ?? "application/json"}\``);
      if (key) out.push(`- Key: ${key.type}, ${key.description}`);
      if (m.payload?.$ref) {
        const file = join(eventsDir, m.payload.$ref);
        out.push(`- Payload schema: [${m.payload.$ref.replace("./", "")}](${m.payload.$ref})`, "");
        if (existsSync(file)) {
          const schema = JSON.parse(readFileSync(file, "utf8"));
          if (schema.description) out.push(esc(schema.description), "");
          out.push("| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |", ...fieldRows(schema), "");
        }
      } else {
        out.push("");
        const headers = resolveRef(doc, m.headers);
        if (headers?.properties && refName(m.headers) !== "cloudEventHeaders") {
          out.push("| Header | Meaning |", "| --- | --- |");
          for (const [name, h] of Object.entries(headers.properties)) out.push(`| \`${name}\` | ${cell(h.description)} |`);
          out.push("");
        }
      }
      const schemaExamples = m.payload?.$ref && existsSync(join(eventsDir, m.payload.$ref))
        ? JSON.parse(readFileSync(join(eventsDir, m.payload.$ref), "utf8")).examples ?? [] : [];
      const examples = [...(m.examples ?? []), ...schemaExamples.map((payload) => ({ name: "from the schema", payload }))];
      if (examples.length === 0 && m.payload?.$ref) {
        out.push("No example in asyncapi.yaml or the schema yet.", "");
      }
      for (const ex of examples) {
        out.push(`Example${ex.name ? ` (${ex.name})` : ""}:`, "");
        if (ex.headers) out.push("Headers:", "", "```yaml", stringify(ex.headers).trim(), "```", "");
        if (ex.payload) out.push("Value:", "", "```json", JSON.stringify(ex.payload, null, 2), "```", "");
      }
    }
  }

  const first = channels.find(([, c]) => !c.address.includes(".dlq."))?.[1]?.address ?? "comments.triaged";
  out.push("## Consuming", "");
  out.push("Every topic is keyed by conversation and partitioned by that key: a consumer sees one conversation's " +
    "events in order. Deliveries are at least once: deduplicate on `ce_id` (equal to the body's `eventId`). Ignore " +
    "fields you do not know: fields are only ever added. Use your own consumer group id; never reuse the services' " +
    "(`triage-service`, `reply-service`), or you would take partitions away from them.", "");
  out.push("### With kcat", "");
  out.push("```sh",
    `# the latest events, with key, headers and partition/offset, then exit`,
    `kcat -b BROKER:9092 -t ${first} -C -o -10 -e -f 'p%p@%o key=%k\\n  headers: %h\\n  %s\\n'`,
    "",
    "# follow as a consumer group (offsets are committed, a restart continues where it stopped)",
    `kcat -b BROKER:9092 -G my-team-consumer ${first} -f '%k %s\\n'`,
    "", "# topic list and partitions", "kcat -b BROKER:9092 -L", "```", "");
  out.push("Locally (`./suite up`) the broker is `127.0.0.1:9092`. In Kubernetes it is " +
    "`earshot-kafka-kafka-bootstrap:9092`, reachable only from pods labelled `app.kubernetes.io/part-of: earshot` " +
    "(add your team's pods to the Kafka listener's `networkPolicyPeers`, or ask ops for a TLS listener with a user).", "");
  out.push("### With Java (kafka-clients)", "");
  out.push("```java",
    "Properties p = new Properties();",
    "p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, \"BROKER:9092\");",
    "p.put(ConsumerConfig.GROUP_ID_CONFIG, \"my-team-consumer\");",
    "p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, \"earliest\");",
    "p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);",
    "p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());",
    "p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());",
    "ObjectMapper json = new ObjectMapper();",
    "try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {",
    `    consumer.subscribe(List.of("${first}"));`,
    "    while (running) {",
    "        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {",
    "            Header id = r.headers().lastHeader(\"ce_id\");          // stable per fact: deduplicate on it",
    "            Header type = r.headers().lastHeader(\"ce_type\");",
    "            JsonNode event = json.readTree(r.value());          // unknown fields: ignore them",
    "            handle(r.key(), new String(type.value(), UTF_8), event, new String(id.value(), UTF_8));",
    "        }",
    "        consumer.commitSync();                                  // after handling: at-least-once",
    "    }",
    "}",
    "```", "");
  out.push("Validate what you receive against the JSON Schemas if you like: the services' contract tests validate " +
    "what they produce against the same files.", "");
  return out.join("\n");
}

const page = render();
if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== page) {
    console.error("docs/events/README.md is stale: run ./suite events-doc and commit it");
    process.exit(1);
  }
  console.log("docs/events/README.md matches docs/events/asyncapi.yaml");
} else {
  writeFileSync(target, page);
  console.log(`wrote ${target}`);
}
