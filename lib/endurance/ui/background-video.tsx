"use client";

import { useSyncExternalStore } from "react";
import { button } from "@/lib/ui/controls";
import { storedSetting } from "@/lib/ui/stored-setting";

// The original tracker could play a video behind its dashboard. Here it is the operator's choice (a file in public/),
// faint under a veil of the page colour so text keeps its contrast, and the visitor's to switch off (kept in the
// browser). It never plays for those who ask for reduced motion, on phone-sized screens (data and battery), or with
// data saving on; the server renders none, so nothing starts before the browser has said which of these apply.

const switchedOff = storedSetting("pitwall-endurance-video-off", (raw) => raw === "1", true);
const NO_VIDEO_MEDIA = "(prefers-reduced-motion: reduce), (max-width: 767px)";

interface NetworkInformation {
  saveData?: boolean;
}

function subscribe(onChange: () => void): () => void {
  const media = matchMedia(NO_VIDEO_MEDIA);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** Whether this browser may play it at all (before the visitor's own switch). */
function videoAllowed(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return !matchMedia(NO_VIDEO_MEDIA).matches && connection?.saveData !== true;
}

/** The video behind the page, and the switch for it (rendered where the page's controls are). */
export function BackgroundVideo({ src }: { src: string }) {
  const allowed = useSyncExternalStore(subscribe, videoAllowed, () => false);
  const off = switchedOff.use();
  if (!allowed) return null;

  const toggle = () => switchedOff.save(off ? null : "1");
  return (
    <>
      <button type="button" className={button} aria-pressed={!off} onClick={toggle} data-testid="background-video-toggle">
        Background video
      </button>
      {off ? null : (
        <div aria-hidden="true" className="pointer-events-none fixed inset-0 -z-10 overflow-hidden" data-testid="background-video">
          <video src={src} autoPlay muted loop playsInline className="h-full w-full object-cover" />
          {/* 92 %: muted text keeps 4.5:1 over a black frame in the light theme and a white one in the dark. */}
          <div className="absolute inset-0 bg-bg/92" />
        </div>
      )}
    </>
  );
}
