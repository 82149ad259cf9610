import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

export interface OpenApiInfo {
  title: string;
  version?: string;
  description?: string;
}

/** Serves the generated document at `/docs-json` and Swagger UI at `/docs`, both without auth. */
export const setupOpenApi = (app: INestApplication, info: OpenApiInfo): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setVersion(info.version ?? '1')
    .setDescription(info.description ?? '')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemSchema, FieldErrorSchema],
  });
  const express = app.getHttpAdapter();
  express.get('/docs-json', (_request: Request, response: Response) => response.json(document));
  app.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(document, { swaggerOptions: { persistAuthorization: true } }),
  );
  return document;
};
