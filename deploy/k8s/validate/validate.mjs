#!/usr/bin/env node
// Renders every overlay under deploy/k8s/overlays with Kustomize, validates every rendered document against its
// schema and runs the policy checks. Exit code 0 only when everything passes.
//
//   node validate.mjs --kubectl PATH --crds DIR [--asyncapi FILE] [--overlays DIR] [--out DIR]
//
// deploy/local/test.d/k8s-validate prepares kubectl, the npm packages and the Strimzi CRDs, then runs this.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { defaultCrdDir, loadCrds, validateDocument } from "./lib/schema.mjs";
import { checkPolicies } from "./lib/policy.mjs";
import { topicsFromAsyncApi } from "./lib/asyncapi.mjs";
import { checkAccess } from "./lib/access.mjs";
import { servicesUse } from "./lib/services.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--")) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

/** Renders a Kustomize directory to its parsed documents. */
export function render(kubectl, dir) {
  const yaml = execFileSync(kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { yaml, docs: parse(yaml) };
}

export function parse(yaml) {
  const docs = [];
  for (const d of parseAllDocuments(yaml)) {
    if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join("; "));
    const doc = d.toJS();
    if (doc !== null && doc !== undefined) docs.push(doc);
  }
  return docs;
}

/** The topics that need a KafkaTopic: from the AsyncAPI document, or the fallback list until that exists. */
export function expectedTopics(asyncapi) {
  if (existsSync(asyncapi)) return { topics: topicsFromAsyncApi(asyncapi), source: asyncapi };
  const fallback = join(here, "fixtures", "asyncapi-known-topics.yaml");
  return { topics: topicsFromAsyncApi(fallback), source: fallback, missing: true };
}

async function main() {
  const a = args(process.argv.slice(2));
  const kubectl = a.kubectl ?? "kubectl";
  const crds = loadCrds(a.crds ?? defaultCrdDir());
  if (crds.size === 0) throw new Error("no Strimzi CRDs loaded: run deploy/local/test.d/k8s-validate");
  const overlaysDir = a.overlays ?? join(root, "deploy", "k8s", "overlays");
  const outDir = a.out ?? join(here, ".cache", "rendered");
  mkdirSync(outDir, { recursive: true });

  const { topics, source, missing } = expectedTopics(a.asyncapi ?? join(root, "docs", "events", "asyncapi.yaml"));
  if (missing) {
    console.log(`WARNING: docs/events/asyncapi.yaml does not exist yet; checking topics against ${source}`);
  }
  console.log(`topics that need a KafkaTopic (${topics.length}): ${topics.join(", ")}`);

  const services = servicesUse(root);
  for (const [name, use] of Object.entries(services)) {
    console.log(`${name} (from its code): produces ${use.produces.join(", ") || "-"}; consumes ${use.consumes.join(", ") || "-"}; `
      + `groups ${use.groups.map((g) => g.name + (g.prefix ? "*" : "")).join(", ") || "-"}; Redis keys ${use.keys.map((k) => k + "*").join(", ")}`);
  }

  const overlays = readdirSync(overlaysDir).filter((o) => statSync(join(overlaysDir, o)).isDirectory()).sort();
  if (overlays.length === 0) throw new Error(`no overlays in ${overlaysDir}`);
  let passed = 0;
  let failed = 0;
  const result = (ok, label, problems = []) => {
    if (ok) passed++; else failed++;
    console.log(`${ok ? "ok    " : "FAILED"} ${label}`);
    for (const p of problems) console.log(`         ${p}`);
  };

  for (const overlay of overlays) {
    const dir = join(overlaysDir, overlay);
    let docs;
    try {
      const rendered = render(kubectl, dir);
      docs = rendered.docs;
      writeFileSync(join(outDir, `${overlay}.yaml`), rendered.yaml);
      result(docs.length > 0, `${overlay}: renders (${docs.length} documents)`);
    } catch (e) {
      result(false, `${overlay}: renders`, [String(e.stderr || e.message).trim()]);
      continue;
    }
    const schemaProblems = [];
    for (const doc of docs) {
      for (const err of await validateDocument(doc, crds)) {
        schemaProblems.push(`${doc.kind}/${doc.metadata?.name}: ${err}`);
      }
    }
    result(schemaProblems.length === 0, `${overlay}: every document valid against the Kubernetes, Strimzi and Prometheus Operator schemas`, schemaProblems);
    const undocumented = docs.filter((d) => d.kind === "KafkaTopic").map((d) => d.spec?.topicName ?? d.metadata.name)
      .filter((t) => !topics.includes(t));
    if (undocumented.length > 0) {
      console.log(`WARNING ${overlay}: KafkaTopics with no channel in the AsyncAPI document: ${undocumented.join(", ")}`);
    }
    const violations = [...checkPolicies(docs, { topics, production: overlay === "prod" }), ...checkAccess(docs, services)];
    result(violations.length === 0, `${overlay}: policy and access checks${overlay === "prod" ? " (with production rules)" : ""}`,
      violations.map((v) => `[${v.rule}] ${v.message}`));
  }
  console.log(`k8s-validate: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`k8s-validate: ${e.message}`);
    process.exitCode = 2;
  });
}
