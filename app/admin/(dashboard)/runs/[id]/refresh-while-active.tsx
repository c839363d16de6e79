"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the run page every second while the run is queued or running, then stops. */
export function RefreshWhileActive({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
