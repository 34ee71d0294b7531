// app/api/loupe/[...path]/route.ts — the data API (admin reads, exports, annotations, end-user feedback).
import { loupe } from "./loupe";

export const { GET, POST } = loupe.handlers;
