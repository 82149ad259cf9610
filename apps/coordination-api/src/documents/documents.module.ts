import { DynamicModule, Module } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { AttachDocumentController } from './attach-document/attach-document.controller';
import { AttachDocumentHandler } from './attach-document/attach-document.handler';
import { DOCUMENT_SETTINGS, type DocumentSettings } from './document-settings';
import { DocumentStore } from './document-store';
import { DocumentSweeper } from './document-sweeper';
import { DocumentUploadParser } from './document-upload-parser';
import { GetDocumentController } from './get-document/get-document.controller';
import { GetDocumentHandler } from './get-document/get-document.handler';
import { ListAttachmentsController } from './list-attachments/list-attachments.controller';
import { ListAttachmentsHandler } from './list-attachments/list-attachments.handler';
import { UploadDocumentController } from './upload-document/upload-document.controller';
import { UploadDocumentHandler } from './upload-document/upload-document.handler';

/** Evidence documents (API.md): upload, download, and attachments to requests, offers and matches. */
@Module({})
export class DocumentsModule {
  static forRoot(settings: DocumentSettings): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [CommandHandlingModule],
      controllers: [
        UploadDocumentController,
        GetDocumentController,
        AttachDocumentController,
        ListAttachmentsController,
      ],
      providers: [
        { provide: DOCUMENT_SETTINGS, useValue: settings },
        {
          provide: DocumentStore,
          useFactory: (db: Database) => DocumentStore.open(db, settings),
          inject: [DATABASE],
        },
        DocumentUploadParser,
        DocumentSweeper,
        UploadDocumentHandler,
        GetDocumentHandler,
        AttachDocumentHandler,
        ListAttachmentsHandler,
      ],
    };
  }
}
