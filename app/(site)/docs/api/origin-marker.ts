/**
 * The page is rendered once at build time (it only changes with the code), so the address clients reach Pitwall at is
 * filled in by the browser: examples are written with ORIGIN and show `location.origin` once the page runs (a relative
 * address before that; origin.tsx). A plain module: a constant exported by a client module is a reference on the server.
 */
export const ORIGIN = "__PITWALL_ORIGIN__";
