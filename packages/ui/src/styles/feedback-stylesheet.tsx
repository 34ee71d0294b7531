import { feedbackCss } from "./feedback-css.generated.js";

/** The feedback widget's small stylesheet, hoisted to <head> and deduplicated by React 19. */
export function FeedbackStylesheet() {
  return (
    <style href="loupe-ui-feedback" precedence="default">
      {feedbackCss}
    </style>
  );
}
