// lib/loupe-admin.ts — the admin pages, behind the same authorize.
import { createLoupeAdmin } from "@loupe/ui/admin";
import { loupe } from "./loupe";

export const { LoupeAdminPage, generateMetadata } = createLoupeAdmin({ loupe, basePath: "/admin/llm" });
