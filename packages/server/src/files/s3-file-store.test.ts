import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { type MotoServer, motoSkipReason, s3TestsRequired, startMoto } from "../test/moto-process.js";
import { describeFileStoreContract } from "./file-store.contract.js";
import { S3FileStore, type S3StoreSettings } from "./s3-file-store.js";

const skipReason = motoSkipReason();
// In CI a missing S3 test server is a failure: the contract below must have run against S3.
if (skipReason && s3TestsRequired)
  describe("the S3 test server", () => {
    it("is installed (REQUIRE_S3_TESTS=1)", () => {
      expect.fail(skipReason);
    });
  });
else if (skipReason) console.warn(`S3 file store tests skipped: ${skipReason}`);

/** Every key of the bucket under the prefix, temporary uploads included. */
async function keysOf(settings: S3StoreSettings): Promise<string[]> {
  const client = new S3Client(settings);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: settings.bucket,
        Prefix: settings.prefix,
        ContinuationToken: token,
      }),
    );
    keys.push(...(page.Contents ?? []).map((o) => `${o.Key} ${o.Size}`));
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return keys.sort();
}

if (!skipReason) {
  let moto: MotoServer | undefined;
  describeFileStoreContract("S3 (moto)", async () => {
    moto = await startMoto();
    const settings = await moto.bucket("duban/files/");
    const store = new S3FileStore(settings);
    return {
      store,
      contents: () => keysOf(settings),
      cleanup: async () => {
        await store.close();
        await moto?.stop();
      },
    };
  });

  describe("S3 file store layout", () => {
    it("keys a file by its hash under the prefix, as the disk store lays out its folders", () => {
      const store = new S3FileStore({
        bucket: "b",
        prefix: "p/",
        endpoint: undefined,
        region: "us-east-1",
        credentials: undefined,
        forcePathStyle: false,
      });
      const sha = "ab".repeat(32);
      expect(store.keyOf(sha)).toBe(`p/ab/ab/${sha}`);
      expect(store.location).toBe("s3://b/p/");
    });
  });
}
