// The topics Earshot's events use, read from the AsyncAPI 3 document: every `channels.<id>.address`.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * Returns the sorted, distinct channel addresses of an AsyncAPI 3 document. Throws when the document is not
 * AsyncAPI 3, has no channels, or has a channel whose address is missing or parameterised (a KafkaTopic needs a
 * literal name; declare such a channel's concrete topics as channels of their own).
 */
export function topicsFromAsyncApi(file) {
  const doc = parse(readFileSync(file, "utf8"));
  if (!doc || typeof doc !== "object" || !String(doc.asyncapi ?? "").startsWith("3.")) {
    throw new Error(`${file}: not an AsyncAPI 3 document (asyncapi: ${doc?.asyncapi})`);
  }
  const channels = doc.channels ?? {};
  if (Object.keys(channels).length === 0) throw new Error(`${file}: no channels`);
  const topics = new Set();
  for (const [name, entry] of Object.entries(channels)) {
    const channel = resolveRef(doc, entry);
    const address = channel?.address;
    if (typeof address !== "string" || address.length === 0) {
      throw new Error(`${file}: channel ${name} has no address`);
    }
    if (address.includes("{")) {
      throw new Error(`${file}: channel ${name} has a parameterised address ${address}`);
    }
    topics.add(address);
  }
  return [...topics].sort();
}

/** Follows a local `$ref` ("#/components/channels/x"), as AsyncAPI 3 allows for channels. */
function resolveRef(doc, value) {
  let v = value;
  for (let i = 0; i < 10 && v && typeof v.$ref === "string" && v.$ref.startsWith("#/"); i++) {
    v = v.$ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, key) => (node == null ? undefined : node[key]), doc);
  }
  return v;
}
