import { createPostgresStore } from "@loupe/middleware";
import { describeDashboardQueries } from "@loupe/middleware/testing";
import { freshPostgresDatabase } from "../support/postgres.js";

// The dashboard's read models on Postgres (the SQLite run is in packages/middleware).
describeDashboardQueries("postgres", async () => createPostgresStore({ url: await freshPostgresDatabase("dashboard") }));
// …and on the native `pg` client (timestamps must read as UTC whatever the process's zone).
describeDashboardQueries("postgres (native driver)", async () => createPostgresStore({ url: await freshPostgresDatabase("dashboard_native"), driver: "native" }));
