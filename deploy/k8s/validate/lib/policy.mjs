// Policy checks over one rendered overlay: what Earshot requires of every workload beyond schema validity.
// Each violation names its rule, so that a failure says what to fix and the self-tests can prove each rule fires.
//
// Rules (README.md explains each):
//   probes            every container of a workload has startup, liveness and readiness probes; Earshot's own
//                     services probe SmallRye Health (/q/health/started, /q/health/live, /q/health/ready)
//   resources         every container has CPU and memory requests and limits
//   security-context  runAsNonRoot, readOnlyRootFilesystem, allowPrivilegeEscalation false, capabilities drop ALL,
//                     not privileged, seccomp RuntimeDefault
//   tmp-emptydir      a read-only root filesystem comes with an emptyDir mounted at /tmp
//   graceful-shutdown terminationGracePeriodSeconds set explicitly, at least 30 s, and longer than any preStop sleep
//   secret-literal    no Secret carries data or stringData; no env var whose name says secret has a literal value;
//                     no ConfigMap key that names a secret
//   config-refs       every ConfigMap a workload reads (envFrom, configMapKeyRef, volume) is in the rendered overlay,
//                     with the key it names, unless marked optional: a missing one keeps pods from starting
//   kafka-topic       every topic address in docs/events/asyncapi.yaml has a KafkaTopic
//   network-policy    every workload is selected by a NetworkPolicy restricting both ingress and egress
//   image-tag         every image has an explicit tag other than latest
//   production        (prod only) replicas >= 2 or an HPA, pod anti-affinity, a PodDisruptionBudget per Deployment,
//                     HPAs for ingest and triage, topics replicated 3 times with min.insync.replicas >= 2; a
//                     Deployment annotated earshot.io/singleton runs one replica with the Recreate strategy instead

export const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
const HEALTH = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };

function id(doc) {
  return `${doc.kind}/${doc.metadata?.name ?? "?"}`;
}

function podSpecOf(doc) {
  if (doc.kind === "CronJob") return doc.spec?.jobTemplate?.spec?.template?.spec;
  return doc.spec?.template?.spec;
}

function podLabelsOf(doc) {
  return doc.spec?.template?.metadata?.labels ?? {};
}

function containersOf(pod) {
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}

function matches(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function isEarshotImage(image) {
  return typeof image === "string" && /(^|\/)earshot\/[a-z-]+-service(:|@|$)/.test(image);
}

function checkProbes(doc, pod, v) {
  for (const c of pod.containers ?? []) {
    for (const probe of Object.keys(HEALTH)) {
      if (!c[probe]) {
        v("probes", `${id(doc)} container ${c.name} has no ${probe}`);
      } else if (isEarshotImage(c.image)) {
        const path = c[probe].httpGet?.path;
        if (path !== HEALTH[probe]) {
          v("probes", `${id(doc)} container ${c.name} ${probe} must be httpGet ${HEALTH[probe]} (SmallRye Health), is ${path ?? "not httpGet"}`);
        }
      }
    }
  }
}

function checkResources(doc, pod, v) {
  for (const c of containersOf(pod)) {
    for (const kind of ["requests", "limits"]) {
      for (const res of ["cpu", "memory"]) {
        const q = c.resources?.[kind]?.[res];
        if (q === undefined || q === null || q === "" || q === 0 || q === "0") {
          v("resources", `${id(doc)} container ${c.name} has no ${res} ${kind}`);
        }
      }
    }
  }
}

function checkSecurityContext(doc, pod, v) {
  const psc = pod.securityContext ?? {};
  for (const c of containersOf(pod)) {
    const sc = c.securityContext ?? {};
    const where = `${id(doc)} container ${c.name}`;
    const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    const runAsUser = sc.runAsUser ?? psc.runAsUser;
    if (runAsNonRoot !== true) v("security-context", `${where} does not set runAsNonRoot: true`);
    if (runAsUser === 0) v("security-context", `${where} runs as user 0`);
    if (sc.readOnlyRootFilesystem !== true) v("security-context", `${where} does not set readOnlyRootFilesystem: true`);
    if (sc.allowPrivilegeEscalation !== false) v("security-context", `${where} does not set allowPrivilegeEscalation: false`);
    if (sc.privileged === true) v("security-context", `${where} is privileged`);
    const drop = sc.capabilities?.drop ?? [];
    if (!drop.includes("ALL")) v("security-context", `${where} does not drop ALL capabilities`);
    if ((sc.capabilities?.add ?? []).length > 0) v("security-context", `${where} adds capabilities`);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
      v("security-context", `${where} has no RuntimeDefault seccomp profile`);
    }
  }
}

