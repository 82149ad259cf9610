import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

/** What every read controller is: it translates one HTTP request into one app query for the bus. */
@Injectable()
export abstract class QueryController {
  constructor(protected readonly queries: QueryBus) {}
}
