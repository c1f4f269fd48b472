-- DropIndex
DROP INDEX "Post_authorId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Post_authorId_createdAt_id_audience_hiddenAt_idx" ON "Post"("authorId", "createdAt" DESC, "id" DESC, "audience", "hiddenAt");
