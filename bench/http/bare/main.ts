/**
 * References below the ceiling: NestJS 11 with a global ValidationPipe and the same DTO, and
 * nothing else — no JWT, no rate limit, no access log, no metrics, no problem+json — on Fastify
 * (the platform's adapter) or, with ADAPTER=express, on Express (the adapter it left, decision
 * 0230). What the ceiling loses against its adapter's reference is what the platform costs per
 * request.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
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
  const adapter = process.env.ADAPTER === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(BareModule, adapter, { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  // A clean exit, so that `npm run profile -- bare` gets its CPU profile written.
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
};

void main();
