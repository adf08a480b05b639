// Access rules over one rendered overlay: who may reach Kafka, Redis and the services from where. Each violation
// names its rule, as in policy.mjs (README.md explains each):
//   kafka-auth   every listener of a Kafka has TLS and authentication, and the cluster has authorization
//   kafka-acl    every service has its own KafkaUser, read by its Deployments; a service's user writes only the
//                topics the service produces and reads only those it consumes (services.mjs, from the code), with
//                literal topic names; every other KafkaUser is read-only; nobody gets cluster or All rights
//   redis-acl    redis.conf has protected-mode yes and an ACL; the default user is off with no password; each
//                service's user has a password and key patterns that cover its code's prefixes and no other
//                service's; every other enabled user reaches no key and runs nothing but PING
//   ingress      Ingress paths are only the dashboard's and the webhooks' (no /q, no catch-all prefix)

const WRITE_OPS = new Set(["Write", "Create", "Delete", "Alter", "AlterConfigs", "All"]);

/** Which KafkaUser and Redis user each Deployment must use (ingest-poller is ingest-service's code). */
export const DEPLOYMENT_USER = {
  "ingest-service": "ingest-service",
  "ingest-poller": "ingest-service",
  "triage-service": "triage-service",
  "reply-service": "reply-service",
};

/** The Ingress paths allowed per backend Service: `pathType path`. */
export const INGRESS_PATHS = {
  "reply-service": ["Exact /", "Exact /login", "Exact /logout", "Exact /j_security_check", "Exact /stats",
    "Prefix /item", "Prefix /assets", "Prefix /webjars", "Prefix /api"],
  "ingest-service": ["Prefix /webhooks", "Prefix /api/comments", "Prefix /api/import"],
};

function id(doc) {
  return `${doc.kind}/${doc.metadata?.name ?? "?"}`;
}

function checkKafkaAuth(docs, v) {
  for (const k of docs.filter((d) => d.kind === "Kafka")) {
    const listeners = k.spec?.kafka?.listeners ?? [];
    if (listeners.length === 0) v("kafka-auth", `${id(k)} has no listeners`);
    for (const l of listeners) {
      if (!l.authentication?.type) v("kafka-auth", `${id(k)} listener ${l.name} has no authentication`);
      if (l.tls !== true) v("kafka-auth", `${id(k)} listener ${l.name} is not TLS`);
    }
    if (!k.spec?.kafka?.authorization?.type) {
      v("kafka-auth", `${id(k)} has no authorization: every authenticated user could read and write every topic`);
    }
  }
}

function aclOps(acl) {
  return [...(acl.operations ?? []), ...(acl.operation ? [acl.operation] : [])];
}

function groupCovered(acls, group) {
  return acls.some((a) => a.resource?.type === "group" && aclOps(a).some((o) => o === "Read")
    && (a.resource.patternType === "prefix" ? group.name.startsWith(a.resource.name)
      : !group.prefix && a.resource.name === group.name));
}

