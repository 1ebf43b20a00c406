import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@sanad/core';

export const API_ERRORS = 'sanad:apiErrors';
export const WHOLE_LIST = 'sanad:wholeList';

/**
 * Domain errors a route is known to answer, besides the ones every route of its kind may
 * (validation, authentication, scope, not found, rate limit): the OpenAPI document lists them
 * under their status with an example in both languages.
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator => SetMetadata(API_ERRORS, codes);

/**
 * A list route that answers every item at once (no cursor), and why that is bounded: the
 * document says so, and its completeness spec requires either this or `nextCursor`.
 */
export const WholeList = (why: string): MethodDecorator => SetMetadata(WHOLE_LIST, why);
