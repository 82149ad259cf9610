import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { Roles } from '@multitrack/auth';
import { PublishRequestDto } from '../../../apps/coordination-api/src/requests/publish-request/publish-request.dto';

/**
 * The ceiling of `POST /v1/requests`: the same platform (auth, rate-limit guard, strict
 * validation of the same DTO, problem+json, logging, metrics) answering without deciding or
 * appending anything. What the real route loses against it is the command's own cost.
 */
@Controller('v1/requests')
class ValidateOnlyController {
  @Post()
  @HttpCode(201)
  @Roles('officer')
  publish(@Body() body: PublishRequestDto) {
    return { id: randomUUID(), revision: 0, position: 0, title: body.title.length };
  }
}

@Module({ controllers: [ValidateOnlyController] })
export class CeilingModule {}