function checkKafkaUsers(docs, services, v) {
  if (!docs.some((d) => d.kind === "Kafka")) return;
  const users = new Map(docs.filter((d) => d.kind === "KafkaUser").map((u) => [u.metadata.name, u]));
  for (const [name, use] of Object.entries(services)) {
    const user = users.get(name);
    if (!user) {
      v("kafka-acl", `service ${name} has no KafkaUser ${name}`);
      continue;
    }
    const acls = user.spec?.authorization?.acls ?? [];
    const granted = (topic, op) => acls.some((a) => a.resource?.type === "topic" && a.resource.name === topic
      && (a.resource.patternType ?? "literal") === "literal" && aclOps(a).includes(op));
    for (const t of use.produces) if (!granted(t, "Write")) v("kafka-acl", `${id(user)} cannot Write ${t}, which ${name} produces`);
    for (const t of use.consumes) if (!granted(t, "Read")) v("kafka-acl", `${id(user)} cannot Read ${t}, which ${name} consumes`);
    for (const g of use.groups) {
      if (!groupCovered(acls, g)) v("kafka-acl", `${id(user)} cannot Read group ${g.name}${g.prefix ? "*" : ""}, which ${name} uses`);
    }
    for (const a of acls.filter((x) => x.resource?.type === "topic")) {
      const literal = (a.resource.patternType ?? "literal") === "literal" && a.resource.name !== "*";
      for (const op of aclOps(a)) {
        if (WRITE_OPS.has(op) && (!literal || !use.produces.includes(a.resource.name))) {
          v("kafka-acl", `${id(user)} may ${op} topic ${a.resource.name} (${a.resource.patternType ?? "literal"}), which ${name} does not produce`);
        }
        if (op === "Read" && (!literal || !use.consumes.includes(a.resource.name))) {
          v("kafka-acl", `${id(user)} may Read topic ${a.resource.name} (${a.resource.patternType ?? "literal"}), which ${name} does not consume`);
        }
      }
    }
  }
  for (const user of users.values()) {
    if (user.spec?.authorization?.type !== "simple") v("kafka-acl", `${id(user)} has no simple authorization (ACLs)`);
    const acls = user.spec?.authorization?.acls ?? [];
    for (const a of acls) {
      const ops = aclOps(a);
      if (a.resource?.type === "cluster" || ops.includes("All")) v("kafka-acl", `${id(user)} has cluster or All rights`);
      if (a.resource?.type === "group" && (a.resource.name === "*" || a.resource.name === "")) {
        v("kafka-acl", `${id(user)} may use any consumer group`);
      }
      if (!services[user.metadata.name] && ops.some((o) => WRITE_OPS.has(o))) {
        v("kafka-acl", `${id(user)} is not a service's user but may ${ops.join("/")} ${a.resource?.type} ${a.resource?.name}: other users are read-only`);
      }
    }
  }
  // Each service Deployment authenticates as its own user: the JAAS config comes from that user's Secret.
  for (const d of docs.filter((x) => x.kind === "Deployment" && DEPLOYMENT_USER[x.metadata.name])) {
    const env = (d.spec?.template?.spec?.containers ?? []).flatMap((c) => c.env ?? []);
    const jaas = env.find((e) => e.name === "EARSHOT_KAFKA_SASL_JAAS_CONFIG")?.valueFrom?.secretKeyRef;
    if (jaas?.name !== DEPLOYMENT_USER[d.metadata.name] || jaas?.key !== "sasl.jaas.config") {
      v("kafka-acl", `${id(d)} does not read EARSHOT_KAFKA_SASL_JAAS_CONFIG from Secret ${DEPLOYMENT_USER[d.metadata.name]} key sasl.jaas.config`);
    }
  }
}

/** Parses ACL rules (`user NAME rule...` lines, comments and blank lines skipped) into {name, rules}. */
export function parseAcl(text) {
  return text.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("user "))
    .map((l) => {
      const [, name, ...rules] = l.split(/\s+/);
      return { name, rules };
    });
}

function globMatches(glob, key) {
  const re = new RegExp("^" + glob.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("") + "$");
  return re.test(key);
}

/** True when a key pattern list reaches a key starting with `prefix` (any such key, checked with a sample). */
function reaches(patterns, prefix) {
  return patterns.some((p) => globMatches(p, prefix) || globMatches(p, prefix + "x:1"));
}

function keyPatterns(user) {
  if (user.rules.includes("allkeys")) return ["*"];
  return user.rules.filter((r) => r.startsWith("~") || r.startsWith("%")).map((r) => r.replace(/^%[RW]*~/, "").replace(/^~/, ""));
}

