import type { INestApplication, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES_KEY } from '@sanad/auth';
import { DomainError, type ErrorCode } from '@sanad/core';
import { IDEMPOTENT, type IdempotentOptions } from '@sanad/idempotency';
import { ERROR_CATALOG } from '../http/error-catalog';
import { API_ERRORS, WHOLE_LIST } from './api-errors.decorator';

const API_PRODUCES = 'swagger/apiProduces';

/** What the routes' decorators say, by `Controller.method`. */
export interface RouteFacts {
  isPublic: boolean;
  roles: string[];
  status: number | undefined;
  idempotent: IdempotentOptions | undefined;
  notFound: ErrorCode | undefined;
  errors: ErrorCode[];
  wholeList: string | undefined;
  produces: string[];
}

/** The pipe's own answer to a malformed id: what the route answers for an unknown one. */
function notFoundCode(pipes: unknown[]): ErrorCode | undefined {
  for (const pipe of pipes) {
    const factory = (pipe as { exceptionFactory?: (error: string) => unknown }).exceptionFactory;
    const error = factory?.('not a uuid');
    if (error instanceof DomainError && ERROR_CATALOG[error.code].status === 404) return error.code;
  }
  return undefined;
}

/** Every route's facts, read from the controllers' metadata (the truth the guards use). */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as Type | null;
      if (!type) continue;
      const prototype = type.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type)) as T | undefined;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<
          string,
          { pipes?: unknown[] }
        >;
        facts.set(`${type.name}.${method}`, {
          isPublic: read<boolean>(IS_PUBLIC) === true,
          roles: read<string[]>(ROLES_KEY) ?? [],
          status: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
          idempotent: read<IdempotentOptions>(IDEMPOTENT),
          notFound: notFoundCode(Object.values(args).flatMap((arg) => arg.pipes ?? [])),
          errors: read<ErrorCode[]>(API_ERRORS) ?? [],
          wholeList: read<string>(WHOLE_LIST),
          produces: read<string[]>(API_PRODUCES) ?? [],
        });
      }
    }
  }
  return facts;
}
