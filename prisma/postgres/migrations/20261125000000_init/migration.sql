-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "loupe_traces" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "user_id" TEXT,
    "session_id" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "environment" TEXT NOT NULL DEFAULT 'default',
    "release" TEXT,
    "version" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'app',
    "start_time" TIMESTAMP(3) NOT NULL,
    "end_time" TIMESTAMP(3),
    "latency_ms" INTEGER,
    "ttft_ms" INTEGER,
    "level" TEXT NOT NULL DEFAULT 'DEFAULT',
    "status_message" TEXT,
    "models" TEXT,
    "input_preview" TEXT,
    "output_preview" TEXT,
    "observation_count" INTEGER NOT NULL DEFAULT 0,
    "generation_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "cache_read_tokens" INTEGER NOT NULL DEFAULT 0,
    "cache_write_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "input_cost" DOUBLE PRECISION,
    "output_cost" DOUBLE PRECISION,
    "total_cost" DOUBLE PRECISION,
    "unpriced_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_traces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_observations" (
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "type" TEXT NOT NULL,
    "name" TEXT,
    "start_time" TIMESTAMP(3) NOT NULL,
    "end_time" TIMESTAMP(3),
    "completion_start_time" TIMESTAMP(3),
    "latency_ms" INTEGER,
    "model" TEXT,
    "provider" TEXT,
    "model_parameters" TEXT,
    "level" TEXT NOT NULL DEFAULT 'DEFAULT',
    "status_message" TEXT,
    "finish_reason" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "input_tokens" INTEGER,
    "cache_read_tokens" INTEGER,
    "cache_write_tokens" INTEGER,
    "output_tokens" INTEGER,
    "reasoning_tokens" INTEGER,
    "total_tokens" INTEGER,
    "input_cost" DOUBLE PRECISION,
    "output_cost" DOUBLE PRECISION,
    "total_cost" DOUBLE PRECISION,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_observations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_payloads" (
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "input" TEXT,
    "output" TEXT,
    "metadata" TEXT,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_payloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_scores" (
    "id" TEXT NOT NULL,
    "trace_id" TEXT,
    "observation_id" TEXT,
    "session_id" TEXT,
    "name" TEXT NOT NULL,
    "data_type" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "string_value" TEXT,
    "comment" TEXT,
    "source" TEXT NOT NULL,
    "author_id" TEXT,
    "evaluator_id" TEXT,
    "user_id" TEXT,
    "environment" TEXT,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "first_trace_at" TIMESTAMP(3) NOT NULL,
    "last_trace_at" TIMESTAMP(3) NOT NULL,
    "trace_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "total_cost" DOUBLE PRECISION,

    CONSTRAINT "loupe_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_usage_daily" (
    "day" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'app',
    "trace_count" INTEGER NOT NULL DEFAULT 0,
    "error_trace_count" INTEGER NOT NULL DEFAULT 0,
    "generation_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_read_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "unpriced_count" INTEGER NOT NULL DEFAULT 0,
    "latency_ms_sum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "loupe_usage_daily_pkey" PRIMARY KEY ("day","user_id","environment","model","kind")
);

-- CreateTable
CREATE TABLE "loupe_score_daily" (
    "day" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "score_count" INTEGER NOT NULL DEFAULT 0,
    "value_count" INTEGER NOT NULL DEFAULT 0,
    "value_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "positive_count" INTEGER NOT NULL DEFAULT 0,
    "negative_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "loupe_score_daily_pkey" PRIMARY KEY ("day","environment","source","name")
);

-- CreateTable
CREATE TABLE "loupe_latency_hourly" (
    "hour" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'app',
    "metric" TEXT NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "loupe_latency_hourly_pkey" PRIMARY KEY ("hour","environment","kind","metric","bin")
);

-- CreateTable
CREATE TABLE "loupe_model_prices" (
    "id" TEXT NOT NULL,
    "model_name" TEXT NOT NULL,
    "match_pattern" TEXT NOT NULL,
    "provider" TEXT,
    "start_date" TIMESTAMP(3) NOT NULL,
    "input_price" DOUBLE PRECISION NOT NULL,
    "cached_input_price" DOUBLE PRECISION,
    "cache_write_price" DOUBLE PRECISION,
    "output_price" DOUBLE PRECISION NOT NULL,
    "tiers" TEXT,
    "is_custom" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_model_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_prompts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "labels" TEXT NOT NULL DEFAULT '[]',
    "type" TEXT NOT NULL DEFAULT 'text',
    "template" TEXT NOT NULL,
    "config" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_prompts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_datasets" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metadata" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_dataset_items" (
    "id" TEXT NOT NULL,
    "dataset_id" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "expected_output" TEXT,
    "metadata" TEXT,
    "source_trace_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_dataset_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_experiment_runs" (
    "id" TEXT NOT NULL,
    "dataset_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metadata" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_experiment_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_experiment_run_items" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "dataset_item_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "observation_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_experiment_run_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loupe_evaluator_configs" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "evaluator" TEXT NOT NULL,
    "score_name" TEXT NOT NULL,
    "model" TEXT,
    "settings" TEXT,
    "sampling_rate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "filter" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "max_cost_per_day" DOUBLE PRECISION,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_evaluator_configs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "loupe_traces_start_idx" ON "loupe_traces"("start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "loupe_traces_user_idx" ON "loupe_traces"("user_id", "start_time" DESC);

-- CreateIndex
CREATE INDEX "loupe_traces_session_idx" ON "loupe_traces"("session_id", "start_time");

-- CreateIndex
CREATE INDEX "loupe_traces_name_idx" ON "loupe_traces"("name", "start_time" DESC);

-- CreateIndex
CREATE INDEX "loupe_traces_env_idx" ON "loupe_traces"("environment", "start_time" DESC);

-- CreateIndex
CREATE INDEX "loupe_observations_trace_idx" ON "loupe_observations"("trace_id", "start_time");

-- CreateIndex
CREATE INDEX "loupe_payloads_trace_idx" ON "loupe_payloads"("trace_id");

-- CreateIndex
CREATE INDEX "loupe_scores_trace_idx" ON "loupe_scores"("trace_id");

-- CreateIndex
CREATE INDEX "loupe_scores_session_idx" ON "loupe_scores"("session_id");

-- CreateIndex
CREATE INDEX "loupe_scores_name_idx" ON "loupe_scores"("name", "timestamp");

-- CreateIndex
CREATE INDEX "loupe_scores_timestamp_idx" ON "loupe_scores"("timestamp", "source", "value");

-- CreateIndex
CREATE INDEX "loupe_scores_user_idx" ON "loupe_scores"("user_id", "timestamp");

-- CreateIndex
CREATE INDEX "loupe_sessions_last_idx" ON "loupe_sessions"("last_trace_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "loupe_sessions_user_idx" ON "loupe_sessions"("user_id", "last_trace_at");

-- CreateIndex
CREATE INDEX "loupe_usage_daily_user_idx" ON "loupe_usage_daily"("user_id", "day");

-- CreateIndex
CREATE INDEX "loupe_model_prices_model_idx" ON "loupe_model_prices"("model_name", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "loupe_prompts_name_version_key" ON "loupe_prompts"("name", "version");

-- CreateIndex
CREATE UNIQUE INDEX "loupe_datasets_name_key" ON "loupe_datasets"("name");

-- CreateIndex
CREATE INDEX "loupe_dataset_items_dataset_idx" ON "loupe_dataset_items"("dataset_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "loupe_experiment_runs_dataset_name_key" ON "loupe_experiment_runs"("dataset_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "loupe_experiment_run_items_run_item_key" ON "loupe_experiment_run_items"("run_id", "dataset_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "loupe_evaluator_configs_name_key" ON "loupe_evaluator_configs"("name");