function checkRedis(docs, services, v) {
  for (const cm of docs.filter((d) => d.kind === "ConfigMap" && d.data?.["redis.conf"] !== undefined)) {
    const conf = cm.data["redis.conf"];
    const directive = (name) => conf.split("\n").map((l) => l.trim().split(/\s+/)).find((w) => w[0] === name);
    if (directive("protected-mode")?.[1] !== "yes") v("redis-acl", `${id(cm)} redis.conf does not set protected-mode yes`);
    let acl = conf.split("\n").filter((l) => l.trim().startsWith("user ")).join("\n");
    if (directive("aclfile")) {
      const template = Object.entries(cm.data).find(([k]) => k.startsWith("users.acl"));
      if (!template) {
        v("redis-acl", `${id(cm)} redis.conf names an aclfile, but the ConfigMap has no users.acl template to check`);
        continue;
      }
      acl = template[1];
    }
    const users = parseAcl(acl);
    if (users.length === 0) {
      v("redis-acl", `${id(cm)} redis.conf has no ACL (aclfile or user lines): every client is the default user`);
      continue;
    }
    const byName = new Map(users.map((u) => [u.name, u]));
    const def = byName.get("default");
    if (!def || !def.rules.includes("off") || def.rules.includes("nopass") || !def.rules.includes("resetpass")) {
      v("redis-acl", `${id(cm)} the default user must be "off" with "resetpass" and not "nopass" (else clients need no password)`);
    }
    for (const [name, use] of Object.entries(services)) {
      const u = byName.get(name);
      if (!u) {
        v("redis-acl", `${id(cm)} has no Redis user ${name}`);
        continue;
      }
      if (!u.rules.includes("on") || u.rules.includes("nopass") || !u.rules.some((r) => r.startsWith("#"))) {
        v("redis-acl", `${id(cm)} Redis user ${name} must be on with a password hash (#...), not nopass`);
      }
      if (u.rules.some((r) => r.startsWith(">"))) v("redis-acl", `${id(cm)} Redis user ${name} has a literal password`);
      const patterns = keyPatterns(u);
      for (const prefix of use.keys) {
        if (!reaches(patterns, prefix)) v("redis-acl", `${id(cm)} Redis user ${name} cannot reach keys ${prefix}*, which its code uses`);
      }
      for (const [other, otherUse] of Object.entries(services)) {
        for (const prefix of otherUse.keys.filter((k) => !use.keys.includes(k))) {
          if (other !== name && reaches(patterns, prefix)) {
            v("redis-acl", `${id(cm)} Redis user ${name} reaches ${other}'s keys ${prefix}*`);
          }
        }
      }
    }
    for (const u of users.filter((x) => x.name !== "default" && !services[x.name] && x.rules.includes("on"))) {
      const commands = u.rules.filter((r) => /^[+-]/.test(r));
      if (keyPatterns(u).length > 0 || commands.some((c) => c.startsWith("+") && c !== "+ping")) {
        v("redis-acl", `${id(cm)} Redis user ${u.name} is not a service's but reaches keys or runs more than PING`);
      }
    }
  }
}

function checkIngress(docs, v) {
  for (const ing of docs.filter((d) => d.kind === "Ingress")) {
    if (ing.spec?.defaultBackend) v("ingress", `${id(ing)} has a default backend: every unlisted path would reach it`);
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const where = `${id(ing)} host ${rule.host ?? "*"} path ${p.pathType} ${p.path}`;
        const svc = p.backend?.service?.name;
        if (/^\/q(\/|$)/.test(p.path ?? "")) v("ingress", `${where} routes /q (metrics, health, OpenAPI) outside`);
        if (p.pathType !== "Exact" && (p.path ?? "/") === "/") v("ingress", `${where} is a catch-all prefix (it would route /q)`);
        const allowed = INGRESS_PATHS[svc];
        if (!allowed) v("ingress", `${where} routes to ${svc}, which takes no traffic from outside`);
        else if (!allowed.includes(`${p.pathType} ${p.path}`)) v("ingress", `${where} is not one of ${svc}'s public paths (${allowed.join(", ")})`);
      }
    }
  }
}

/**
 * Runs the access rules over the documents of one rendered overlay.
 * @param docs the parsed documents
 * @param services each service's Kafka and Redis use (services.mjs)
 * @returns violations as {rule, message}
 */
export function checkAccess(docs, services) {
  const violations = [];
  const v = (rule, message) => violations.push({ rule, message });
  checkKafkaAuth(docs, v);
  checkKafkaUsers(docs, services, v);
  checkRedis(docs, services, v);
  checkIngress(docs, v);
  return violations;
}
