// Self-tests of the validator: the real overlays pass, a known-good fixture passes, and every bad fixture fails
// with the rule (or schema error) its header names. Without these, a policy rule that never fires would go unnoticed.
//
// Run by deploy/local/test.d/k8s-validate (KUBECTL and STRIMZI_CRDS set there) or `npm test` in this folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCrdDir, loadCrds, validateDocument } from "../lib/schema.mjs";
import { checkPolicies } from "../lib/policy.mjs";
import { topicsFromAsyncApi } from "../lib/asyncapi.mjs";
import { parse, render, expectedTopics } from "../validate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "fixtures");
const root = resolve(here, "../../../..");
const kubectl = process.env.KUBECTL ?? "kubectl";
const crds = loadCrds(process.env.STRIMZI_CRDS ?? defaultCrdDir());
const knownTopics = topicsFromAsyncApi(join(fixtures, "asyncapi-known-topics.yaml"));

function header(text, key) {
  const m = text.match(new RegExp(`^# ${key}: (.*)$`, "m"));
  return m ? m[1].trim() : undefined;
}

const good = parse(readFileSync(join(fixtures, "good.yaml"), "utf8"));
const context = good.filter((d) => d.kind !== "Deployment");

test("the Strimzi CRDs were generated (Kafka, KafkaNodePool, KafkaTopic)", () => {
  for (const kind of ["Kafka", "KafkaNodePool", "KafkaTopic"]) {
    assert.ok(crds.has(`kafka.strimzi.io/v1beta2 ${kind}`), `no schema for ${kind}`);
  }
});

test("the good fixture passes the schemas and every policy, production rules aside", async () => {
  for (const doc of good) assert.deepEqual(await validateDocument(doc, crds), [], `${doc.kind}/${doc.metadata.name}`);
  assert.deepEqual(checkPolicies(good, { topics: knownTopics }), []);
});

for (const file of readdirSync(join(fixtures, "bad")).sort()) {
  const text = readFileSync(join(fixtures, "bad", file), "utf8");
  const rule = header(text, "expect");
  test(`policy rule ${rule} fails on bad/${file}`, async () => {
    assert.ok(rule, `${file} has no '# expect: RULE' header`);
    const bad = parse(text);
    // Bad fixtures are schema-valid: they fail on policy, not on shape.
    for (const doc of bad) assert.deepEqual(await validateDocument(doc, crds), [], `${doc.kind}/${doc.metadata.name}`);
    const asyncapi = header(text, "asyncapi");
    const topics = asyncapi ? topicsFromAsyncApi(join(fixtures, asyncapi)) : knownTopics;
    // A bad KafkaTopic replaces the good one of the same topic.
    const replaced = new Set(bad.filter((d) => d.kind === "KafkaTopic").map((d) => d.spec.topicName));
    const docs = [...context.filter((d) => !(d.kind === "KafkaTopic" && replaced.has(d.spec.topicName))), ...bad];
    const violations = checkPolicies(docs, { topics, production: header(text, "production") === "true" });
    assert.ok(violations.length > 0, `${file}: no violation at all`);
    const others = violations.filter((v) => v.rule !== rule);
    assert.deepEqual(others, [], `${file}: violations of other rules than ${rule}`);
  });
}

for (const file of readdirSync(join(fixtures, "bad-schema")).sort()) {
  const text = readFileSync(join(fixtures, "bad-schema", file), "utf8");
  const expected = header(text, "expect");
  test(`schema validation rejects bad-schema/${file}`, async () => {
    const errors = [];
    for (const doc of parse(text)) errors.push(...await validateDocument(doc, crds));
    assert.ok(errors.some((e) => e.includes(expected)), `expected an error containing "${expected}", got ${JSON.stringify(errors)}`);
  });
}

test("topics are read from the AsyncAPI channels' addresses, $ref included", () => {
  assert.deepEqual(topicsFromAsyncApi(join(fixtures, "asyncapi-extra-topic.yaml")),
    ["comments.escalated", "comments.ingested", "comments.triaged"]);
});

test("the topic list the validator uses is docs/events/asyncapi.yaml once it exists", () => {
  const { topics, missing } = expectedTopics(join(root, "docs", "events", "asyncapi.yaml"));
  if (missing) {
    assert.deepEqual(topics, knownTopics);
  } else {
    assert.deepEqual(topics, topicsFromAsyncApi(join(root, "docs", "events", "asyncapi.yaml")));
  }
});

for (const overlay of ["dev", "prod"]) {
  test(`overlay ${overlay} renders, is schema-valid and passes every policy`, async () => {
    const { docs } = render(kubectl, join(root, "deploy", "k8s", "overlays", overlay));
    const kinds = new Set(docs.map((d) => d.kind));
    for (const kind of ["Deployment", "Service", "ConfigMap", "ServiceAccount", "NetworkPolicy", "Kafka", "KafkaNodePool",
      "KafkaTopic", "StatefulSet"]) {
      assert.ok(kinds.has(kind), `${overlay} renders no ${kind}`);
    }
    if (overlay === "prod") {
      for (const kind of ["PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceMonitor", "PrometheusRule"]) {
        assert.ok(kinds.has(kind), `prod renders no ${kind}`);
      }
    }
    for (const doc of docs) assert.deepEqual(await validateDocument(doc, crds), [], `${doc.kind}/${doc.metadata.name}`);
    const { topics } = expectedTopics(join(root, "docs", "events", "asyncapi.yaml"));
    assert.deepEqual(checkPolicies(docs, { topics, production: overlay === "prod" }), []);
  });
}

test("a topic added to the AsyncAPI document without a KafkaTopic fails the real prod overlay", () => {
  const { docs } = render(kubectl, join(root, "deploy", "k8s", "overlays", "prod"));
  const topics = [...knownTopics, ...topicsFromAsyncApi(join(fixtures, "asyncapi-extra-topic.yaml"))];
  const violations = checkPolicies(docs, { topics, production: true });
  assert.deepEqual(violations.map((v) => v.rule), ["kafka-topic"]);
  assert.match(violations[0].message, /comments\.escalated/);
});

test("every alert has a runbook section in docs/operations.md, and its runbook annotation points there", () => {
  const rules = parse(readFileSync(join(root, "deploy", "k8s", "components", "monitoring", "alerts.yaml"), "utf8"));
  const runbook = readFileSync(join(root, "docs", "operations.md"), "utf8");
  const alerts = rules.flatMap((r) => r.spec.groups.flatMap((g) => g.rules)).filter((r) => r.alert);
  assert.ok(alerts.length > 0);
  for (const a of alerts) {
    assert.match(runbook, new RegExp(`^### ${a.alert}$`, "m"), `docs/operations.md has no section ### ${a.alert}`);
    assert.equal(a.annotations?.runbook, `docs/operations.md#${a.alert.toLowerCase()}`, `${a.alert} runbook annotation`);
  }
});
