import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/**
 * What every command controller is: it translates one HTTP request into one app command and hands
 * it to the bus (docs/decisions/0091). Controllers extend it and say only their route and command.
 */
@Injectable()
export abstract class CommandController {
  constructor(protected readonly commands: CommandBus) {}
}