function checkTmp(doc, pod, v) {
  const volumes = new Map((pod.volumes ?? []).map((vol) => [vol.name, vol]));
  for (const c of pod.containers ?? []) {
    if (c.securityContext?.readOnlyRootFilesystem !== true) continue;
    const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!mount || !volumes.get(mount.name)?.emptyDir) {
      v("tmp-emptydir", `${id(doc)} container ${c.name} has a read-only root filesystem but no emptyDir at /tmp`);
    }
  }
}

function checkGracefulShutdown(doc, pod, v) {
  if (doc.kind === "Job") return;
  const grace = pod.terminationGracePeriodSeconds;
  if (typeof grace !== "number") {
    v("graceful-shutdown", `${id(doc)} does not set terminationGracePeriodSeconds`);
    return;
  }
  if (grace < 30) v("graceful-shutdown", `${id(doc)} terminationGracePeriodSeconds ${grace} < 30`);
  for (const c of pod.containers ?? []) {
    const sleep = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    if (sleep >= grace) {
      v("graceful-shutdown", `${id(doc)} container ${c.name} preStop sleep ${sleep}s leaves no time to shut down`);
    }
  }
}

function checkEnvSecrets(doc, pod, v) {
  for (const c of containersOf(pod)) {
    for (const e of c.env ?? []) {
      if (SECRET_NAME.test(e.name) && e.value !== undefined && e.value !== "") {
        v("secret-literal", `${id(doc)} container ${c.name} env ${e.name} has a literal value: use secretKeyRef`);
      }
    }
  }
}

function checkConfigRefs(doc, pod, configMaps, v) {
  const need = (name, key, optional, where) => {
    if (optional === true) return;
    const cm = configMaps.get(name);
    if (!cm) {
      v("config-refs", `${id(doc)} ${where} reads ConfigMap ${name}, which the overlay does not contain`);
    } else if (key !== undefined && !Object.prototype.hasOwnProperty.call(cm.data ?? {}, key)) {
      v("config-refs", `${id(doc)} ${where} reads key ${key} of ConfigMap ${name}, which has no such key`);
    }
  };
  for (const c of containersOf(pod)) {
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef) need(e.configMapRef.name, undefined, e.configMapRef.optional, `container ${c.name}`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.configMapKeyRef;
      if (ref) need(ref.name, ref.key, ref.optional, `container ${c.name} env ${e.name}`);
    }
  }
  for (const vol of pod.volumes ?? []) {
    if (vol.configMap) need(vol.configMap.name, undefined, vol.configMap.optional, `volume ${vol.name}`);
  }
}

function checkImage(doc, pod, v) {
  for (const c of containersOf(pod)) {
    const image = c.image ?? "";
    const digest = image.includes("@");
    const lastSegment = image.split("/").pop();
    const tag = lastSegment.includes(":") ? lastSegment.split(":").pop() : null;
    if (!digest && (!tag || tag === "latest")) {
      v("image-tag", `${id(doc)} container ${c.name} image ${image} has no explicit tag (or uses latest)`);
    }
  }
}

function checkNetworkPolicy(doc, policies, v) {
  const labels = podLabelsOf(doc);
  // An empty podSelector selects every pod of the namespace. Without policyTypes a policy restricts Ingress, and
  // Egress too when it has egress rules.
  const selecting = policies.filter((p) => matches(p.spec?.podSelector, labels));
  const types = new Set(selecting.flatMap((p) => p.spec?.policyTypes
    ?? (p.spec?.egress ? ["Ingress", "Egress"] : ["Ingress"])));
  for (const t of ["Ingress", "Egress"]) {
    if (!types.has(t)) v("network-policy", `${id(doc)} is not selected by any NetworkPolicy restricting ${t}`);
  }
}

function checkSecrets(docs, v) {
  for (const doc of docs) {
    if (doc.kind === "Secret") {
      const keys = [...Object.keys(doc.data ?? {}), ...Object.keys(doc.stringData ?? {})];
      if (keys.length > 0) {
        v("secret-literal", `${id(doc)} holds literal values (${keys.join(", ")}): ops create Secrets out of band, manifests only reference them`);
      }
    }
    if (doc.kind === "ConfigMap") {
      for (const key of [...Object.keys(doc.data ?? {}), ...Object.keys(doc.binaryData ?? {})]) {
        if (SECRET_NAME.test(key.replace(/[.-]/g, "_"))) {
          v("secret-literal", `${id(doc)} key ${key} looks like a secret: put it in a Secret and reference it`);
        }
      }
    }
  }
}

function topicNameOf(kt) {
  return kt.spec?.topicName ?? kt.metadata?.name;
}

