import { APICallError, type LanguageModelV4 } from "@ai-sdk/provider";

/** Provider failures the seed injects (what real traffic sees now and then). */
export const FAULTS = [
  { status: 429, message: "Rate limit reached for requests. Please try again in 20s." },
  { status: 500, message: "The server had an error while processing your request." },
  { status: 529, message: "Overloaded" },
  { status: 400, message: "This model's maximum context length is 128000 tokens." },
] as const;

/** Wraps a model so that its next call fails like a provider would (HTTP error). */
export function failingModel(model: LanguageModelV4, fault: (typeof FAULTS)[number]): LanguageModelV4 {
  const error = () =>
    new APICallError({
      message: fault.message,
      url: `https://api.${model.provider.split(".")[0]}.example/v1/chat`,
      requestBodyValues: {},
      statusCode: fault.status,
      isRetryable: fault.status >= 429,
    });
  return {
    ...model,
    specificationVersion: "v4",
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: async () => {
      throw error();
    },
    doStream: async () => {
      throw error();
    },
  };
}
