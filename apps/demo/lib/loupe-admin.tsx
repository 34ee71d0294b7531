import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "./current-user";

// PLACEHOLDER until @loupe/ui/admin is built; then this file becomes:
//   import { createLoupeAdmin } from "@loupe/ui/admin";
//   import { loupe } from "./loupe";
//   const admin = createLoupeAdmin({ loupe, basePath: "/admin/llm", apiBasePath: "/api/loupe" });
//   export default admin.Page;
//   export const generateMetadata = admin.generateMetadata;

/** The admin page's metadata: never indexed. */
export async function generateMetadata(): Promise<Metadata> {
  return { title: "LLM admin · Loupe", robots: { index: false, follow: false } };
}

/** The Loupe dashboard (admins only; everyone else gets a 404). */
export default async function LoupeAdminPage() {
  if (!(await currentUser())?.admin) notFound();
  return <main className="p-6">The Loupe dashboard (@loupe/ui/admin) is not built yet.</main>;
}
