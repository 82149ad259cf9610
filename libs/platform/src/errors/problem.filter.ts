import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { HttpReply, HttpRequest } from '../http/http-request';
import { sendProblem } from './send-problem';

/** The one place where anything thrown during an HTTP request becomes a response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    sendProblem(http.getRequest<HttpRequest>(), http.getResponse<HttpReply>(), exception);
  }
}
