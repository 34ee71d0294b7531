/**
 * @loupe/ui/feedback — the end-user thumbs widget (client component).
 */
export { LoupeFeedback, type LoupeFeedbackProps, type FeedbackValue } from "./loupe-feedback.js";
