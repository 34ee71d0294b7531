/** A demo user (there are no passwords: the sign-in page just picks one). */
export interface DemoUser {
  id: string;
  name: string;
  /** Admins can open /admin/llm. */
  admin: boolean;
  blurb: string;
}

/** The users the sign-in page offers. Only "admin" may open the Loupe dashboard. */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: "ada", name: "Ada Lovelace", admin: false, blurb: "Asks about numbers and the weather" },
  { id: "grace", name: "Grace Hopper", admin: false, blurb: "Reads the docs a lot" },
  { id: "linus", name: "Linus Torvalds", admin: false, blurb: "Checks stock prices" },
  { id: "margaret", name: "Margaret Hamilton", admin: false, blurb: "Plans trips" },
  { id: "admin", name: "Admin", admin: true, blurb: "Can open the Loupe dashboard at /admin/llm" },
];

/** The demo user with this id, if any. */
export function findUser(id: string | undefined | null): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.id === id);
}
