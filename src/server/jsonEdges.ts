import { STATUS_CODES, type Server } from 'node:http';
import type { Request, Response } from 'express';
import { ErrorCode } from '../errors.js';

/**
 * The answers given before or after every route, in the same JSON error shape as the rest of the API: an unknown
 * path or method (express's default is an HTML page that echoes the path), and a request Node's HTTP parser rejects
 * (its default is a bare 400 or 431 with no body).
 */
export function jsonNotFound() {
  return (req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: `Nothing is served at ${req.method} on this path; GraphQL is at /graphql.`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  };
}

export function answerParserErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    // A reset or half-closed socket has no one to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = tooLarge ? 431 : timeout ? 408 : 400;
    const message = tooLarge ? 'The request line or headers are larger than this server accepts; send a long query in a POST body.' : timeout ? 'The request took too long to arrive.' : 'The request is not valid HTTP.';
    const body = JSON.stringify({ errors: [{ message, extensions: { code: tooLarge ? ErrorCode.INPUT_TOO_LARGE : timeout ? ErrorCode.TIMEOUT : ErrorCode.BAD_REQUEST } }] });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
