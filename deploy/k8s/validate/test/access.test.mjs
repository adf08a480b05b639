// Self-tests of the access rules (lib/access.mjs): the real prod render passes, and each way of breaking it that the
// rules exist for (a plain listener, a Kafka user writing a topic its service does not produce, an open Redis, a /q
// route, ...) fails with exactly that rule. Last, the validator's command line fails on a broken overlay.
//
// Run by deploy/local/test.d/k8s-validate (KUBECTL and STRIMZI_CRDS set there) or `npm test` in this folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkAccess, parseAcl } from "../lib/access.mjs";
import { checkPolicies } from "../lib/policy.mjs";
import { parseProperties, servicesUse } from "../lib/services.mjs";
import { render } from "../validate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../../..");
const validator = resolve(here, "..");
const kubectl = process.env.KUBECTL ?? "kubectl";
const services = servicesUse(root);
const prod = render(kubectl, join(root, "deploy", "k8s", "overlays", "prod")).docs;

/** A deep copy of the prod render with one change made by `mutate`. */
function broken(mutate) {
  const docs = structuredClone(prod);
  mutate(docs);
  return docs;
}

const find = (docs, kind, name) => docs.find((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
const aclConfig = (docs) => docs.find((d) => d.kind === "ConfigMap" && d.data?.["redis.conf"] !== undefined);
const editAcl = (docs, edit) => {
  const cm = aclConfig(docs);
  cm.data["users.acl.template"] = edit(cm.data["users.acl.template"]);
};

test("the services' Kafka and Redis use is read from their code", () => {
  assert.deepEqual(services["triage-service"].consumes, ["comments.ingested", "comments.triaged"]);
  assert.deepEqual(services["triage-service"].produces, ["comments.ingested.dlq.triage-service", "comments.triaged",
    "comments.triaged.dlq.triage-insights", "insights.emerging"]);
  assert.ok(services["ingest-service"].produces.includes("webhooks.meta.dlq"));
  assert.deepEqual(services["reply-service"].consumes, ["comments.triaged", "insights.emerging", "replies"]);
  assert.ok(services["reply-service"].groups.some((g) => g.name === "reply-service-live-" && g.prefix));
  assert.ok(services["reply-service"].groups.some((g) => g.name === "reply-service-rebuild-" && g.prefix));
  assert.ok(services["ingest-service"].keys.includes("earshot:oauth:"), "commons' RedisTokenStore, used by ingest");
  assert.ok(!services["triage-service"].keys.includes("earshot:oauth:"), "triage does not use RedisTokenStore");
  assert.deepEqual(parseProperties('mp.messaging.outgoing."a.b".topic=a.b\n# x=y\nk=v \\\n  w'), [
    ['mp.messaging.outgoing."a.b".topic', "a.b"], ["k", "v w"]]);
});

test("the real prod render passes the access rules, and they do look at its Kafka, users, Redis and Ingress", () => {
  assert.deepEqual(checkAccess(prod, services), []);
  for (const kind of ["Kafka", "KafkaUser", "Ingress"]) assert.ok(find(prod, kind), `prod renders no ${kind}`);
  assert.deepEqual(parseAcl(aclConfig(prod).data["users.acl.template"]).map((u) => u.name),
    ["default", "healthcheck", "ingest-service", "triage-service", "reply-service"]);
});

const cases = [
  ["kafka-auth", "a plain listener without authentication", (d) => find(d, "Kafka").spec.kafka.listeners
    .push({ name: "plain", port: 9092, type: "internal", tls: false })],
  ["kafka-auth", "a listener with SCRAM but without TLS", (d) => { find(d, "Kafka").spec.kafka.listeners[0].tls = false; }],
  ["kafka-auth", "no authorization (every user could do anything)", (d) => { delete find(d, "Kafka").spec.kafka.authorization; }],
  ["kafka-acl", "triage's user may write replies, which triage does not produce", (d) => find(d, "KafkaUser", "triage-service")
    .spec.authorization.acls.push({ resource: { type: "topic", name: "replies", patternType: "literal" }, operations: ["Write"] })],
  ["kafka-acl", "ingest's user may write every comments.* topic (prefix)", (d) => find(d, "KafkaUser", "ingest-service")
    .spec.authorization.acls.push({ resource: { type: "topic", name: "comments.", patternType: "prefix" }, operations: ["Write"] })],
  ["kafka-acl", "ingest's user may read comments.triaged, which ingest does not consume", (d) => find(d, "KafkaUser", "ingest-service")
    .spec.authorization.acls.push({ resource: { type: "topic", name: "comments.triaged", patternType: "literal" }, operations: ["Read"] })],
  ["kafka-acl", "the read-only replies-reader may write replies", (d) => find(d, "KafkaUser", "replies-reader")
    .spec.authorization.acls[0].operations.push("Write")],
  ["kafka-acl", "reply's user cannot read comments.triaged (reply would break)", (d) => {
    const u = find(d, "KafkaUser", "reply-service");
    u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== "comments.triaged");
  }],
  ["kafka-acl", "reply's user lacks the live view's group prefix", (d) => {
    const u = find(d, "KafkaUser", "reply-service");
    u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== "reply-service-live-");
  }],
  ["kafka-acl", "triage has no KafkaUser", (d) => d.splice(d.indexOf(find(d, "KafkaUser", "triage-service")), 1)],
  ["kafka-acl", "reply-service authenticates with ingest's Secret", (d) => {
    const env = find(d, "Deployment", "reply-service").spec.template.spec.containers[0].env;
    env.find((e) => e.name === "EARSHOT_KAFKA_SASL_JAAS_CONFIG").valueFrom.secretKeyRef.name = "ingest-service";
  }],
  ["redis-acl", "protected-mode no", (d) => {
    const cm = aclConfig(d);
    cm.data["redis.conf"] = cm.data["redis.conf"].replace("protected-mode yes", "protected-mode no");
  }],
  ["redis-acl", "no ACL at all", (d) => {
    const cm = aclConfig(d);
    cm.data["redis.conf"] = cm.data["redis.conf"].replace(/^aclfile .*$/m, "");
  }],
  ["redis-acl", "the default user is on without a password", (d) => editAcl(d, (t) => t.replace(/^user default .*$/m, "user default on nopass ~* +@all"))],
  ["redis-acl", "triage's user reaches every key", (d) => editAcl(d, (t) => t.replace("~earshot:triage:*", "~*"))],
  ["redis-acl", "ingest's user reaches reply's keys (earshot:*)", (d) => editAcl(d, (t) => t.replace("~earshot:ingest:*", "~earshot:*"))],
  ["redis-acl", "reply's user cannot reach the rebuild lock its code takes", (d) => editAcl(d, (t) => t.replace(" ~earshot:reply-lock:*", ""))],
  ["redis-acl", "reply's password is a literal in the template", (d) => editAcl(d, (t) => t.replace("#{{reply-service}}", ">hunter2"))],
  ["redis-acl", "the probes' user may read keys", (d) => editAcl(d, (t) => t.replace("+ping", "+ping +get ~*"))],
  ["ingress", "a /q route", (d) => find(d, "Ingress").spec.rules[1].http.paths
    .push({ path: "/q", pathType: "Prefix", backend: { service: { name: "reply-service", port: { name: "http" } } } })],
  ["ingress", "a catch-all / prefix to the dashboard (it routes /q/metrics)", (d) => find(d, "Ingress").spec.rules[1].http.paths
    .push({ path: "/", pathType: "Prefix", backend: { service: { name: "reply-service", port: { name: "http" } } } })],
  ["ingress", "triage-service exposed", (d) => find(d, "Ingress").spec.rules[1].http.paths
    .push({ path: "/api/classify", pathType: "Prefix", backend: { service: { name: "triage-service", port: { name: "http" } } } })],
];

