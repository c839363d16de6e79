import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentAdminSession } from "@/lib/admin/auth";
import { adminConfig } from "@/lib/admin/config";
import { disabledMessage } from "@/lib/admin/login";
import { safeReturnPath } from "@/lib/admin/paths";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Admin login", robots: { index: false } };

const searchSchema = z.object({ next: z.string().optional() });

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next } = readSearchParams(searchSchema, await searchParams);
  const returnTo = safeReturnPath(next);
  if (await currentAdminSession()) redirect(returnTo);
  const config = adminConfig();

  return (
    <div className="mx-auto max-w-sm pt-6 sm:pt-12">
      <div className="rounded-lg border border-border bg-surface p-5 shadow-sm sm:p-6">
        <h1 className="text-lg font-semibold tracking-tight">Admin</h1>
        <p className="mt-1 text-sm text-muted">Sync runs, their progress and the upstream API ledger.</p>
        <div className="mt-5">
          {config.enabled ? (
            <LoginForm next={returnTo} />
          ) : (
            <div role="status" className="space-y-3 text-sm">
              <p className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-warn">{disabledMessage(config.missing)}</p>
              <p className="text-muted">For example:</p>
              <pre className="overflow-x-auto rounded-md bg-surface-2 px-3 py-2 font-mono text-xs">
                {`ADMIN_PASSWORD="$(openssl rand -base64 18)"\nSESSION_SECRET="$(openssl rand -hex 32)"`}
              </pre>
              <p className="text-muted">
                <code className="font-mono">npm run demo</code> sets both and prints the password.
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
