// app/admin/llm/[[...path]]/page.tsx — the one line that mounts the dashboard.
export { LoupeAdminPage as default, generateMetadata } from "./loupe-admin";
