/**
 * Evaluated once per reusable V8 context, before any workflow (the worker bundle's
 * `preloadModules`), so its imports land in the context's shared module cache instead of being
 * evaluated again for every workflow: the FEEL interpreter with its lezer parser tables and the
 * Temporal date polyfill it carries. Naming `feelin` in `preloadModules` directly does nothing:
 * it declares `sideEffects: false`, so webpack drops a require whose result is unused. This
 * module re-exports it, which keeps it.
 */
export * as feelin from 'feelin';
