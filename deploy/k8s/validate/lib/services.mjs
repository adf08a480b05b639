// What each Earshot service does with Kafka and Redis, read from its code, so that the access rules (access.mjs)
// compare the manifests' KafkaUsers and Redis ACL users with the truth rather than with a hand-kept list:
//   produces  topics of outgoing channels and dead-letter topics (application.properties), and the *_DLQ constants
//             of messaging/Topics.java (a dead-letter topic is written by the service that owns it), and the Topics
//             constant a plain producer's `new ProducerRecord<>(Topics.X, ...)` or `producer.send(Topics.X, ...)` names
//   consumes  topics of incoming channels
//   groups    consumer group ids of incoming channels and of plain Kafka clients (GROUP_ID_CONFIG in the sources);
//             an id ending in an expression (`reply-service-live-${...}`, `"reply-service-rebuild-" + id`) is a prefix
//   keys      Redis key prefixes: string literals starting "earshot:" or "triage:" in the service's main sources,
//             and in commons' sources of classes the service uses
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";

export const SERVICES = ["ingest-service", "triage-service", "reply-service"];

/** Parses a Java properties file (no line continuations across the keys we read) into [key, value] pairs. */
export function parseProperties(text) {
  const out = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = pending + raw.trim();
    pending = "";
    if (line.endsWith("\\")) {
      pending = line.slice(0, -1);
      continue;
    }
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const i = line.search(/[=:]/);
    if (i < 0) continue;
    out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return out;
}

function javaFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...javaFiles(p));
    else if (name.endsWith(".java")) out.push(p);
  }
  return out;
}

const KEY_LITERAL = /"((?:earshot|triage):[A-Za-z0-9:_-]*)/g;

function keyPrefixes(text) {
  return [...text.matchAll(KEY_LITERAL)].map((m) => m[1]);
}

/** The Kafka and Redis use of one service, from its application.properties and sources. */
export function serviceUse(root, service) {
  const props = parseProperties(readFileSync(join(root, service, "src/main/resources/application.properties"), "utf8"))
    .filter(([k]) => !k.startsWith("%"));
  const produces = new Set();
  const consumes = new Set();
  const groups = new Set();
  for (const [key, value] of props) {
    const m = key.match(/^mp\.messaging\.(incoming|outgoing)\.("[^"]+"|[^.]+)\.(.+)$/);
    if (!m) continue;
    const [, direction, , prop] = m;
    if (direction === "outgoing" && prop === "topic") produces.add(value);
    if (direction === "incoming" && prop === "topic") consumes.add(value);
    if (direction === "incoming" && prop === "dead-letter-queue.topic") produces.add(value);
    if (direction === "incoming" && prop === "group.id") {
      const expr = value.indexOf("${");
      groups.add(expr < 0 ? { name: value, prefix: false } : { name: value.slice(0, expr), prefix: true });
    }
  }
  const sources = javaFiles(join(root, service, "src/main/java"));
  const constants = new Map();
  for (const file of sources.filter((f) => basename(f) === "Topics.java")) {
    for (const m of readFileSync(file, "utf8").matchAll(/static final String (\w+)\s*=\s*"([^"]+)"/g)) {
      constants.set(m[1], m[2]);
      if (m[1].endsWith("_DLQ")) produces.add(m[2]);
    }
  }
  const text = sources.map((f) => readFileSync(f, "utf8")).join("\n");
  // A plain producer's record on a channel-less topic (ingest's MentionQueue writes webhooks.meta, which it also reads).
  for (const m of text.matchAll(/(?:new ProducerRecord<>|\.send)\(\s*Topics\.(\w+)/g)) {
    if (constants.has(m[1])) produces.add(constants.get(m[1]));
  }
  // Plain Kafka clients (the queue rebuild) name their group in code: "reply-service-rebuild-" + UUID is a prefix.
  for (const m of text.matchAll(/GROUP_ID_CONFIG,\s*"([^"]+)"(\s*\+)?/g)) {
    groups.add({ name: m[1], prefix: m[2] !== undefined });
  }
  const keys = new Set(keyPrefixes(text));
  for (const file of javaFiles(join(root, "commons", "src/main/java"))) {
    const cls = basename(file, ".java");
    if (new RegExp(`\\b${cls}\\b`).test(text)) {
      for (const k of keyPrefixes(readFileSync(file, "utf8"))) keys.add(k);
    }
  }
  return {
    produces: [...produces].sort(),
    consumes: [...consumes].sort(),
    groups: [...groups].sort((a, b) => a.name.localeCompare(b.name)),
    keys: [...keys].sort(),
  };
}

/** Every service's use, keyed by service name. */
export function servicesUse(root) {
  return Object.fromEntries(SERVICES.map((s) => [s, serviceUse(root, s)]));
}
