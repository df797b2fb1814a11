// Imported first by server.ts, before anything loads Next. tsx, which runs server.ts, turns source
// maps on for its own stack traces; Node would then parse the map of every module Next loads and
// map the stack of every error. Under a stream of refused requests (trust.spec.ts's webhook fuzz)
// that held 100-200 MB more heap than `next start`, which runs without them.
process.setSourceMapsEnabled(false);
