-- CreateEnum
CREATE TYPE "RoomStatus" AS ENUM ('IN_SERVICE', 'OUT_OF_SERVICE');

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "name" TEXT,
ADD COLUMN     "status" "RoomStatus" NOT NULL DEFAULT 'IN_SERVICE';

