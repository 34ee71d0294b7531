/** Tailwind 4 through PostCSS (the demo's own styles; the admin ships its own CSS). */
const config = { plugins: { "@tailwindcss/postcss": {} } };
export default config;