function checkTopics(docs, topics, v) {
  const declared = new Set(docs.filter((d) => d.kind === "KafkaTopic").map(topicNameOf));
  for (const topic of topics) {
    if (!declared.has(topic)) {
      v("kafka-topic", `topic ${topic} (docs/events/asyncapi.yaml) has no KafkaTopic`);
    }
  }
}

function checkProduction(docs, v) {
  const deployments = docs.filter((d) => d.kind === "Deployment");
  const hpas = docs.filter((d) => d.kind === "HorizontalPodAutoscaler");
  const pdbs = docs.filter((d) => d.kind === "PodDisruptionBudget");
  const hpaFor = (d) => hpas.find((h) => h.spec?.scaleTargetRef?.kind === "Deployment"
    && h.spec.scaleTargetRef.name === d.metadata.name);
  for (const d of deployments) {
    const hpa = hpaFor(d);
    // A singleton (annotation earshot.io/singleton: why) must run exactly once: one replica, no autoscaler, and the
    // Recreate strategy so that a rollout never runs two at once. The availability rules do not apply to it.
    if (d.metadata.annotations?.["earshot.io/singleton"]) {
      if ((d.spec?.replicas ?? 1) !== 1) v("production", `${id(d)} is a singleton but has ${d.spec.replicas} replicas`);
      if (hpa) v("production", `${id(d)} is a singleton but has a HorizontalPodAutoscaler`);
      if (d.spec?.strategy?.type !== "Recreate") {
        v("production", `${id(d)} is a singleton but rolls out with ${d.spec?.strategy?.type ?? "RollingUpdate"}, not Recreate`);
      }
      continue;
    }
    const replicas = d.spec?.replicas ?? 1;
    if (!hpa && replicas < 2) v("production", `${id(d)} has ${replicas} replica(s) and no HorizontalPodAutoscaler`);
    if (hpa && (hpa.spec.minReplicas ?? 1) < 2) v("production", `${id(d)} HPA allows fewer than 2 replicas`);
    if (hpa && d.spec?.replicas !== undefined) {
      v("production", `${id(d)} sets spec.replicas although an HPA sizes it (apply would reset the HPA's choice)`);
    }
    const aa = podSpecOf(d)?.affinity?.podAntiAffinity;
    if (!aa || ((aa.preferredDuringSchedulingIgnoredDuringExecution ?? []).length === 0
      && (aa.requiredDuringSchedulingIgnoredDuringExecution ?? []).length === 0)) {
      v("production", `${id(d)} has no pod anti-affinity`);
    }
    if (!pdbs.some((p) => matches(p.spec?.selector, podLabelsOf(d)))) {
      v("production", `${id(d)} has no PodDisruptionBudget`);
    }
  }
  for (const name of ["ingest-service", "triage-service"]) {
    if (deployments.some((d) => d.metadata.name === name) && !hpaFor({ metadata: { name } })) {
      v("production", `Deployment/${name} has no HorizontalPodAutoscaler`);
    }
  }
  for (const kt of docs.filter((d) => d.kind === "KafkaTopic")) {
    if ((kt.spec?.replicas ?? 0) < 3) v("production", `${id(kt)} has replicas ${kt.spec?.replicas}, needs 3`);
    const isr = Number(kt.spec?.config?.["min.insync.replicas"] ?? 0);
    if (isr < 2) v("production", `${id(kt)} has min.insync.replicas ${isr || "unset"}, needs 2`);
  }
}

/**
 * Runs every policy over the documents of one rendered overlay.
 * @param docs the parsed documents
 * @param options.topics topic names that must each have a KafkaTopic
 * @param options.production whether the production rules apply
 * @returns violations as {rule, message}
 */
export function checkPolicies(docs, { topics = [], production = false } = {}) {
  const violations = [];
  const v = (rule, message) => violations.push({ rule, message });
  const policies = docs.filter((d) => d.kind === "NetworkPolicy");
  const configMaps = new Map(docs.filter((d) => d.kind === "ConfigMap").map((d) => [d.metadata.name, d]));
  for (const doc of docs.filter((d) => WORKLOAD_KINDS.has(d.kind))) {
    const pod = podSpecOf(doc);
    if (!pod) continue;
    if (doc.kind !== "Job") checkProbes(doc, pod, v);
    checkResources(doc, pod, v);
    checkSecurityContext(doc, pod, v);
    checkTmp(doc, pod, v);
    checkGracefulShutdown(doc, pod, v);
    checkEnvSecrets(doc, pod, v);
    checkImage(doc, pod, v);
    checkConfigRefs(doc, pod, configMaps, v);
    checkNetworkPolicy(doc, policies, v);
  }
  checkSecrets(docs, v);
  checkTopics(docs, topics, v);
  if (production) checkProduction(docs, v);
  return violations;
}
