import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndpointNav } from "../endpoint-nav";
import { Operation } from "../operation";
import { docsGroups } from "../reference-groups";

// One group of endpoints, rendered at build time like the overview.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return docsGroups().groups.map((group) => ({ group: group.slug }));
}

const groupOf = async (params: Promise<{ group: string }>) => {
  const { group: slug } = await params;
  const { groups } = docsGroups();
  return { groups, group: groups.find((candidate) => candidate.slug === slug) };
};

export async function generateMetadata({ params }: { params: Promise<{ group: string }> }): Promise<Metadata> {
  const { group } = await groupOf(params);
  return { title: group ? `${group.tag} API` : "API", description: group?.description };
}

export default async function ApiGroupPage({ params }: { params: Promise<{ group: string }> }) {
  const { groups, group } = await groupOf(params);
  if (!group) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/docs/api" className="text-accent underline underline-offset-2">
            Pitwall API
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{group.tag}</h1>
        <p className="max-w-3xl text-muted">{group.description}</p>
      </header>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <EndpointNav groups={groups} current={group.slug} />
        <div className="min-w-0 space-y-4">
          {group.operations.map((op) => (
            <Operation key={op.id} operation={op} />
          ))}
        </div>
      </div>
    </div>
  );
}
