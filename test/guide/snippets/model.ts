// lib/model.ts — wrap your model once; every call through it is recorded.
import { openai } from "@ai-sdk/openai";
import { wrapLanguageModel } from "ai";
import { loupe } from "./loupe";

export const model = wrapLanguageModel({ model: openai("gpt-4o-mini"), middleware: loupe.middleware() });
