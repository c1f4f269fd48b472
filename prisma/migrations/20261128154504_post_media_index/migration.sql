-- CreateIndex
CREATE INDEX "Post_mediaIds_idx" ON "Post" USING GIN ("mediaIds");
