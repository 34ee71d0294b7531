import { createPostgresStore } from "@loupe/middleware";
import { describeStoreConformance } from "@loupe/middleware/testing";
import { freshPostgresDatabase } from "../support/postgres.js";

describeStoreConformance("postgres", async () => createPostgresStore({ url: await freshPostgresDatabase("conformance") }));

// The writer thread's store: the same SQL straight on a `pg` pool, without Prisma.
describeStoreConformance("postgres (native driver)", async () => createPostgresStore({ url: await freshPostgresDatabase("conformance_native"), driver: "native" }));
