// Route handlers are bundled separately; a global keeps one list per server process.
const store = globalThis as typeof globalThis & { blingerReceived?: string[] };

export const received: string[] = (store.blingerReceived ??= []);
