/** The iRacing pages' kept copies carry this tag (lib/ui/cached-view.ts); every sync step that wrote expires it (syncs.ts). */
export const IRACING_CACHE_TAG = "iracing-data";
