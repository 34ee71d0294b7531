import { tempSqliteStore } from "../../testing/temp-store.js";
import { describeDashboardQueries } from "./dashboard-suite.js";

describeDashboardQueries("sqlite", tempSqliteStore);
