-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('USD', 'EUR');

-- CreateEnum
CREATE TYPE "LedgerAccountKind" AS ENUM ('WALLET', 'HOLDING', 'SELLER_PAYABLE', 'PLATFORM_REVENUE', 'PLATFORM_FEES', 'STRIPE_CLEARING', 'PROMOTIONS');

-- CreateEnum
CREATE TYPE "CardPaymentStatus" AS ENUM ('OPEN', 'PAID', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "ChargeStatus" AS ENUM ('PENDING', 'SETTLED', 'FAILED');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "RedPacketMode" AS ENUM ('EQUAL', 'RANDOM');

-- CreateEnum
CREATE TYPE "RedPacketStatus" AS ENUM ('OPEN', 'FINISHED', 'EXPIRED');

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "currency" "Currency" NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "mayGoNegative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerPosting" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "meta" JSONB NOT NULL DEFAULT '{}',
    "reversesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "postingId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardPayment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "chargeId" TEXT,
    "amount" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL,
    "status" "CardPaymentStatus" NOT NULL DEFAULT 'OPEN',
    "paymentIntentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "CardPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Charge" (
    "id" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "payeeId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL DEFAULT 0,
    "refunded" BIGINT NOT NULL DEFAULT 0,
    "currency" "Currency" NOT NULL,
    "status" "ChargeStatus" NOT NULL DEFAULT 'PENDING',
    "method" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "receiverId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedPacket" (
    "id" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "total" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL,
    "shareCount" INTEGER NOT NULL,
    "mode" "RedPacketMode" NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "eligibleIds" TEXT[],
    "status" "RedPacketStatus" NOT NULL DEFAULT 'OPEN',
    "idempotencyKey" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedPacket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedPacketShare" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "claimantId" TEXT,
    "claimedAt" TIMESTAMP(3),

    CONSTRAINT "RedPacketShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_kind_ownerId_currency_key" ON "LedgerAccount"("kind", "ownerId", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerPosting_idempotencyKey_key" ON "LedgerPosting"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerPosting_reversesId_key" ON "LedgerPosting"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerEntry_postingId_idx" ON "LedgerEntry"("postingId");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_id_idx" ON "LedgerEntry"("accountId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CardPayment_sessionId_key" ON "CardPayment"("sessionId");

-- CreateIndex
CREATE INDEX "CardPayment_personId_createdAt_idx" ON "CardPayment"("personId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Charge_idempotencyKey_key" ON "Charge"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Charge_payerId_createdAt_idx" ON "Charge"("payerId", "createdAt");

-- CreateIndex
CREATE INDEX "Charge_purpose_reference_idx" ON "Charge"("purpose", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_idempotencyKey_key" ON "Transfer"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Transfer_senderId_createdAt_idx" ON "Transfer"("senderId", "createdAt");

-- CreateIndex
CREATE INDEX "Transfer_receiverId_createdAt_idx" ON "Transfer"("receiverId", "createdAt");

-- CreateIndex
CREATE INDEX "Transfer_status_expiresAt_idx" ON "Transfer"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "RedPacket_idempotencyKey_key" ON "RedPacket"("idempotencyKey");

-- CreateIndex
CREATE INDEX "RedPacket_senderId_createdAt_idx" ON "RedPacket"("senderId", "createdAt");

-- CreateIndex
CREATE INDEX "RedPacket_status_expiresAt_idx" ON "RedPacket"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "RedPacketShare_packetId_position_key" ON "RedPacketShare"("packetId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RedPacketShare_packetId_claimantId_key" ON "RedPacketShare"("packetId", "claimantId");

-- Guards the database keeps whatever the code above it does. They are triggers raising
-- check_violation rather than CHECK constraints: see docs/decisions/003-ledger-guards-as-triggers.md.

-- People's accounts never go below zero; only system accounts (clearing, promotions) may.
CREATE FUNCTION plaza_ledger_account_not_negative() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW."mayGoNegative" AND NEW.balance < 0 THEN
    RAISE EXCEPTION 'ledger account % would go below zero', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "LedgerAccount_balance_not_negative" BEFORE INSERT OR UPDATE ON "LedgerAccount"
  FOR EACH ROW EXECUTE FUNCTION plaza_ledger_account_not_negative();

-- A transfer, a red-packet share or a charge of nothing (or less) is not money.
CREATE FUNCTION plaza_amount_positive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount <= 0 THEN
    RAISE EXCEPTION '% amount must be positive', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Transfer_amount_positive" BEFORE INSERT OR UPDATE ON "Transfer" FOR EACH ROW EXECUTE FUNCTION plaza_amount_positive();
CREATE TRIGGER "RedPacketShare_amount_positive" BEFORE INSERT OR UPDATE ON "RedPacketShare" FOR EACH ROW EXECUTE FUNCTION plaza_amount_positive();

-- A charge's fee and refunds stay within its amount.
CREATE FUNCTION plaza_charge_amounts_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount <= 0 OR NEW.fee < 0 OR NEW.fee > NEW.amount OR NEW.refunded < 0 OR NEW.refunded > NEW.amount THEN
    RAISE EXCEPTION 'charge % amounts out of range', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Charge_amounts_valid" BEFORE INSERT OR UPDATE ON "Charge" FOR EACH ROW EXECUTE FUNCTION plaza_charge_amounts_valid();
