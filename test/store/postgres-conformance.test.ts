import { createPostgresStore } from "@loupe/middleware";
import { describeStoreConformance } from "@loupe/middleware/testing";
import { freshPostgresDatabase } from "../support/postgres.js";

describeStoreConformance("postgres", async () => createPostgresStore({ url: await freshPostgresDatabase("conformance") }));
