// Schema validation of rendered Kubernetes documents, offline.
//
// - Kubernetes built-in kinds: the JSON schemas bundled in npm `kubernetes-models` (Kubernetes' OpenAPI).
// - Prometheus Operator kinds (ServiceMonitor, PodMonitor, PrometheusRule): npm `@kubernetes-models/prometheus-operator`.
// - Strimzi kinds (Kafka, KafkaNodePool, KafkaTopic): the openAPIV3Schema of the CRDs that Strimzi's generator makes
//   from Strimzi's typed API model (see ../strimzi-crds/pom.xml), checked with Ajv.
//
// All three are strict about field names, like `kubectl apply --validate=strict`: an unknown or misspelt field is an
// error, not something the API server would silently drop. A document whose apiVersion/kind has no schema fails.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";
import { Model } from "@kubernetes-models/base";
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

const MODULES = {
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
  "monitoring.coreos.com/v1alpha1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1",
};

function moduleFor(apiVersion) {
  if (MODULES[apiVersion]) return MODULES[apiVersion];
  return "kubernetes-models/" + apiVersion;
}

const moduleCache = new Map();
async function modelClass(apiVersion, kind) {
  const name = moduleFor(apiVersion);
  if (!moduleCache.has(name)) {
    moduleCache.set(name, await import(name).catch(() => null));
  }
  const mod = moduleCache.get(name);
  const cls = mod && mod[kind];
  return typeof cls === "function" && cls.prototype instanceof Model ? cls : null;
}

/**
 * Wraps `value` so that every property the schema validator reads is recorded. The precompiled validators of
 * kubernetes-models read exactly the properties their schema declares, and enumerate the keys of maps (labels,
 * ConfigMap data, ...); whatever was neither read nor enumerated is a field the schema does not know.
 */
function track(value, seen) {
  if (value === null || typeof value !== "object") return value;
  let entry = seen.get(value);
  if (!entry) {
    entry = { read: new Set(), enumerated: false, proxy: null };
    seen.set(value, entry);
    entry.proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === "string") entry.read.add(key);
        return track(Reflect.get(target, key, receiver), seen);
      },
      has(target, key) {
        if (typeof key === "string") entry.read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        entry.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  }
  return entry.proxy;
}

function unknownFields(value, seen, path, out) {
  if (value === null || typeof value !== "object") return;
  const entry = seen.get(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, seen, `${path}/${i}`, out));
    return;
  }
  for (const key of Object.keys(value)) {
    if (entry && !entry.enumerated && !entry.read.has(key)) {
      out.push(`${path}/${key}: unknown field`);
    } else if (entry) {
      unknownFields(value[key], seen, `${path}/${key}`, out);
    }
  }
}

function validateWithModel(cls, doc) {
  const seen = new Map();
  try {
    cls.prototype.validate.call(track(doc, seen));
  } catch (e) {
    return [e.message];
  }
  const unknown = [];
  unknownFields(doc, seen, "data", unknown);
  return unknown;
}

// ---- Strimzi: CRD schemas ----

/** Makes a CRD structural schema strict: objects with declared properties accept no other property. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === "x-kubernetes-preserve-unknown-fields" || k.startsWith("x-kubernetes-")) continue;
    if (k === "properties") {
      out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strict(s)]));
    } else {
      out[k] = strict(v);
    }
  }
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (schema.type === "object" && schema.properties && !preserve && schema.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  // Kubernetes int-or-string fields.
  if (schema["x-kubernetes-int-or-string"] === true) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  return out;
}

/** The newest CRD folder deploy/local/test.d/k8s-validate generated (.cache/strimzi-crds-<hash>), if any. */
export function defaultCrdDir() {
  const cache = join(dirname(fileURLToPath(import.meta.url)), "..", ".cache");
  if (!existsSync(cache)) return null;
  const dirs = readdirSync(cache).filter((d) => d.startsWith("strimzi-crds")).map((d) => join(cache, d))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return dirs[0] ?? null;
}

/** Loads every CustomResourceDefinition in `dir` (YAML) into a map "group/version Kind" -> Ajv validator. */
export function loadCrds(dir) {
  if (!dir || !existsSync(dir)) {
    throw new Error(`no Strimzi CRDs at ${dir}: run deploy/local/test.d/k8s-validate once to generate them`);
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const d of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
      const crd = d.toJS();
      if (!crd || crd.kind !== "CustomResourceDefinition") continue;
      for (const v of crd.spec.versions) {
        const schema = strict(v.schema.openAPIV3Schema);
        validators.set(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  return validators;
}

function validateWithCrd(validator, doc) {
  const errors = [];
  if (!validator(doc)) {
    for (const e of validator.errors) {
      const extra = e.keyword === "additionalProperties" ? ` (${e.params.additionalProperty})` : "";
      errors.push(`data${e.instancePath} ${e.message}${extra}`);
    }
  }
  // The CRD schema says only `metadata: {type: object}`; the API server checks it as ObjectMeta.
  if (doc.metadata !== undefined) {
    errors.push(...validateWithModel(ObjectMeta, doc.metadata).map((m) => m.replace(/^data/, "data/metadata")));
  }
  return errors;
}

/**
 * Validates one document. Returns a list of error messages (empty when valid).
 * @param doc a parsed Kubernetes object
 * @param crds the map from loadCrds
 */
export async function validateDocument(doc, crds) {
  if (!doc || typeof doc !== "object" || !doc.apiVersion || !doc.kind) {
    return ["not a Kubernetes object (apiVersion and kind are required)"];
  }
  if (!doc.metadata || !doc.metadata.name) {
    return ["metadata.name is required"];
  }
  const crd = crds.get(`${doc.apiVersion} ${doc.kind}`);
  if (crd) return validateWithCrd(crd, doc);
  const cls = await modelClass(doc.apiVersion, doc.kind);
  if (!cls) {
    return [`no schema for ${doc.apiVersion} ${doc.kind}: add one to deploy/k8s/validate before using this kind`];
  }
  return validateWithModel(cls, doc);
}
