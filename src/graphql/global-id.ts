/** Opaque global IDs: clients never see a database key, only base64url("Type:key"). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(typeName: string, key: string): string {
  return Buffer.from(`${typeName}:${key}`, "utf8").toString("base64url");
}

/** The type and key behind a global ID, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { typeName: string; key: string } | null {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const typeName = decoded.slice(0, colon);
  const key = decoded.slice(colon + 1);
  return /^[A-Z][A-Za-z]*$/.test(typeName) && UUID.test(key) ? { typeName, key } : null;
}

/** The key of a global ID of the expected type, or null for any other input. */
export function keyOf(globalId: string, typeName: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.typeName === typeName ? parsed.key : null;
}
