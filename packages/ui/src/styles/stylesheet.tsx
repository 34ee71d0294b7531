import { adminCss } from "./admin-css.generated.js";

/**
 * Loupe's admin stylesheet as a React 19 hoistable `<style>`: React moves it to <head>
 * and renders it once however many times it appears, so the host needs no CSS import.
 */
export function AdminStylesheet() {
  return (
    <style href="loupe-ui-admin" precedence="default">
      {adminCss}
    </style>
  );
}
