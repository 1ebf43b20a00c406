export * from './contacts.module';
export * from './contacts.service';
export * from './entities/contact.entity';
