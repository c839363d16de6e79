"use server";

import { redirect } from "next/navigation";
import { endAdminSession } from "@/lib/admin/auth";
import { LOGIN_PATH } from "@/lib/admin/paths";

export async function logOut(): Promise<void> {
  await endAdminSession();
  redirect(LOGIN_PATH);
}
