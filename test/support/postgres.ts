import pg from "pg";

/**
 * Creates an empty database on the test server started by scripts/pg.sh and returns
 * its URL. Throws (never skips) when no server is configured: Postgres tests must run.
 */
export async function freshPostgresDatabase(label: string): Promise<string> {
  const url = process.env.LOUPE_TEST_PG_URL;
  if (!url) {
    throw new Error(
      "LOUPE_TEST_PG_URL is not set: Postgres tests need the server that scripts/pg.sh starts. Run them with `npm test`.",
    );
  }
  const name = `loupe_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
