"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useInView } from "react-intersection-observer";

/** How far off screen a section starts drawing and polling: about a phone screen ahead of the reader. */
const AHEAD = "800px 0px";

const InViewContext = createContext(true);

/**
 * Whether the section around the caller is on or near the screen (true outside any LazySection): its queries poll only
 * then, so a long page updates what is read, not everything below the fold every few seconds.
 */
export function useSectionInView(): boolean {
  return useContext(InViewContext);
}

/**
 * A titled section of a long live page whose content is drawn the first time it comes near the screen and stays drawn
 * after; until then a placeholder of `minHeight` holds its place, so the page does not jump as sections arrive.
 */
export function LazySection({ id, title, minHeight = 240, children }: { id: string; title: string; minHeight?: number; children: ReactNode }) {
  const [drawn, setDrawn] = useState(false);
  const { ref, inView } = useInView({ rootMargin: AHEAD, onChange: (near) => near && setDrawn(true) });
  return (
    <section ref={ref} aria-labelledby={id} className="min-w-0 space-y-3" style={drawn ? undefined : { minHeight }} data-drawn={drawn}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {drawn ? <InViewContext.Provider value={inView}>{children}</InViewContext.Provider> : <p className="text-sm text-muted">Loading…</p>}
    </section>
  );
}
