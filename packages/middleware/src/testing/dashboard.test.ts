import { tempSqliteStore } from "./temp-store.js";
import { describeDashboardQueries } from "./dashboard-suite.js";

describeDashboardQueries("sqlite", tempSqliteStore);
