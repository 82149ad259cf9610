import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { RecordAuditRead } from '../recording/record-audit-read.interceptor';

/** Every audit route: its roles (auditor unless API.md names others), and every call recorded. */
export const AuditRoute = (...roles: [Role, ...Role[]]) =>
  applyDecorators(Roles(...roles), UseInterceptors(RecordAuditRead), ApiTags('audit'), ApiQueryResponses());
