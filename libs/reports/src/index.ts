export * from './reports.module';
export * from './reports.service';
export * from './dto/report-query.dto';
export * from './facts/report-facts.service';
export * from './ratings/report-ratings';
export * from './definitions/conversation-facts.util';
export * from './export/report-tables.util';
