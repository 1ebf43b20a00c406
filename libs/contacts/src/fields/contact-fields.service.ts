import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type {
  ContactEntity,
  CustomFieldType,
  CustomFieldView,
  FieldTypeChangeView,
} from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import type { ContactField } from '../entities/contact-field.entity';
import { WorkspaceRegion } from '../workspace-region';
import { convertFieldValue, fieldValueText, type FieldRule } from './custom-field-rules.util';
import { FieldsRepository } from './fields.repository';
import type { CreateFieldDto, UpdateFieldDto } from '../dto/contact-field.dto';

/** At least the 100 the product promises, per entity. */
export const MAX_FIELDS = 200;
const CHOICE_TYPES: readonly CustomFieldType[] = ['select', 'multi_select'];
const BATCH = 1_000;

/** Custom-field definitions (حقول مخصصة) and what their changes do to stored values. */
@Injectable()
export class ContactFieldsService {
  constructor(
    private readonly repo: FieldsRepository,
    private readonly region: WorkspaceRegion,
    private readonly tx: TransactionRunner,
  ) {}

  async list(workspaceId: string, entity: ContactEntity): Promise<CustomFieldView[]> {
    return (await this.repo.list(workspaceId, entity)).map(toFieldView);
  }

  /** What values of this entity are checked against. */
  async rules(workspaceId: string, entity: ContactEntity): Promise<FieldRule[]> {
    return this.repo.list(workspaceId, entity);
  }

  async create(principal: Principal, dto: CreateFieldDto): Promise<CustomFieldView> {
    const options = this.checkOptions(dto.type, dto.options ?? []);
    return this.tx.run(async () => {
      if ((await this.repo.count(principal.workspaceId, dto.entity)) >= MAX_FIELDS)
        throw new DomainError('contact_field/limit', { max: MAX_FIELDS });
      const id = await this.repo.insert({
        workspaceId: principal.workspaceId,
        entity: dto.entity,
        key: dto.key,
        labelAr: cleanText(dto.labelAr),
        labelEn: cleanText(dto.labelEn),
        type: dto.type,
        required: dto.required ?? false,
        options,
      });
      if (!id) throw new DomainError('contact_field/key_taken');
      return toFieldView((await this.repo.find(principal.workspaceId, id)) as ContactField);
    });
  }

  /**
   * Labels, options, order and the required flag change in place. A type change converts each
   * stored value; one that does not fit the new type is kept as text under `<key>__previous`.
   * Removing an option keeps the values that used it the same way.
   */
  async update(principal: Principal, id: string, dto: UpdateFieldDto): Promise<CustomFieldView> {
    const region = await this.region.of(principal.workspaceId);
    return this.tx.run(async () => {
      const field = await this.repo.lock(principal.workspaceId, id);
      if (!field) throw new DomainError('contact_field/not_found');
      const type = dto.type ?? field.type;
      const options = this.checkOptions(type, dto.options ?? field.options);
      const rule: FieldRule = { ...field, type, options, required: false };
      const optionsShrank = field.options.some((o) => !options.some((n) => n.value === o.value));
      if (type !== field.type || optionsShrank)
        await this.convertAll(principal.workspaceId, field, rule, region);
      await this.repo.update(principal.workspaceId, id, {
        labelAr: dto.labelAr !== undefined ? cleanText(dto.labelAr) : field.labelAr,
        labelEn: dto.labelEn !== undefined ? cleanText(dto.labelEn) : field.labelEn,
        required: dto.required ?? field.required,
        position: dto.position ?? field.position,
        type,
        options,
      });
      return toFieldView((await this.repo.find(principal.workspaceId, id)) as ContactField);
    });
  }

  /** What a type change would do: how many values convert and how many are kept as text. */
  async typeChangePreview(
    principal: Principal,
    id: string,
    to: CustomFieldType,
  ): Promise<FieldTypeChangeView> {
    const field = await this.repo.find(principal.workspaceId, id);
    if (!field) throw new DomainError('contact_field/not_found');
    const region = await this.region.of(principal.workspaceId);
    const rule: FieldRule = { ...field, type: to, required: false };
    let converted = 0;
    let kept = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.repo.values(
        principal.workspaceId,
        field.entity,
        field.key,
        after,
        BATCH,
      );
      if (batch.length === 0) break;
      for (const { value } of batch)
        if (convertFieldValue(value, rule, region) === null) kept += 1;
        else converted += 1;
      after = batch[batch.length - 1].id;
    }
    return { from: field.type, to, converted, kept };
  }

  async usage(principal: Principal, id: string): Promise<{ values: number }> {
    const field = await this.repo.find(principal.workspaceId, id);
    if (!field) throw new DomainError('contact_field/not_found');
    return { values: await this.repo.usage(principal.workspaceId, field.entity, field.key) };
  }

  /** The definition goes with its values (the screen shows how many first: `usage`). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      const field = await this.repo.lock(principal.workspaceId, id);
      if (!field) throw new DomainError('contact_field/not_found');
      await this.repo.dropValues(principal.workspaceId, field.entity, field.key);
      await this.repo.remove(principal.workspaceId, id);
    });
  }

  private async convertAll(
    workspaceId: string,
    field: ContactField,
    rule: FieldRule,
    region: Awaited<ReturnType<WorkspaceRegion['of']>>,
  ): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.repo.values(workspaceId, field.entity, field.key, after, BATCH);
      if (batch.length === 0) return;
      const changes = batch.map(({ id, value }) => {
        const converted = convertFieldValue(value, rule, region);
        return {
          id,
          value: converted,
          previous: converted === null ? fieldValueText(value) : null,
        };
      });
      await this.repo.rewriteValues(workspaceId, field.entity, field.key, changes);
      after = batch[batch.length - 1].id;
    }
  }

  private checkOptions(type: CustomFieldType, options: CustomFieldView['options']) {
    if (!CHOICE_TYPES.includes(type)) return [];
    if (options.length === 0)
      throw new DomainError('request/validation', {}, [{ field: 'options', code: 'isNotEmpty' }]);
    const values = new Set<string>();
    for (const option of options) {
      if (values.has(option.value))
        throw new DomainError('request/validation', {}, [
          { field: 'options', code: 'duplicateOption', params: { value: option.value } },
        ]);
      values.add(option.value);
    }
    return options.map((o) => ({ value: o.value, ar: cleanText(o.ar), en: cleanText(o.en) }));
  }
}

export function toFieldView(f: ContactField): CustomFieldView {
  const { id, entity, key, labelAr, labelEn, type, required, options, position } = f;
  return { id, entity, key, labelAr, labelEn, type, required, options, position };
}
