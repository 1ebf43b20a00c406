import { Injectable } from '@nestjs/common';
import type { CustomFieldType, FieldFilterOp } from '@sanad/contracts';
import { DomainError, type FieldError } from '@sanad/core';
import { checkFieldValue } from '../fields/custom-field-rules.util';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { WorkspaceRegion } from '../workspace-region';
import type { FieldFilter } from './people-query.util';

/** Which operators each type takes. */
const OPS: Record<CustomFieldType, readonly FieldFilterOp[]> = {
  text: ['eq', 'contains', 'empty', 'not_empty'],
  long_text: ['contains', 'empty', 'not_empty'],
  url: ['eq', 'contains', 'empty', 'not_empty'],
  email: ['eq', 'contains', 'empty', 'not_empty'],
  phone: ['eq', 'empty', 'not_empty'],
  number: ['eq', 'before', 'after', 'empty', 'not_empty'],
  decimal: ['eq', 'before', 'after', 'empty', 'not_empty'],
  date: ['eq', 'before', 'after', 'empty', 'not_empty'],
  select: ['eq', 'empty', 'not_empty'],
  multi_select: ['eq', 'contains', 'empty', 'not_empty'],
  checkbox: ['eq', 'empty', 'not_empty'],
};

/** `field=<key>:<op>:<value>` query values, checked against the definitions (400 naming each). */
@Injectable()
export class PeopleFilters {
  constructor(
    private readonly fields: ContactFieldsService,
    private readonly region: WorkspaceRegion,
  ) {}

  async parse(workspaceId: string, raw: string[]): Promise<FieldFilter[]> {
    if (raw.length === 0) return [];
    const rules = new Map((await this.fields.rules(workspaceId, 'person')).map((r) => [r.key, r]));
    const region = await this.region.of(workspaceId);
    const errors: FieldError[] = [];
    const filters: FieldFilter[] = [];
    raw.forEach((text, i) => {
      const [key, op, ...rest] = text.split(':');
      const value = rest.join(':');
      const rule = rules.get(key);
      const field = `field.${i}`;
      if (!rule) return errors.push({ field, code: 'unknownField', params: { key } });
      const operator = op as FieldFilterOp;
      if (!OPS[rule.type].includes(operator))
        return errors.push({ field, code: 'isIn', params: { allowed: OPS[rule.type].join(', ') } });
      if (operator === 'empty' || operator === 'not_empty')
        return filters.push({ key, type: rule.type, op: operator });
      if (operator === 'contains' && rule.type !== 'multi_select') {
        if (!value) return errors.push({ field, code: 'isNotEmpty' });
        return filters.push({ key, type: rule.type, op: operator, value });
      }
      // eq, before, after and a multi-select's contains compare with a value of the field's type.
      const valueRule = rule.type === 'multi_select' ? { ...rule, type: 'select' as const } : rule;
      const checked = checkFieldValue(valueRule, value, region);
      if ('error' in checked) return errors.push({ field, ...checked.error });
      filters.push({
        key,
        type: rule.type,
        op: operator,
        value: checked.value as string | number | boolean,
      });
    });
    if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
    return filters;
  }
}
