import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { documentContentTypes } from '@multitrack/documents';
import { ProblemException, statusProblem } from '@multitrack/platform';

/** The route config flag (`@RouteConfig`) of the one route whose body is a document. */
export const DOCUMENT_UPLOAD = { documentUpload: true } as const;

/**
 * Hands the body of `POST /v1/documents` to its handler as the stream it is, for the document
 * types only (createHttpApp parses JSON and nothing else). Every other route keeps answering these
 * types with the 415 it always did; the handler enforces DOCUMENT_MAX_BYTES itself, since Fastify
 * limits only the bodies it reads.
 */
@Injectable()
export class DocumentUploadParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of documentContentTypes)
      fastify.addContentTypeParser(type, (request, payload, done) => {
        const config = request.routeOptions.config as { documentUpload?: boolean } | undefined;
        if (config?.documentUpload) done(null, payload);
        else done(new ProblemException(statusProblem(415, 'the request body must be application/json')));
      });
  }
}
