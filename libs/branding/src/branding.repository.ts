import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import type { BrandImage } from './images/brand-image.reader';

export interface StoredBrandImage {
  hash: string;
  contentType: string;
  bytes: number;
}

/** Brand images by content hash. */
@Injectable()
export class BrandingRepository {
  constructor(private readonly db: Db) {}

  /** Kept once per content: the same bytes uploaded again (anywhere) are the same row. */
  async insertImages(images: BrandImage[]): Promise<void> {
    if (images.length === 0) return;
    await this.db.query(
      `INSERT INTO brand_images (hash, content_type, width, height, bytes)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[])
       ON CONFLICT (hash) DO NOTHING`,
      [
        images.map((i) => i.hash),
        images.map((i) => i.contentType),
        images.map((i) => i.width),
        images.map((i) => i.height),
        images.map((i) => i.data.length),
      ],
    );
  }

  async findImage(hash: string): Promise<StoredBrandImage | null> {
    const rows = await this.db.query<Array<{ hash: string; content_type: string; bytes: number }>>(
      'SELECT hash, content_type, bytes FROM brand_images WHERE hash = $1',
      [hash],
    );
    return rows[0]
      ? { hash: rows[0].hash, contentType: rows[0].content_type, bytes: rows[0].bytes }
      : null;
  }
}
