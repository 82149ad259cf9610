/**
 * A reference below the ceiling: NestJS 11 on Express with a global ValidationPipe and the same
 * DTO, and nothing else — no JWT, no rate limit, no access log, no metrics, no problem+json. What
 * the ceiling loses against it is what the platform costs per request.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PublishRequestDto } from '../../../apps/coordination-api/src/requests/publish-request/publish-request.dto';

@Controller()
class BareController {
  @Post('v1/requests')
  @HttpCode(201)
  publish(@Body() body: PublishRequestDto) {
    return { id: randomUUID(), revision: 0, position: 0, title: body.title.length };
  }

  /** What the benchmark's launcher waits for. */
  @Get('health/ready')
  ready() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const main = async () => {
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
};

void main();
