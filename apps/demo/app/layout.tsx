import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Loupe demo chat",
  description: "A streaming chat with tools on the Vercel AI SDK, observed by Loupe.",
};

/** Root layout: system fonts (no font download, works offline). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-zinc-50 font-sans text-zinc-900 antialiased">{children}</body>
    </html>
  );
}
