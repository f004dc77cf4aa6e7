import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  assertSha256,
  FileMissingError,
  type FileSource,
  type FileStore,
  hashing,
  readWhole,
  type StoredFile,
} from "./file-store.js";

/** Where an S3-compatible store keeps files and how to reach it (`FILE_STORE=s3://bucket/prefix` and `S3_*`). */
export interface S3StoreSettings {
  bucket: string;
  /** Key prefix, empty or ending in "/". */
  prefix: string;
  /** Endpoint of a non-AWS service (MinIO, Ceph, 政务云 OSS); unset: AWS itself. */
  endpoint: string | undefined;
  region: string;
  /** Unset: the SDK's own chain (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path (`endpoint/bucket/key`) rather than the host name; MinIO and Ceph usually need it. */
  forcePathStyle: boolean;
}

/** Multipart part size: S3's minimum, so an upload holds at most one 5 MB part in memory. */
const PART_BYTES = 5 * 1024 * 1024;

/** Whether an SDK error says the object (or bucket) is not there. */
function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  return err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata.httpStatusCode === 404;
}

/**
 * Files in an S3-compatible object store through the official AWS SDK, under `prefix` with the disk store's
 * layout (`ab/cd/abcd…`), so a disk store copied with any S3 tool is already a valid bucket. Bytes are streamed to
 * a temporary key (multipart past 5 MB), hashed on the way, and copied to their hash's key only once verified; an
 * object appears whole or not at all, so a reader never sees half a file.
 */
export class S3FileStore implements FileStore {
  readonly kind = "s3";
  readonly location: string;
  private readonly client: S3Client;

  constructor(private readonly settings: S3StoreSettings) {
    this.location = `s3://${settings.bucket}/${settings.prefix}`;
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      // S3-compatible services (MinIO, Ceph, OSS) compute the SDK's newer default checksums differently, e.g. a
      // multipart object's CRC32: checksums only where the API requires them. Files are addressed by sha256 anyway.
      ...(settings.endpoint
        ? {
            endpoint: settings.endpoint,
            requestChecksumCalculation: "WHEN_REQUIRED" as const,
            responseChecksumValidation: "WHEN_REQUIRED" as const,
          }
        : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
    });
  }

  /** The object key of a hash. */
  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${this.settings.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(source: FileSource, options: { sha256?: string } = {}): Promise<StoredFile> {
    const Bucket = this.settings.bucket;
    // Kept apart from stored files; a bucket lifecycle rule may expire `.uploads/` left by a killed process.
    const temp = `${this.settings.prefix}.uploads/${randomUUID()}`;
    const hashed = hashing(source, options.sha256);
    try {
      const upload = new Upload({
        client: this.client,
        params: { Bucket, Key: temp, Body: Readable.from(hashed.chunks, { objectMode: false }) },
        partSize: PART_BYTES,
        queueSize: 1,
        leavePartsOnError: false,
      });
      await upload.done();
      const stored = hashed.result();
      const Key = this.keyOf(stored.sha256);
      if (!(await this.has(stored.sha256)))
        await this.client.send(new CopyObjectCommand({ Bucket, Key, CopySource: `${Bucket}/${temp}` }));
      return stored;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket, Key: temp })).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number }> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      // In Node the SDK's body is an http.IncomingMessage, a Readable.
      return { stream: res.Body as Readable, size: Number(res.ContentLength ?? 0) };
    } catch (err) {
      if (isNotFound(err)) throw new FileMissingError(sha256, this.location);
      throw err;
    }
  }

  async get(sha256: string): Promise<Buffer> {
    return readWhole((await this.open(sha256)).stream);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
