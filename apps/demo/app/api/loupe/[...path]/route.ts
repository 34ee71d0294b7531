import { loupe } from "@/lib/loupe";

export const { GET, POST } = loupe.handlers;
