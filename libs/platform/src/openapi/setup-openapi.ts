import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_DESCRIPTIONS } from './api-responses';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

const WITH_BODY = ['post', 'put', 'patch'] as const;

/**
 * The HTTP layer refuses a body above 1 MiB (413) or of another type than JSON (415) before any
 * route runs, so every operation that takes a body can answer both: documented here, once.
 */
const documentBodyRefusals = (document: OpenAPIObject): void => {
  const problem = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } } };
  for (const path of Object.values(document.paths))
    for (const method of WITH_BODY) {
      const operation = path[method];
      if (!operation) continue;
      for (const status of ['413', '415'])
        operation.responses[status] ??= {
          description: PROBLEM_DESCRIPTIONS[Number(status)],
          content: problem,
        };
    }
};

/** Where Swagger UI is served; the document and its YAML form sit beside it (`/docs-json`, `/docs-yaml`). */
export const DOCS_PATH = '/docs';

export interface OpenApiInfo {
  title: string;
  version?: string;
  description?: string;
}

/**
 * Serves the generated document at `/docs-json` and Swagger UI at `/docs`, both without auth.
 * The UI keeps a pasted token only for the page's life: persisted, any script on the origin could
 * read it from localStorage.
 */
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
  documentBodyRefusals(document);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
    swaggerOptions: { persistAuthorization: false },
  });
  return document;
};
