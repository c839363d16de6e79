import type { Metadata } from "next";
import { AdminNav } from "./admin-nav";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Pitwall" }, robots: { index: false } };

/** The admin shell. Access is checked by every page and action itself (layouts do not re-run on navigation). */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-5">
      <AdminNav />
      {children}
    </div>
  );
}
