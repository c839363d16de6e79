"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "./copy-button";

import { ORIGIN } from "./origin-marker";

const never = () => () => {};

function useOrigin(): string {
  return useSyncExternalStore(never, () => window.location.origin, () => "");
}

/** `text` with this site's address in place of ORIGIN. */
export function WithOrigin({ text }: { text: string }) {
  return text.replaceAll(ORIGIN, useOrigin());
}

/** The copy button of an example written with ORIGIN. */
export function CopyWithOrigin({ text, label }: { text: string; label: string }) {
  const origin = useOrigin();
  return <CopyButton text={text.replaceAll(ORIGIN, origin)} label={label} />;
}
