export * from './category.dto';
export * from './company.dto';
export * from './contact-field.dto';
export * from './list-people.dto';
export * from './person.dto';
