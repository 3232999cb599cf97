/** Small, prototype-safe helpers to take JSON values apart and change them by path. */

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy through JSON text: own `__proto__` keys stay keys, as they would on the wire. */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Sets an own data property, even one named `__proto__`. */
export const defineField = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const containerAt = (root: unknown, path: readonly string[]): Record<string, unknown> => {
  let node = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string, unknown>)[segment];
  return node as Record<string, unknown>;
};

/** A copy of `root` without the field at `path`. */
export const withoutField = (root: unknown, path: readonly string[]): unknown => {
  const copy = cloneJson(root);
  delete containerAt(copy, path)[path[path.length - 1]!];
  return copy;
};

/** A copy of `root` with the field at `path` replaced by `value`. */
export const withField = (root: unknown, path: readonly string[], value: unknown): unknown => {
  const copy = cloneJson(root);
  defineField(containerAt(copy, path), path[path.length - 1]!, value);
  return copy;
};

/** Every object (not array) inside `value`, itself included, in document order. */
export const objectsIn = (value: unknown, into: JsonObject[] = []): JsonObject[] => {
  if (Array.isArray(value)) {
    for (const element of value) objectsIn(element, into);
  } else if (isJsonObject(value)) {
    into.push(value);
    for (const key of Object.keys(value)) objectsIn(value[key], into);
  }
  return into;
};

/** Whether every object and array inside `value` has the ordinary prototype JSON.parse gives. */
export const isPlainJsonTree = (value: unknown): boolean => {
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlainJsonTree);
  if (typeof value === 'object' && value !== null) {
    return (
      Object.getPrototypeOf(value) === Object.prototype &&
      Object.keys(value).every((key) => isPlainJsonTree((value as JsonObject)[key]))
    );
  }
  return true;
};