for (const [rule, what, mutate] of cases) {
  test(`access rule ${rule} fails on the prod render with ${what}`, () => {
    const violations = checkAccess(broken(mutate), services);
    assert.ok(violations.length > 0, "no violation at all");
    assert.deepEqual(violations.filter((v) => v.rule !== rule), [], `violations of other rules than ${rule}`);
  });
}

test("a Deployment without securityContext or resources in the prod render fails those rules", () => {
  const docs = broken((d) => {
    const c = find(d, "Deployment", "reply-service").spec.template.spec.containers[0];
    delete c.securityContext;
    delete c.resources;
  });
  const rules = new Set(checkPolicies(docs, { topics: [], production: true }).map((v) => v.rule));
  assert.deepEqual([...rules].sort(), ["resources", "security-context"]);
});

test("the validator's command line exits non-zero on a broken overlay (plain Kafka listener, /q route)", () => {
  const overlays = join(validator, ".cache", "broken-overlays");
  rmSync(overlays, { recursive: true, force: true });
  mkdirSync(join(overlays, "broken"), { recursive: true });
  writeFileSync(join(overlays, "broken", "kustomization.yaml"), `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../../../overlays/prod
patches:
  - target: {kind: Kafka, name: earshot-kafka}
    patch: |-
      - op: add
        path: /spec/kafka/listeners/-
        value: {name: plain, port: 9092, type: internal, tls: false}
  - target: {kind: Ingress, name: earshot}
    patch: |-
      - op: add
        path: /spec/rules/1/http/paths/-
        value: {path: /q, pathType: Prefix, backend: {service: {name: reply-service, port: {name: http}}}}
`);
  const args = ["validate.mjs", "--kubectl", kubectl, "--overlays", overlays, "--out", join(validator, ".cache", "broken-rendered")];
  if (process.env.STRIMZI_CRDS) args.push("--crds", process.env.STRIMZI_CRDS);
  let status = 0;
  let out = "";
  try {
    out = execFileSync(process.execPath, args, { cwd: validator, encoding: "utf8" });
  } catch (e) {
    status = e.status;
    out = e.stdout;
  }
  assert.equal(status, 1, out);
  assert.match(out, /\[kafka-auth\] Kafka\/earshot-kafka listener plain has no authentication/);
  assert.match(out, /\[ingress\] .*path Prefix \/q routes \/q/);
  assert.match(out, /k8s-validate: \d+ passed, 1 failed/);
});
