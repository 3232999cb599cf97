// The changes to src/parse.ts this benchmark proposes to the lead (src/parse.ts is not the
// benchmark's to edit beyond the guard call). `npm run bench -- --proposed` applies them in memory,
// in the benchmark's bundle only, to measure them. Once parse.ts contains them, --proposed is a no-op.
// bench/proposed-parse.patch is the same change as a diff: `git apply bench/proposed-parse.patch`.
//
// 1. parseUnsafe without E.flatMap, and a string goes straight to JSON.parse: fp-ts's flatMap is
//    `dual()`, which copies `arguments` with Array.from and calls body.apply on every call, about
//    1.4 µs per call on Node 20 here, more than JSON.parse of a small event. A leading BOM, an
//    empty body and a syntax error all make JSON.parse throw, so parseJsonText (BOM, trim and the
//    error's reason) runs only then, with the same results as today.
// 2. decodeValue tries the generated guard, found by a `switch` on the name, before anything
//    else: isWebhookName (Object.hasOwn) and webhookCodecs[name] look a string fresh from
//    JSON.parse up as an object key, which hashes and internalises it, about 9% of JSON.parse of
//    on_user_new. Both still run, on the failure path only.

/** `[what parse.ts has now, what it would have]` pairs. */
export const changes = [
  [
    `const parseUnsafe = (input: unknown): Result<BlingerWebhook> => {
  if (typeof input === 'string') return E.flatMap(parseJsonText(input), decodeValue);
  if (isBinary(input)) return E.flatMap(E.flatMap(bytesToText(toBytes(input)), parseJsonText), decodeValue);
  return decodeValue(input);
};`,
    `// Explicit isLeft checks rather than E.flatMap: fp-ts's dual() copies \`arguments\` and calls
// apply on every call, which costs more than JSON.parse of a small event (bench/README.md).
const parseTextThenDecode = (text: string): Result<BlingerWebhook> => {
  const value = parseJsonText(text);
  return E.isLeft(value) ? value : decodeValue(value.right);
};

const parseUnsafe = (input: unknown): Result<BlingerWebhook> => {
  if (typeof input === 'string') {
    // Hot path: JSON.parse straight away. A BOM, an empty body or a syntax error makes it throw;
    // parseJsonText then strips the BOM or names the reason.
    let value: unknown;
    try {
      value = JSON.parse(input);
    } catch {
      return parseTextThenDecode(input);
    }
    return decodeValue(value);
  }
  if (isBinary(input)) {
    const text = bytesToText(toBytes(input));
    return E.isLeft(text) ? text : parseTextThenDecode(text.right);
  }
  return decodeValue(input);
};`,
  ],
  [
    `  if (!isWebhookName(name)) return E.left(unknownEvent(name, value));
  const codec: EventDecoder = webhookCodecs[name];
  // The codecs never transform, so a value that passes the guard is the event; validate runs only
  // to explain a failure. The guard is generated from the codec (src/generated/guards.ts) and
  // accepts exactly what codec.is accepts, several times faster.
  const isEvent = webhookGuardFor(name);
  if (isEvent !== undefined && isEvent(value)) return E.right(value);
`,
    `  // The codecs never transform, so a value that passes the guard is the event; validate runs only
  // to explain a failure. The guard is generated from the codec (src/generated/guards.ts), accepts
  // exactly what codec.is accepts, and is found by a switch: looking the name up as an object key
  // (isWebhookName, webhookCodecs[name]) costs several percent of JSON.parse of a small event,
  // so that happens on the failure path only.
  const isEvent = webhookGuardFor(name);
  if (isEvent !== undefined && isEvent(value)) return E.right(value);
  if (!isWebhookName(name)) return E.left(unknownEvent(name, value));
  const codec: EventDecoder = webhookCodecs[name];
`,
  ],
];
