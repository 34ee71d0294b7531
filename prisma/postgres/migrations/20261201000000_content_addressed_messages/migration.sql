-- CreateTable
CREATE TABLE "loupe_messages" (
    "hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loupe_messages_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "loupe_message_lists" (
    "hash" TEXT NOT NULL,
    "parent_hash" TEXT,
    "message_hash" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text_content" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "loupe_message_lists_pkey" PRIMARY KEY ("hash")
);

