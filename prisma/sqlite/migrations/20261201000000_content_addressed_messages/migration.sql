-- CreateTable
CREATE TABLE "loupe_messages" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "loupe_message_lists" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "parent_hash" TEXT,
    "message_hash" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text_content" BOOLEAN NOT NULL DEFAULT false
);

