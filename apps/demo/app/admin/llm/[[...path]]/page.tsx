export { default, generateMetadata } from "@/lib/loupe-admin";
