-- AlterTable
ALTER TABLE "user" ADD COLUMN     "visitSince" TIMESTAMPTZ(3);
