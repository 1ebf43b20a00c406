import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanad/core';
import { BlobStorage } from '@sanad/storage';
import type { Readable } from 'node:stream';
import { BrandingRepository } from '../branding.repository';
import { hashOfImageFile } from './brand-image-url.util';

/** A stored brand image, served publicly by its content hash. */
@Injectable()
export class BrandImagesService {
  constructor(
    private readonly repo: BrandingRepository,
    private readonly storage: BlobStorage,
  ) {}

  async open(file: string): Promise<{ contentType: string; bytes: number; stream: Readable }> {
    const hash = hashOfImageFile(file);
    const image = hash ? await this.repo.findImage(hash) : null;
    const stream = image ? await this.storage.get(`brand/${image.hash}`) : null;
    if (!image || !stream) throw new DomainError('brand/image_not_found');
    return { contentType: image.contentType, bytes: image.bytes, stream };
  }
}
