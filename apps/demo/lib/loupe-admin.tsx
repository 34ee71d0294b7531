import { createLoupeAdmin } from "@loupe/ui/admin";
import { loupe } from "./loupe";

const admin = createLoupeAdmin({ loupe, basePath: "/admin/llm", apiBasePath: "/api/loupe", title: "Loupe demo · LLM observability" });

/** The Loupe dashboard page (404 for everyone but the admin user; never indexed). */
export default admin.LoupeAdminPage;
/** The dashboard's metadata (noindex). */
export const generateMetadata = admin.generateMetadata;
