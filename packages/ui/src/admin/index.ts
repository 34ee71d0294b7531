/**
 * @loupe/ui/admin — the drop-in admin dashboard (server entry).
 */
export {
  createLoupeAdmin,
  type LoupeAdmin,
  type LoupeAdminOptions,
  type LoupeAdminPageProps,
  type LoupeAdminSource,
  type AdminStore,
} from "./create-loupe-admin.js";
