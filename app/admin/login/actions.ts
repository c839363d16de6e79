"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { loginClientKey, startAdminSession } from "@/lib/admin/auth";
import { adminConfig } from "@/lib/admin/config";
import { checkLogin } from "@/lib/admin/login";
import { safeReturnPath } from "@/lib/admin/paths";

export interface LoginState {
  error?: string;
}

const loginForm = z.object({
  password: z.string().max(1024, "That password is too long."),
  next: z.string().max(2048).optional(),
});

export async function logIn(_previous: LoginState, form: FormData): Promise<LoginState> {
  const parsed = loginForm.safeParse({ password: form.get("password") ?? "", next: form.get("next") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid form." };
  if (!parsed.data.password) return { error: "Enter the admin password." };
  const config = adminConfig();
  const result = await checkLogin(config, await loginClientKey(), parsed.data.password);
  if (!result.ok || !config.enabled) return { error: result.ok ? "The admin area is disabled." : result.error };
  await startAdminSession(config.key);
  redirect(safeReturnPath(parsed.data.next));
}
