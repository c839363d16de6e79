import type { Metadata } from "next";
import type { ReactNode } from "react";
import { dependsOn } from "@/lib/cache";
import { viewSearchParams } from "./cached-view";
import type { SearchParams } from "./search-params";

type PageProps<P> = { params: Promise<P>; searchParams: Promise<SearchParams> };
type ViewProps<P> = { params: Promise<P & { view: string }> };

/**
 * The page that renders a public page's views (lib/ui/cached-view.ts): the public page, given the query its view
 * holds. Its kept copy is expired with `tag`, the tag of the data it shows; without one, only by its time step and
 * its route's `revalidate`.
 */
export function viewPage<P extends object>(Page: (props: PageProps<P>) => ReactNode | Promise<ReactNode>, tag?: string) {
  return async function ViewPage({ params }: ViewProps<P>) {
    if (tag) await dependsOn(tag);
    return <Page params={params} searchParams={viewSearchParams(params)} />;
  };
}

/** The public page's metadata for one of its views. */
export function viewMetadata<P extends object>(metadata: (props: PageProps<P>) => Promise<Metadata>) {
  return ({ params }: ViewProps<P>) => metadata({ params, searchParams: viewSearchParams(params) });
}
