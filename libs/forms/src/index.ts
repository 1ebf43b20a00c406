export * from './definition/form-definition.rules';
export * from './submissions/submission-values.rules';
