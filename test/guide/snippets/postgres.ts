// lib/loupe.ts in production — Postgres instead of the embedded SQLite file.
import { createLoupe } from "@loupe/middleware";

export const loupe = createLoupe({
  databaseUrl: process.env.DATABASE_URL, // postgres://… — Loupe migrates its tables on start
  authorize: async (request) => request.headers.get("x-admin-token") === process.env.ADMIN_TOKEN,
  sampleRate: 1,
  mask: (value) => JSON.parse(JSON.stringify(value).replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, "[email]")),
  budget: { perUserDailyUsd: 2 }, // over-budget users get LoupeBudgetExceededError before the model is called
});
