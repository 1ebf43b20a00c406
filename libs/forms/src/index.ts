export * from './forms.errors';
export * from './forms.module';
export * from './definition/default-definition';
export * from './definition/form-definition.rules';
export * from './submissions/submission-values.rules';
export * from './forms/forms.service';
export * from './dto/form.dto';
