import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { insertNew } from '@sanad/database';
import { Contact } from './entities/contact.entity';

/** Contact rows, always within one workspace. */
@Injectable()
export class ContactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByExternalId(
    workspaceId: string,
    externalId: string,
    manager?: EntityManager,
  ): Promise<Contact | null> {
    return this.m(manager).findOne(Contact, { where: { workspaceId, externalId } });
  }

  findByEmail(
    workspaceId: string,
    email: string,
    manager?: EntityManager,
  ): Promise<Contact | null> {
    return this.m(manager)
      .createQueryBuilder(Contact, 'c')
      .where('c.workspace_id = :workspaceId AND c.emails @> ARRAY[:email]::text[]', {
        workspaceId,
        email,
      })
      .orderBy('c.created_at')
      .getOne();
  }

  findByPhone(
    workspaceId: string,
    phone: string,
    manager?: EntityManager,
  ): Promise<Contact | null> {
    return this.m(manager)
      .createQueryBuilder(Contact, 'c')
      .where('c.workspace_id = :workspaceId AND c.phones @> ARRAY[:phone]::text[]', {
        workspaceId,
        phone,
      })
      .orderBy('c.created_at')
      .getOne();
  }

  findMany(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m().find(Contact, { where: { workspaceId, id: In(ids) } });
  }

  insert(
    data: Pick<Contact, 'workspaceId' | 'name' | 'emails' | 'phones' | 'externalId'>,
    manager: EntityManager,
  ): Promise<Contact> {
    return insertNew<Contact>(manager, Contact, { id: randomUUID(), ...data });
  }

  save(contact: Contact, manager: EntityManager): Promise<Contact> {
    return manager.save(Contact, contact);
  }
}
